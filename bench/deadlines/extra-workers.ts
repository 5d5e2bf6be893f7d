import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { DatabaseSettings } from '@grif/persistence';

export interface ExtraWorkers {
  stop(): Promise<void>;
}

/**
 * `n` more Grif worker processes (`npm run start:worker`, as a district runs several) on the same
 * database and queue prefix; resolves once each has said it started. Their output is dropped (the
 * worker logs every deadline it fires), so a full pipe never stalls them.
 */
export async function startExtraWorkers(n: number, db: DatabaseSettings, prefix: string): Promise<ExtraWorkers> {
  const main = join(__dirname, '..', '..', 'apps', 'worker', 'src', 'main.js');
  const env = {
    ...process.env,
    DATABASE_URL: db.kind === 'sqlite' ? `sqlite:${db.target}` : db.target,
    GRIF_QUEUE_PREFIX: prefix,
  };
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      children.map(async (c) => {
        if (c.exitCode !== null || c.signalCode !== null) return;
        const exited = once(c, 'exit');
        c.kill('SIGTERM');
        await exited;
      }),
    );
  };
  try {
    for (let i = 0; i < n; i++) {
      const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      let said = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (chunk: Buffer) => {
          if (said.length < 10_000) said += chunk.toString();
          if (said.includes('grif-worker: started')) resolve();
        });
        child.stderr!.on('data', (chunk: Buffer) => (said += chunk.toString()));
        child.once('exit', (code) => reject(new Error(`an extra worker exited (${code}): ${said.slice(-500)}`)));
      });
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { stop };
}
