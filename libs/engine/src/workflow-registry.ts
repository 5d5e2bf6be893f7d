import type { WorkflowDefinition } from '@grif/workflows';
import { GrifError } from '@grif/domain';

/** Every machine id@version this build can run. */
export class WorkflowRegistry {
  private readonly byKey = new Map<string, WorkflowDefinition>();
  private readonly latest = new Map<string, WorkflowDefinition>();
  private readonly personFieldsByType = new Map<string, string[]>();

  constructor(defs: readonly WorkflowDefinition[]) {
    for (const d of defs) {
      this.byKey.set(`${d.id}@${d.version}`, d);
      if ((this.latest.get(d.id)?.version ?? 0) < d.version) this.latest.set(d.id, d);
    }
  }

  get(id: string, version: number): WorkflowDefinition {
    const d = this.byKey.get(`${id}@${version}`);
    if (!d) throw new GrifError('conflict', 'MACHINE_VERSION_UNKNOWN');
    return d;
  }

  current(id: string): WorkflowDefinition {
    const d = this.latest.get(id);
    if (!d) throw new GrifError('conflict', 'MACHINE_VERSION_UNKNOWN');
    return d;
  }

  /**
   * The payload fields that name a person to look up in an event of this type, in any machine that has one: what a
   * send may read, told before its instance (and so its machine) is known.
   */
  personFields(type: string): string[] {
    let fields = this.personFieldsByType.get(type);
    if (!fields) {
      const found = new Set<string>();
      for (const def of this.byKey.values())
        for (const [field, kind] of Object.entries(def.events[type]?.lookups ?? {}))
          if (kind === 'person') found.add(field);
      this.personFieldsByType.set(type, (fields = [...found]));
    }
    return fields;
  }

  /** Boot must stop when the database holds instances of a machine version this build cannot run. */
  assertKnown(stored: { machineId: string; machineVersion: number }[]): void {
    const missing = stored.filter((s) => !this.byKey.has(`${s.machineId}@${s.machineVersion}`));
    if (missing.length) {
      const list = missing.map((m) => `${m.machineId}@${m.machineVersion}`).join(', ');
      throw new Error(
        `grif: the database has instances of unregistered machine versions: ${list}. Register them (keep the old version in workflows/) or migrate those instances.`,
      );
    }
  }
}
