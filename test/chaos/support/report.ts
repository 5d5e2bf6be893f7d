/**
 * Each scenario prints what it did and what it checked (issue 12), as plain lines on stdout: jest's
 * console capture would bury them under stack frames.
 */
const started = Date.now();

export function say(line: string): void {
  const s = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  process.stdout.write(`  [chaos ${s}s] ${line}\n`);
}

/** A check that passed: printed after its expectations held. */
export function checked(line: string): void {
  say(`checked: ${line}`);
}

export function did(line: string): void {
  say(`did: ${line}`);
}
