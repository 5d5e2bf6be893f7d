import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ruleIdsIn } from './rule-ids';

export interface SourceLine {
  file: string;
  line: number;
}

/** Where the server-side code lives: libraries, workflows and the three apps (the admin UI enforces nothing). */
export const SOURCE_ROOTS = ['libs', 'workflows', 'apps/api', 'apps/worker', 'apps/core'];

/** Tests, their fixtures and helpers prove a clause, they do not enforce it; nor does the matrix that lists them. */
const NOT_SOURCE_FILE = /\.(spec|test)\.ts$|\.spec-data\.ts$|\.d\.ts$/;
const NOT_SOURCE_DIR = new Set(['node_modules', 'dist', 'testing', 'fixtures', '__tests__', '__mocks__']);
const MATRIX_ITSELF = 'apps/api/src/compliance';

/** The non-test TypeScript files under the source roots of `root`, as repository-relative paths with `/`. */
export function sourceFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // a root this checkout does not have
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      const rel = relative(root, path).split(sep).join('/');
      if (e.isDirectory()) {
        if (!NOT_SOURCE_DIR.has(e.name) && rel !== MATRIX_ITSELF) walk(path);
      } else if (e.isFile() && e.name.endsWith('.ts') && !NOT_SOURCE_FILE.test(e.name)) {
        found.push(rel);
      }
    }
  };
  for (const r of SOURCE_ROOTS) walk(join(root, r));
  return found.sort();
}

/**
 * Every line that names a clause — a `// R-x.y` comment, a rule definition (`'R-4.2.5': {…}`), a refusal citing it —
 * by clause id: `{file, line}` (1-based), in file order.
 */
export function ruleReferences(files: { file: string; text: string }[]): Map<string, SourceLine[]> {
  const byRule = new Map<string, SourceLine[]>();
  for (const { file, text } of files) {
    text.split('\n').forEach((content, i) => {
      for (const id of ruleIdsIn(content)) {
        const lines = byRule.get(id) ?? [];
        lines.push({ file, line: i + 1 });
        byRule.set(id, lines);
      }
    });
  }
  return byRule;
}

/** Scans the source of the checkout at `root` once: reads every source file and collects its clause references. */
export function scanSource(root: string): Map<string, SourceLine[]> {
  return ruleReferences(sourceFiles(root).map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') })));
}
