import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Child, DIST, freePort, portIsFree, spawnChild, spawnNode } from '../support/processes';
import { eventually } from '../support/api';

/** Compiled code (`npm run build` first); a temporary SQLite database whatever DATABASE_URL says. */
describe('start-up without Redis: fails fast with one line that says how to start it', () => {
  let dir: string;
  let env: Record<string, string>;
  const children: Child[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'grif-startup-'));
    // 6399 by convention; should something listen there on this machine, any free port does.
    const port = (await portIsFree(6399)) ? 6399 : await freePort();
    env = {
      DATABASE_URL: `sqlite:${join(dir, 'grif.sqlite')}`,
      REDIS_URL: `redis://127.0.0.1:${port}`,
      GRIF_QUEUE_PREFIX: 'grif-startup-test',
    };
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
    const exit = await Promise.race([
      child.exited,
      new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), 5000))),
    ]);
    clearTimeout(timer);
    expect(exit).toEqual({ code: 1, signal: null });
    expect(Date.now() - started).toBeLessThan(5000);
    const lines = child.output().trim().split('\n');
    expect(lines).toEqual([expect.stringContaining('redis-server')]);
    expect(lines[0]).toContain(env.REDIS_URL);
  });
});

/** A newcomer's machine: Node and redis-server, nothing running. `npm start` (main --with-worker) brings its own Redis. */
describe('npm start without a running Redis', () => {
  let dir: string;
  let env: Record<string, string>;
  let redisPort: number;
  const children: Child[] = [];
  const start = (extra: Record<string, string> = {}) => {
    const child = spawnChild(process.execPath, [DIST('apps/api/src/main.js'), '--with-worker'], { ...env, ...extra });
    children.push(child);
    return child;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'grif-newcomer-'));
    redisPort = await freePort();
    env = {
      DATABASE_URL: `sqlite:${join(dir, 'grif.sqlite')}`,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      GRIF_DATA_DIR: dir,
      GRIF_QUEUE_PREFIX: 'grif-newcomer-test',
      PORT: String(await freePort()),
    };
    const migrate = spawnNode('tools/migrate.js', env);
    children.push(migrate);
    expect((await migrate.exited).code).toBe(0);
  });
  afterAll(async () => {
    for (const c of children) await c.stop(3000);
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts redis-server for itself (127.0.0.1, append-only files under the data folder), says so in one line, and stops it on exit', async () => {
    const grif = start();
    await grif.waitFor(/API on http/, 30_000);
    const said = grif
      .output()
      .split('\n')
      .filter((l) => l.includes('redis-server'));
    expect(said).toEqual([
      expect.stringContaining(
        `Grif started redis-server there (127.0.0.1 only, append-only files in ${join(dir, 'redis')})`,
      ),
    ]);
    const health = await (await fetch(`http://127.0.0.1:${env.PORT}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', redis: 'up', database: 'up' });
    expect(existsSync(join(dir, 'redis', 'appendonlydir'))).toBe(true);

    grif.proc.kill('SIGTERM');
    expect(await grif.exited).toEqual({ code: 0, signal: null });
    await eventually(async () => ((await portIsFree(redisPort)) ? true : undefined), 5000);
  });

  it('a bad setting stops it before anything starts, with one line that names the variable', async () => {
    const grif = start({ GRIF_JOB_LOCK_MS: 'soon' });
    expect(await grif.exited).toEqual({ code: 1, signal: null });
    expect(grif.output().trim().split('\n')).toEqual([expect.stringMatching(/^grif: GRIF_JOB_LOCK_MS /)]);
  });

  it('without redis-server on the PATH it exits 1 with one line that says how to get one', async () => {
    const grif = start({ PATH: join(dir, 'no-such-folder') });
    expect(await grif.exited).toEqual({ code: 1, signal: null });
    expect(grif.output().trim().split('\n')).toEqual([
      expect.stringContaining('redis-server is not installed: install it (Debian/Ubuntu: apt-get install redis-server'),
    ]);
  });
});
