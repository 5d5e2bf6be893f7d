import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The committed list of the Regulation's clauses (tools/compliance-clauses.mjs writes it). */
export const CLAUSES_FILE = 'docs/regulation-clauses.json';

/**
 * The checkout this server runs from: the nearest directory above `from` holding the list of clauses. The same
 * answer whether the server runs compiled (dist/apps/api/src/compliance) or as TypeScript in the tests.
 */
export function repoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, CLAUSES_FILE))) return dir;
    if (dirname(dir) === dir)
      throw new Error(`no ${CLAUSES_FILE} above ${from}: the compliance matrix needs the checkout`);
  }
}
