import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { redisAnswers, redisOptions } from '@grif/queue';

export interface LocalRedis {
  stop(): Promise<void>;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

function onPath(command: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const file = join(dir, command);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/**
 * A newcomer's `npm start` needs a Redis. When nothing answers at a local REDIS_URL and
 * redis-server is installed, Grif runs one for itself — on 127.0.0.1 only, with its
 * append-only file under `<dataDir>/redis` so deadlines' alarms survive a restart — and
 * stops it on exit. Otherwise one line says how to get one.
 */
export async function ensureLocalRedis(
  url: string,
  dataDir: string,
  print: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<LocalRedis | undefined> {
  if (await redisAnswers(url, 1500)) return undefined;
  const { host, port, password } = redisOptions(url);
  const server = onPath('redis-server', env);
  // A Redis with credentials is someone's configured server, not a newcomer's missing one.
  if (!LOCAL_HOSTS.has(String(host)) || password || !server) {
    throw new Error(
      server || password
        ? `grif: Redis does not answer at ${url.replace(/\/\/[^@]*@/, '//')}. Start it or set REDIS_URL.`
        : `grif: Redis does not answer at ${url}, and redis-server is not installed: install it (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis), or start one, or set REDIS_URL.`,
    );
  }
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    server,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
      // A deadline's job hash keeps its compact encoding only while every value fits; its options take ~190
      // bytes, over the default 64, and 100,000 pending alarms then take ~100 MB instead of ~65 MB (bench/deadlines).
      // The Redis 6 name, which Redis 7 still accepts (hash-max-listpack-value).
      '--hash-max-ziplist-value',
      '256',
      '--logfile',
      'redis.log',
    ],
    // Its own process group: a Ctrl-C reaches Grif only, which stops this Redis after the jobs drained.
    { stdio: 'ignore', detached: true },
  );
  let spawnError: Error | undefined;
  child.on('error', (err) => (spawnError = err));
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  const exited = once(child, 'exit');
  for (let waited = 0; !(await redisAnswers(url, 500)); waited += 100) {
    if (spawnError || child.exitCode !== null || waited > 10_000) {
      child.kill('SIGKILL');
      throw new Error(`grif: could not start redis-server on ${url} (see ${join(dir, 'redis.log')}).`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  print(
    `grif: no Redis answered at ${url}, so Grif started redis-server there (127.0.0.1 only, append-only files in ${dir}); it stops when Grif stops.`,
  );
  return { stop: () => stopChild(child, exited, killOnExit) };
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>, killOnExit: () => void): Promise<void> {
  process.off('exit', killOnExit);
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await exited;
}
