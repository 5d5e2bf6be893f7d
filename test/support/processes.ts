import { ChildProcess, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
/** Child processes run the compiled code: `npm run build` (or `npm test`'s pretest) first. */
export const DIST = (rel: string) => join(ROOT, 'dist', rel);

export interface Child {
  proc: ChildProcess;
  /** Everything the process printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves with the exit code (or the signal) once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
  /** Resolves when the output matches, rejects when the process exits or the time is up. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<void>;
  /** SIGTERM, then SIGKILL if it is still there after `graceMs`. Safe to call twice. */
  stop(graceMs?: number): Promise<void>;
}

/** Spawns a command with `env` added to this process's environment, capturing its output. */
export function spawnChild(command: string, args: string[], env: Record<string, string | undefined> = {}): Child {
  const proc = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    }),
  );
  const child: Child = {
    proc,
    output: () => out,
    exited,
    alive: () => !done,
    waitFor: (pattern, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        const timer = setInterval(check, 50);
        const limit = setTimeout(
          () =>
            finish(new Error(`${command} ${args.join(' ')}: no ${pattern} within ${timeoutMs} ms; output:\n${out}`)),
          timeoutMs,
        );
        function finish(err?: Error) {
          clearInterval(timer);
          clearTimeout(limit);
          if (err) reject(err);
          else resolve();
        }
        function check() {
          if (pattern.test(out)) finish();
          else if (done)
            finish(new Error(`${command} ${args.join(' ')} exited before printing ${pattern}; output:\n${out}`));
        }
        check();
      }),
    stop: async (graceMs = 5000) => {
      if (done || proc.pid === undefined) return;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  return child;
}

/** `node dist/<script>` with extra environment. */
export function spawnNode(script: string, env: Record<string, string | undefined> = {}): Child {
  return spawnChild(process.execPath, [DIST(script)], env);
}

/**
 * A TCP port nobody listens on right now, below the kernel's range for outgoing connections (32768–60999 here):
 * a port the kernel handed out as free was once taken by some connection's own end before the child listened on it
 * (EADDRINUSE in startup.test.ts).
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + randomInt(12_000);
    if (await portIsFree(port)) return port;
  }
}

/** Whether nothing listens on `port` of 127.0.0.1 right now. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** A throw-away redis-server of a test file's own on `port`, keeping nothing on disk; resolves once it accepts connections. */
export async function startPrivateRedis(port: number): Promise<Child> {
  const redis = spawnChild('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  await redis.waitFor(/Ready to accept connections/, 10_000);
  return redis;
}
