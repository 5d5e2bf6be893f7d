import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { adminQuery } from '../scratch-database';

const run = promisify(execFile);

export interface Pgbench {
  /** Transactions per second of `pgbench -b simple-update` at this many clients (without connection time). */
  tps(clients: number, seconds: number, threads: number): Promise<number>;
  drop(): Promise<void>;
}

/**
 * A scratch database of its own on the server `serverUrl` names (never that database), initialised by
 * `pgbench -i` at scale `scale`, for the PostgreSQL baseline: what the same server commits per second.
 */
export async function pgbenchDatabase(serverUrl: string, scale: number): Promise<Pgbench> {
  const name = `grif_pgbench_${process.pid}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const drop = () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  try {
    await run('pgbench', ['-i', '-q', '-s', String(scale), url]);
  } catch (err) {
    await drop();
    throw err;
  }
  return {
    drop,
    async tps(clients, seconds, threads) {
      // -n: no vacuum before the run (pgbench's own tables only; the run is short and the same for every point).
      const { stdout } = await run('pgbench', [
        '-n',
        '-b',
        'simple-update',
        '-c',
        String(clients),
        '-j',
        String(Math.min(clients, threads)),
        '-T',
        String(seconds),
        url,
      ]);
      const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
      if (!m) throw new Error(`pgbench: no tps in its output:\n${stdout}`);
      return Number(m[1]);
    },
  };
}
