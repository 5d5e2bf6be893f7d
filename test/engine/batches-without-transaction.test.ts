import { AuditTrail } from '@grif/audit';
import { startHarness, Harness } from '../support/harness';
import { key, storedDocument } from '../support/documents';

/**
 * A group-commit batch of steps needs no transaction of the main connection's (libs/persistence/src/group-commit.ts):
 * - PostgreSQL (`withoutTransaction`): its writes are its one statement, sent with no BEGIN and COMMIT; the statement
 *   is atomic by itself and checks every move's version inside itself (grif_moved);
 * - SQLite (`onWriterThread`): its writes are posted to the writer thread, which writes them in one transaction of its
 *   own connection while the main thread goes on, checking every move's version.
 * These prove that such batches commit every step once, that a batch which comes to need more runs again in a
 * transaction, and that a lost race found on the way writes none of its batch.
 */
describe('group commit: a batch of steps written off the main connection', () => {
  let h: Harness;
  const onPostgres = () => h.db.settings.kind === 'postgresql';
  beforeAll(async () => {
    // One PostgreSQL writer, as SQLite has: every queued send joins the same batch.
    h = await startHarness({}, 1);
  });
  afterAll(() => h.close());

  const clerk = () => h.actor('clerk');
  const engine = () => h.rt.engine;
  const stored = () => storedDocument(engine(), clerk());
  type AlsoWrite = NonNullable<Parameters<Harness['rt']['engine']['send']>[4]>['alsoWrite'];
  const issue = (id: string, alsoWrite?: AlsoWrite) =>
    engine().send(id, 'ISSUE', { holderId: h.ids.teacher, purpose: 'сабак' }, clerk(), {
      idempotencyKey: key(),
      alsoWrite,
    });
  /** Holds the writer until released, so the sends queued meanwhile share the next batch; counts that batch. */
  const oneBatch = async <T>(queue: () => Promise<T>[]) => {
    let release!: () => void;
    let running!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const started = new Promise<void>((resolve) => (running = resolve));
    const first = h.rt.transactions.run(() => (running(), held));
    await started;
    const before = { ...h.rt.transactions.batches };
    const queued = queue();
    // Every send queued behind the writer before it is let go.
    while (h.rt.transactions.queued() < queued.length) await new Promise((resolve) => setImmediate(resolve));
    release();
    await first;
    const results = await Promise.allSettled(queued);
    const after = h.rt.transactions.batches;
    const offMain = onPostgres() ? 'withoutTransaction' : 'onWriterThread';
    return {
      results,
      // The batches of the sends (the holding unit's was counted before); SQLite halves a batch for an idle thread.
      batches: after.batches - before.batches,
      offMain: after[offMain] - before[offMain],
      thenInTransaction: after.thenInTransaction - before.thenInTransaction,
    };
  };
  const sql = (text: string, params: unknown[] = []) =>
    h.rt.transactions.reader().getConnection().execute<Record<string, unknown>[]>(text, params);
  const events = async (id: string) => (await engine().history(clerk(), id)).map((e) => `${e.seq} ${e.type}`);
  const version = async (id: string) =>
    Number((await sql('select version from workflow_instances where id = ?', [id]))[0].version);

  it('steps of different instances: every batch written off the main connection, each step committed once', async () => {
    const docs = [await stored(), await stored(), await stored()];
    const batch = await oneBatch(() => docs.map((id) => issue(id)));
    expect(batch.results.map((r) => r.status === 'fulfilled' && r.value.body)).toEqual(
      docs.map((id) => ({ id, state: 'issued', version: 4 })),
    );
    expect(batch.batches).toBe(onPostgres() ? 1 : 2);
    expect(batch.offMain).toBe(batch.batches);
    expect(batch.thenInTransaction).toBe(0);
    for (const id of docs) expect(await events(id)).toEqual(['1 CREATE', '2 CLASSIFY', '3 STORE', '4 ISSUE']);
    const lines = await sql(
      `select state, holder_id from documents where id in (?, ?, ?) and state = 'issued' and holder_id = ?`,
      [...docs, h.ids.teacher],
    );
    expect(lines).toHaveLength(3);
    expect((await h.rt.app.get(AuditTrail).verify(h.schoolId)).ok).toBe(true);
  });

  it('a batch that reaches a barrier runs again in a transaction, and every step is applied once', async () => {
    const [a, b] = [await stored(), await stored()];
    // Reading an instance's history writes what the batch holds first: a barrier, which needs a transaction.
    const batch = await oneBatch(() => [issue(a), issue(b, (tx) => tx.history(h.schoolId, a).then(() => undefined))]);
    expect(batch.results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    // PostgreSQL: both in one batch, which ran again; SQLite: `a` alone on the thread, then `b` in a transaction.
    expect(batch.offMain).toBe(onPostgres() ? 0 : 1);
    expect(batch.thenInTransaction).toBe(1);
    // A batch tried off the main connection and run again is one batch, not two.
    expect(batch.batches).toBe(onPostgres() ? 1 : 2);
    expect(await events(a)).toEqual(['1 CREATE', '2 CLASSIFY', '3 STORE', '4 ISSUE']);
    expect(await events(b)).toEqual(['1 CREATE', '2 CLASSIFY', '3 STORE', '4 ISSUE']);
  });

  it('an instance moved by another writer before its batch is written: none of the batch is written, and it runs again', async () => {
    const [a, b] = [await stored(), await stored()];
    let bumped = false;
    // Another writer moves `a` after the batch read it and before the batch's writes, once.
    const bump: AlsoWrite = async () => {
      if (bumped) return;
      bumped = true;
      await sql('update workflow_instances set version = version + 100 where id = ?', [a]);
    };
    const batch = await oneBatch(() => [issue(a, bump), issue(b)]);
    expect(batch.results.map((r) => r.status === 'fulfilled' && r.value.body)).toEqual([
      { id: a, state: 'issued', version: 104 },
      { id: b, state: 'issued', version: 4 },
    ]);
    // PostgreSQL: both in one statement, which wrote nothing and ran again. SQLite: `a` alone on the thread, then again
    // in a transaction, with `b` when the thread answered before `b`'s batch started, else `b` on the thread.
    if (onPostgres()) expect(batch.offMain).toBe(0);
    expect(batch.thenInTransaction).toBe(1);
    // Had the first try written its other parts, `a` would hold its ISSUE twice, or the retry would have failed.
    expect(await events(a)).toEqual(['1 CREATE', '2 CLASSIFY', '3 STORE', '4 ISSUE']);
    expect(await events(b)).toEqual(['1 CREATE', '2 CLASSIFY', '3 STORE', '4 ISSUE']);
    expect(await version(a)).toBe(104);
    expect(await version(b)).toBe(4);
  });
});
