/**
 * The snapshot text this process last wrote or read for each instance, with the object it stands for. A read
 * that finds the same text gives the same object back, so the engine's restored machine snapshot for it
 * (restoreSnapshot in @grif/engine) is found again instead of parsed and resolved again. Keyed by the text
 * itself: a write rolled back or made by another process leaves a different text in the row, which is parsed
 * as before. Bounded, the oldest first out: a school's working set of instances, not the archive.
 */
const byInstance = new Map<string, { text: string; value: unknown }>();
const LIMIT = 20_000;

/** The text to store for an instance's snapshot. */
export function snapshotText(instanceId: string, value: unknown): string {
  const text = JSON.stringify(value);
  remember(instanceId, text, value);
  return text;
}

/** The snapshot a row's text holds: the same object as last time when the text is the same. */
export function parsedSnapshot(instanceId: string, text: string): unknown {
  const known = byInstance.get(instanceId);
  if (known?.text === text) return known.value;
  const value: unknown = JSON.parse(text);
  remember(instanceId, text, value);
  return value;
}

function remember(instanceId: string, text: string, value: unknown): void {
  byInstance.delete(instanceId);
  byInstance.set(instanceId, { text, value });
  if (byInstance.size > LIMIT) byInstance.delete(byInstance.keys().next().value!);
}
