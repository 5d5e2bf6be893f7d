import { AuditTrail } from '@grif/audit';
import { GrifError } from '@grif/domain';
import type { EntityManager } from '@mikro-orm/knex';
import { startHarness, Harness } from '../support/harness';
import { key, storedDocument } from '../support/documents';

/**
 * The engine's writes of a group-commit batch are held and written together at its end
 * (libs/persistence/src/batch-writes.ts). These prove, on the real database, that a unit still sees what its
 * predecessors in the batch did, that a refused unit leaves nothing, and that when held rows cannot be written
 * the batch runs again and every caller still gets its own answer, with nothing applied twice.
 */
describe('held writes: a batch of sends written together', () => {
  let h: Harness;
  beforeAll(async () => {
    // One PostgreSQL writer, as SQLite has: every queued send joins the same batch.
    h = await startHarness({}, 1);
  });
  afterAll(() => h.close());

  const clerk = () => h.actor('clerk');
  const engine = () => h.rt.engine;
  /** A document in storage, ready to be issued. */
  const stored = () => storedDocument(engine(), clerk());
  const issue = (id: string, idempotencyKey = key(), alsoWrite?: () => Promise<void>) =>
    engine().send(id, 'ISSUE', { holderId: h.ids.teacher, purpose: 'сабак' }, clerk(), { idempotencyKey, alsoWrite });
  /** Holds the writer in a transaction until released, so the sends queued meanwhile share the next batch. */
  const holdWriter = () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = h.rt.transactions.run(() => held);
    return async <T>(queued: Promise<T>[]) => {
      release();
      await first;
      return Promise.allSettled(queued);
    };
  };
  /** A unit of the batch that writes past the buffer, as another process would between a read and the commit. */
  const behindTheBuffer = (work: (em: EntityManager) => Promise<unknown>) =>
    h.rt.transactions.run(work, undefined, true);
  const row = async (sql: string, params: unknown[]) =>
    (await h.rt.transactions.reader().getConnection().execute<Record<string, unknown>[]>(sql, params))[0];
  const events = async (id: string) => (await engine().history(clerk(), id)).map((e) => `${e.seq} ${e.type}`);

  it('units of one batch see what earlier units hold: a second step of the same instance, a repeated key', async () => {
    const [a, b] = [await stored(), await stored()];
    const repeated = key();
    const release = holdWriter();
    const results = await release([
      issue(a, repeated),
      engine().send(a, 'ACKNOWLEDGE', {}, h.actor('teacher'), { idempotencyKey: key() }),
      issue(b),
      // The same request again: the answer the first one holds, nothing written twice.
      issue(a, repeated),
      engine().send(a, 'RETURN', {}, clerk(), { idempotencyKey: key() }),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value.body : r.reason))).toEqual([
      { id: a, state: 'issued', version: 4 },
      { id: a, state: 'issued', version: 5 },
      { id: b, state: 'issued', version: 4 },
      { id: a, state: 'issued', version: 4 },
      { id: a, state: 'in_storage', version: 6 },
    ]);
    expect(await events(a)).toEqual(['1 CREATE', '2 CLASSIFY', '3 STORE', '4 ISSUE', '5 ACKNOWLEDGE', '6 RETURN']);
    // The read models followed each step in order: the issue line inserted, then acknowledged, then closed.
    expect(await row('select state, holder_id from documents where id = ?', [a])).toEqual({
      state: 'in_storage',
      holder_id: null,
    });
    const line = await row('select acknowledged_at, returned_at from issue_journal where document_id = ?', [a]);
    expect(line.acknowledged_at).toBeTruthy();
    expect(line.returned_at).toBeTruthy();
    expect((await h.rt.app.get(AuditTrail).verify(h.schoolId)).ok).toBe(true);
  });

  it('a unit refused after its step was held leaves nothing; its neighbours commit', async () => {
    const [a, b, c] = [await stored(), await stored(), await stored()];
    const refusedKey = key();
    const release = holdWriter();
    const [first, refused, last] = await release([
      issue(a),
      issue(b, refusedKey, () => Promise.reject(new GrifError('refused', 'REFERENCE_UNKNOWN'))),
      issue(c),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(refused).toMatchObject({ status: 'rejected', reason: { code: 'REFERENCE_UNKNOWN' } });
    expect(last.status).toBe('fulfilled');
    expect(await events(b)).toEqual(['1 CREATE', '2 CLASSIFY', '3 STORE']);
    expect(await row('select state from documents where id = ?', [b])).toEqual({ state: 'in_storage' });
    // No answer was kept under the key: the same request, repeated, is applied now.
    expect((await issue(b, refusedKey)).body).toEqual({ id: b, state: 'issued', version: 4 });
  });

  it('an instance moved by another writer while the batch held its step: the batch runs again, nothing twice', async () => {
    const [a, b] = [await stored(), await stored()];
    const release = holdWriter();
    const [step, other, neighbour] = await release([
      issue(a),
      // Past the buffer: the held move of `a` (expecting version 3) finds version 103 when the batch is written.
      behindTheBuffer((em) => em.execute('update workflow_instances set version = version + 100 where id = ?', [a])),
      issue(b),
    ]);
    expect([step.status, other.status, neighbour.status]).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    // Run again unit by unit: the step went first, at version 3 → 4, then the other writer's bump.
    expect(step).toMatchObject({ value: { body: { id: a, state: 'issued', version: 4 } } });
    expect(Number((await row('select version from workflow_instances where id = ?', [a])).version)).toBe(104);
    expect(await events(a)).toEqual(['1 CREATE', '2 CLASSIFY', '3 STORE', '4 ISSUE']);
    expect(await events(b)).toEqual(['1 CREATE', '2 CLASSIFY', '3 STORE', '4 ISSUE']);
  });

  it('a statement that fails outside any savepoint: the batch runs again, and only its unit fails', async () => {
    const [a, b] = [await stored(), await stored()];
    const release = holdWriter();
    const [first, broken, last] = await release([
      issue(a),
      behindTheBuffer((em) => em.execute('select * from no_such_table')),
      issue(b),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(broken.status).toBe('rejected');
    expect(last.status).toBe('fulfilled');
    expect(await events(a)).toEqual(['1 CREATE', '2 CLASSIFY', '3 STORE', '4 ISSUE']);
    expect(await events(b)).toEqual(['1 CREATE', '2 CLASSIFY', '3 STORE', '4 ISSUE']);
  });

  it('the person an ISSUE names is read ahead for the batch, and read again after a unit that may have changed them', async () => {
    const [a, b, c] = [await stored(), await stored(), await stored()];
    const release = holdWriter();
    const [before, disabling, after, again] = await release<unknown>([
      issue(a),
      // An ORM unit of the same batch: the teacher can no longer be given anything.
      h.rt.transactions.run((em) => em.execute('update users set disabled = ? where id = ?', [true, h.ids.teacher])),
      issue(b),
      issue(c),
    ]);
    await h.rt.transactions.run((em) =>
      em.execute('update users set disabled = ? where id = ?', [false, h.ids.teacher]),
    );
    expect(before).toMatchObject({ status: 'fulfilled', value: { body: { id: a, state: 'issued' } } });
    expect(disabling.status).toBe('fulfilled');
    // What was read ahead before the change is not what the later units judge by.
    for (const refused of [after, again])
      expect(refused.status === 'rejected' && (refused.reason as GrifError).code).toBe('HOLDER_UNKNOWN');
    expect(await events(b)).toEqual(['1 CREATE', '2 CLASSIFY', '3 STORE']);
  });
});
