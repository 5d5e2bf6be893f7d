import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { documentText, offlineOpenApiDocument } from '../../tools/openapi-document';

const ROOT = resolve(__dirname, '../..');
const GENERATED = join(ROOT, 'apps/admin/src/api');
const CLI = join(ROOT, 'node_modules/openapi-typescript/bin/cli.js');

/** A failed comparison, with what to do about it first. */
function regenerateIfDifferent(check: () => void): void {
  try {
    check();
  } catch (err) {
    throw new Error(
      `The UI's API types are out of date: run \`npm run openapi:types\` and commit apps/admin/src/api.\n${(err as Error).message}`,
    );
  }
}

describe('the admin UI takes its API types from the server document', () => {
  let dir: string;
  let current: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'grif-openapi-'));
    current = documentText(await offlineOpenApiDocument());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the committed openapi.json is the document the server serves', () => {
    const committed: unknown = JSON.parse(readFileSync(join(GENERATED, 'openapi.json'), 'utf8'));
    regenerateIfDifferent(() => expect(committed).toEqual(JSON.parse(current)));
  });

  it('the committed schema.d.ts is what openapi-typescript makes of that document', () => {
    writeFileSync(join(dir, 'openapi.json'), current);
    execFileSync(process.execPath, [CLI, join(dir, 'openapi.json'), '-o', join(dir, 'schema.d.ts')], { stdio: 'pipe' });
    const generated = readFileSync(join(dir, 'schema.d.ts'), 'utf8');
    regenerateIfDifferent(() => expect(readFileSync(join(GENERATED, 'schema.d.ts'), 'utf8')).toBe(generated));
  });
});
