import { Queue } from 'bullmq';
import { QUEUE_NAMES } from '@grif/queue';
import type { Load } from './load';
import { checked, say } from './report';
import type { ChaosStack } from './stack';

/** Polls `probe` until it answers true; throws with the last value otherwise. */
export async function until(what: string, probe: () => Promise<unknown>, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  let last: unknown;
  for (;;) {
    try {
      last = await probe();
      if (last === true) return;
    } catch (err) {
      last = (err as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${limitMs} ms (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const count = async (stack: ChaosStack, text: string, params: unknown[] = []) =>
  Number((await stack.sql<{ n: string }>(text, params))[0].n);

/** Every job of every queue by state (BullMQ's own view of Redis). */
export async function jobCounts(stack: ChaosStack): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  for (const name of QUEUE_NAMES) {
    const q = new Queue(name, { connection: { url: stack.redis!.url }, prefix: stack.prefix });
    try {
      const c = await q.getJobCounts('active', 'waiting', 'delayed', 'failed', 'completed', 'prioritized');
      for (const [k, v] of Object.entries(c)) totals[k] = (totals[k] ?? 0) + v;
    } finally {
      await q.close();
    }
  }
  return totals;
}

/** Why the failed jobs failed, each reason once with its count. */
async function failedReasons(stack: ChaosStack): Promise<string> {
  const reasons = new Map<string, number>();
  for (const name of QUEUE_NAMES) {
    const q = new Queue(name, { connection: { url: stack.redis!.url }, prefix: stack.prefix });
    try {
      for (const job of await q.getFailed(0, 100)) {
        const r = `${name}/${job.name}: ${String(job.failedReason).slice(0, 120)}`;
        reasons.set(r, (reasons.get(r) ?? 0) + 1);
      }
    } finally {
      await q.close();
    }
  }
  return [...reasons].map(([r, n]) => `${n} × ${r}`).join('; ');
}

/**
 * "Nothing lost, nothing applied twice", read from the database once the chaos is over:
 * every effect delivered, every due deadline fired exactly once, each notification made once,
 * every act rendered once, every chain intact, every instance whole, and every write the load
 * made answering the same when it is sent again with its Idempotency-Key.
 */
export async function assertNothingLostNothingTwice(stack: ChaosStack, load: Load, o: { settleMs: number }) {
  const { api } = stack;
  if (load.errors.length || api.observed.violations.length)
    throw new Error(
      `unexpected answers:\n${[...load.errors, ...api.observed.violations].join('\n')}\nlogged by Grif:\n${stack.errorLog()}`,
    );

  // Settled: every outbox row delivered, every deadline already due fired (or stale), every act rendered.
  await until(
    'every outbox row delivered and every due deadline settled',
    async () =>
      (await count(stack, 'select count(*) n from outbox where delivered_at is null')) === 0 &&
      (await count(
        stack,
        `select count(*) n from deadlines where status = 'pending' and due_at < to_char(now() at time zone 'utc' - interval '2 seconds', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
      )) === 0,
    o.settleMs,
  );
  const outbox = await count(stack, 'select count(*) n from outbox');
  checked(`all ${outbox} outbox rows were delivered (none pending)`);

  const deadlines = await stack.sql<{ id: string; status: string; applied: string }>(
    `select d.id, d.status, count(e.id) applied from deadlines d
       left join workflow_events e on e.instance_id = d.instance_id and e.payload::jsonb->>'deadlineId' = d.id
     group by d.id, d.status`,
  );
  const wrong = deadlines.filter((d) => Number(d.applied) !== (d.status === 'fired' ? 1 : 0));
  expect(wrong).toEqual([]);
  const fired = deadlines.filter((d) => d.status === 'fired').length;
  checked(`${deadlines.length} deadlines: ${fired} fired, each applied exactly once; none due is still pending`);

  const kept = load.documents.filter((d) => d.ending === 'kept');
  const passed = await stack.sql<{ instance_id: string; n: string }>(
    `select instance_id, count(*) n from workflow_events where type = 'DEADLINE_PASSED' and instance_id = any($1) group by 1`,
    [kept.map((d) => d.id)],
  );
  const passedOf = new Map(passed.map((r) => [r.instance_id, Number(r.n)]));
  expect(kept.filter((d) => passedOf.get(d.id) !== 1).map((d) => d.id)).toEqual([]);
  const states = await stack.sql<{ id: string; state: string }>(
    'select id, state from workflow_instances where id = any($1)',
    [load.documents.map((d) => d.id)],
  );
  const stateOf = new Map(states.map((r) => [r.id, r.state]));
  for (const d of load.documents) {
    const s = stateOf.get(d.id) ?? 'missing';
    if (d.ending === 'kept') expect([d.id, s]).toEqual([d.id, expect.stringMatching(/overdue|escalated/)]);
    if (d.ending === 'returned') expect([d.id, s]).toEqual([d.id, expect.stringMatching(/in_storage/)]);
    if (d.ending === 'lost') expect([d.id, s]).toEqual([d.id, expect.stringMatching(/lost/)]);
  }
  checked(
    `${kept.length} documents kept past due went overdue with one DEADLINE_PASSED each; every document is where its round left it`,
  );

  const duplicates = await count(
    stack,
    `select count(*) n from (select instance_id, user_id, template from notifications
       where template in ('document.lost', 'document.overdue') group by 1, 2, 3 having count(*) > 1) d`,
  );
  expect(duplicates).toBe(0);
  const lost = load.documents.filter((d) => d.ending === 'lost').map((d) => d.id);
  const lostNoticed = await count(
    stack,
    `select count(distinct instance_id) n from notifications where template = 'document.lost' and instance_id = any($1)`,
    [lost],
  );
  expect(lostNoticed).toBe(lost.length);
  const overdueNoticed = await count(
    stack,
    `select count(distinct instance_id) n from notifications where template = 'document.overdue' and instance_id = any($1)`,
    [kept.map((d) => d.id)],
  );
  expect(overdueNoticed).toBe(kept.length);
  const notifications = await count(stack, 'select count(*) n from notifications');
  checked(
    `${notifications} notifications; every loss (${lost.length}) and overdue (${kept.length}) notified, none twice to anyone`,
  );

  if (load.acts.length) {
    await until(
      'every submitted act rendered',
      async () =>
        (await count(
          stack,
          `select count(*) n from workflow_instances where id = any($1) and state <> 'awaiting_signatures'`,
          [load.acts],
        )) === 0,
      o.settleMs,
    );
    const renders = await stack.sql<{ instance_id: string; n: string }>(
      `select instance_id, count(*) n from workflow_events where type = 'RENDERED' and instance_id = any($1) group by 1`,
      [load.acts],
    );
    expect(renders.map((r) => Number(r.n))).toEqual(load.acts.map(() => 1));
    checked(`${load.acts.length} destruction acts rendered, one RENDERED event each`);
  }

  const torn = await stack.sql(
    `select i.id, i.last_seq, i.version, e.n, e.top from workflow_instances i
       left join (select instance_id, count(*) n, max(seq) top from workflow_events group by 1) e on e.instance_id = i.id
     where e.n is distinct from i.last_seq or e.top is distinct from i.last_seq
        or not exists (select 1 from workflow_events h where h.instance_id = i.id and h.seq = i.last_seq and h.hash = i.head_hash)`,
  );
  expect(torn).toEqual([]);
  const verify = await api.call('auditor', 'GET', '/api/audit/verify');
  expect(verify.status).toBe(200);
  expect(verify.body).toMatchObject({ ok: true });
  checked(
    `no half-written transition: ${verify.body.instances} instances each with events 1..last_seq and its head hash; audit chain check ok over ${verify.body.events} events`,
  );

  // Every write is too many to send again on two cores in the time limit: an even sample of them.
  const step = Math.max(1, Math.ceil(load.remembered.length / 150));
  let same = 0;
  for (const r of load.remembered.filter((_, i) => i % step === 0)) {
    const again = await api.call(r.user, 'POST', r.path, r.body, { 'idempotency-key': r.key });
    expect({ key: r.key, status: again.status, body: again.body }).toEqual({ key: r.key, ...r.answer });
    same++;
  }
  checked(
    `${same} of ${load.remembered.length} writes sent again with their Idempotency-Key: each answered exactly as the first time`,
  );

  // A periodic maintenance job may be running right now: what matters is that none stays active.
  await until('no job active', async () => (await jobCounts(stack)).active === 0, 15_000);
  const jobs = await jobCounts(stack);
  if (jobs.failed)
    say(`failed jobs (their effects were delivered all the same, checked above): ${await failedReasons(stack)}`);
  checked(`no job left active (stalled) in Redis: ${JSON.stringify(jobs)}`);
  say(
    `client saw ${api.observed.total503()} × 503 ${JSON.stringify(Object.fromEntries(api.observed.unavailable))}, ${api.observed.networkErrors} dropped connections, ${api.observed.retriedRequests} requests answered after a retry`,
  );
}
