import { readFileSync } from 'node:fs';

/** What one point of a closed-loop run measured: completions per second and their latency. */
export interface Measured {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  n: number;
  errors: number;
  firstError?: unknown;
  /** This process's CPU time (user + system) over the measured window, per counted step: less swayed by a loaded machine than the rate. */
  cpuUsPerStep: number;
  /** The same for the JavaScript thread alone (Linux), without helper threads such as SQLite's checkpointer. */
  mainThreadUsPerStep?: number;
}

/** The main thread's CPU time in µs, from /proc (clock ticks of 10 ms); undefined where there is no /proc. */
function mainThreadCpuUs(): number | undefined {
  try {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return undefined;
  }
}

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : NaN;

/**
 * `clients` loops, each awaiting its own `step` again as soon as the last one answered (a closed loop: the
 * rate is what the system sustains, not what it is offered). Steps that start during the first `warmupSeconds`
 * are not counted; those still running at the end are not either. A client whose step fails stops (its
 * instance is in a state it no longer knows) and the failure is counted: a healthy run has none.
 */
export async function closedLoop(
  clients: number,
  seconds: number,
  warmupSeconds: number,
  step: (client: number) => Promise<void>,
): Promise<Measured> {
  const now = () => performance.now();
  const measureFrom = now() + warmupSeconds * 1000;
  const end = measureFrom + seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: unknown;
  let cpuFrom: NodeJS.CpuUsage | undefined;
  let mainFrom: number | undefined;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (now() < end) {
        const started = now();
        // Read here, not by a timer: with SQLite in process a loop of steps may never yield to timers.
        if (started >= measureFrom && !cpuFrom) {
          cpuFrom = process.cpuUsage();
          mainFrom = mainThreadCpuUs();
        }
        try {
          await step(client);
        } catch (err) {
          errors++;
          firstError ??= err;
          return;
        }
        const done = now();
        if (started >= measureFrom && done <= end) latencies.push(done - started);
      }
    }),
  );
  // Until the last step in flight at the end answered: a little past the window, by one step at most.
  const used = process.cpuUsage(cpuFrom);
  const cpuUs = used.user + used.system;
  const mainTo = mainThreadCpuUs();
  const sorted = Float64Array.from(latencies).sort();
  return {
    perSecond: latencies.length / seconds,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    n: latencies.length,
    errors,
    firstError,
    cpuUsPerStep: cpuUs / latencies.length,
    ...(mainFrom !== undefined && mainTo !== undefined
      ? { mainThreadUsPerStep: (mainTo - mainFrom) / latencies.length }
      : {}),
  };
}
