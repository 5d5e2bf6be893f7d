import { AuditTrail } from '@grif/audit';
import { startHarness, Harness } from '../support/harness';
import { key, storedDocument } from '../support/documents';

/**
 * On PostgreSQL a group-commit batch of steps whose writes are its one statement is sent with no BEGIN and COMMIT
 * (libs/persistence/src/group-commit.ts, `withoutTransaction`): the statement is atomic by itself and checks every
 * move's version inside itself (grif_moved). These prove that such a batch commits every step once, that a batch
 * which comes to need more runs again in a transaction, and that a lost race found by the statement writes none of
 * it. SQLite has no such path (its one writer holds the file's lock for a transaction): there every batch is a
 * transaction, and the same sends must give the same answers.
 */
describe('group commit: a batch of steps as one statement with no transaction', () => {
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
    return {
      results,
      withoutTransaction: after.withoutTransaction - before.withoutTransaction,
      thenInTransaction: after.thenInTransaction - before.thenInTransaction,
    };
  };
  const sql = (text: string, params: unknown[] = []) =>
    h.rt.transactions.reader().getConnection().execute<Record<string, unknown>[]>(text, params);
  const events = async (id: string) => (await engine().history(clerk(), id)).map((e) => `${e.seq} ${e.type}`);
  const version = async (id: string) =>
    Number((await sql('select version from workflow_instances where id = ?', [id]))[0].version);

  it('steps of different instances: one statement, no transaction (PostgreSQL); each committed once', async () => {
    const docs = [await stored(), await stored(), await stored()];
    const batch = await oneBatch(() => docs.map((id) => issue(id)));
    expect(batch.results.map((r) => r.status === 'fulfilled' && r.value.body)).toEqual(
      docs.map((id) => ({ id, state: 'issued', version: 4 })),
    );
    expect(batch.withoutTransaction).toBe(onPostgres() ? 1 : 0);
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
    expect(batch.withoutTransaction).toBe(0);
    expect(batch.thenInTransaction).toBe(onPostgres() ? 1 : 0);
    expect(await events(a)).toEqual(['1 CREATE', '2 CLASSIFY', '3 STORE', '4 ISSUE']);
    expect(await events(b)).toEqual(['1 CREATE', '2 CLASSIFY', '3 STORE', '4 ISSUE']);
  });

  it('an instance moved by another writer before the statement: none of the statement is written, and the batch runs again', async () => {
    const [a, b] = [await stored(), await stored()];
    let bumped = false;
    // Another writer moves `a` after the batch read it and before its statement, once. On SQLite the batch holds
    // the file's write lock from its start, so that writer would wait for the batch instead: it bumps nothing.
    const bump: AlsoWrite = async () => {
      if (bumped || !onPostgres()) return;
      bumped = true;
      await sql('update workflow_instances set version = version + 100 where id = ?', [a]);
    };
    const batch = await oneBatch(() => [issue(a), issue(b, bump)]);
    expect(batch.results.map((r) => r.status === 'fulfilled' && r.value.body)).toEqual([
      { id: a, state: 'issued', version: onPostgres() ? 104 : 4 },
      { id: b, state: 'issued', version: 4 },
    ]);
    expect(batch.withoutTransaction).toBe(0);
    expect(batch.thenInTransaction).toBe(onPostgres() ? 1 : 0);
    // Had the first statement written its other parts, `b` would hold its ISSUE twice, or the retry would have failed.
    expect(await events(a)).toEqual(['1 CREATE', '2 CLASSIFY', '3 STORE', '4 ISSUE']);
    expect(await events(b)).toEqual(['1 CREATE', '2 CLASSIFY', '3 STORE', '4 ISSUE']);
    expect(await version(a)).toBe(onPostgres() ? 104 : 4);
    expect(await version(b)).toBe(4);
  });
});
