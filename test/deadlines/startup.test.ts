import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Child, freePort, portIsFree, spawnNode } from '../support/processes';

/** Compiled code (`npm run build` first); a temporary SQLite database whatever DATABASE_URL says. */
describe('start-up without Redis: fails fast with one line that says how to start it', () => {
  let dir: string;
  let env: Record<string, string>;
  const children: Child[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'grif-startup-'));
    // 6399 by convention; should something listen there on this machine, any free port does.
    const port = (await portIsFree(6399)) ? 6399 : await freePort();
    env = { DATABASE_URL: `sqlite:${join(dir, 'grif.sqlite')}`, REDIS_URL: `redis://127.0.0.1:${port}`, GRIF_QUEUE_PREFIX: 'grif-startup-test' };
    const migrate = spawnNode('tools/migrate.js', env);
    children.push(migrate);
    expect((await migrate.exited).code).toBe(0);
  });
  afterAll(async () => {
    for (const c of children) await c.stop(1000);
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['API', 'apps/api/src/main.js'],
    ['worker', 'apps/worker/src/main.js'],
  ])('the %s exits 1 within 5 s, printing one line that mentions redis-server', async (_name, script) => {
    const started = Date.now();
    const child = spawnNode(script, env);
    children.push(child);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const exit = await Promise.race([child.exited, new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), 5000)))]);
    clearTimeout(timer);
    expect(exit).toEqual({ code: 1, signal: null });
    expect(Date.now() - started).toBeLessThan(5000);
    const lines = child.output().trim().split('\n');
    expect(lines).toEqual([expect.stringContaining('redis-server')]);
    expect(lines[0]).toContain(env.REDIS_URL);
  });
});

