import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs `openssl` in a scratch directory holding the given files; `{name}` in an argument becomes that file's path.
 * Returns standard output, standard error (where `-info` reports) and the files named in `read`. Throws when openssl fails.
 */
export function openssl(
  args: string[],
  files: Record<string, Uint8Array | string> = {},
  read: string[] = [],
): { stdout: string; stderr: string; files: Record<string, Buffer> } {
  const dir = mkdtempSync(join(tmpdir(), 'grif-openssl-'));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    const path = (a: string) => a.replace(/\{([\w.-]+)\}/g, (_, name: string) => join(dir, name));
    const run = spawnSync('openssl', args.map(path), { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`openssl ${args[0]} failed (${run.status}): ${run.stderr}`);
    const made = Object.fromEntries(read.map((name) => [name, readFileSync(join(dir, name))]));
    return { stdout: run.stdout, stderr: run.stderr, files: made };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const toPem = (label: string, der: Uint8Array): string =>
  `-----BEGIN ${label}-----\n${Buffer.from(der)
    .toString('base64')
    .replace(/.{64}/g, '$&\n')
    .replace(/\n?$/, '\n')}-----END ${label}-----\n`;
