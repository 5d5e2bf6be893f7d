import { GrifError } from '@grif/domain';
import { startHarness, Harness } from '../support/harness';
import { key, registerDocument } from '../support/documents';

describe('engine: one transition, one transaction', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('registers, classifies, stores, issues, acknowledges and returns a document', async () => {
    const clerk = h.actor('clerk');
    const doc = await registerDocument(h.rt.engine, clerk);
    expect(doc.state).toBe('registered');
    expect(doc.regNumber).toMatch(/^К-\d{4}\/\d{4}$/);
    const e = h.rt.engine;
    await e.send(doc.id, 'CLASSIFY', { classification: 'open' }, clerk, { idempotencyKey: key() });
    await e.send(doc.id, 'STORE', { location: 'Каб. 12, шкаф 1' }, clerk, { idempotencyKey: key() });
    const issued = await e.send(doc.id, 'ISSUE', { holderId: h.ids.teacher, purpose: 'сабакка даярдануу' }, clerk, {
      idempotencyKey: key(),
    });
    expect(issued.body).toMatchObject({ state: 'issued', version: 4 });
    await e.send(doc.id, 'ACKNOWLEDGE', {}, h.actor('teacher'), { idempotencyKey: key() });
    const back = await e.send(doc.id, 'RETURN', {}, clerk, { idempotencyKey: key() });
    expect(back.body).toMatchObject({ state: 'in_storage', version: 6 });
    const history = await e.history(clerk, doc.id);
    expect(history.map((x) => x.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(history[4].prevHash).toBe(history[3].hash);
  });

  it('R-4.2.4: a teacher cannot issue; the refusal cites the rule', async () => {
    const clerk = h.actor('clerk');
    const doc = await registerDocument(h.rt.engine, clerk);
    await h.rt.engine.send(doc.id, 'CLASSIFY', { classification: 'open' }, clerk, { idempotencyKey: key() });
    await h.rt.engine.send(doc.id, 'STORE', { location: 'A' }, clerk, { idempotencyKey: key() });
    const err = await h.rt.engine
      .send(doc.id, 'ISSUE', { holderId: h.ids.teacher, purpose: 'x' }, h.actor('director'), { idempotencyKey: key() })
      .catch((x) => x);
    expect(err).toBeInstanceOf(GrifError);
    expect(err.rule).toBe('R-4.2.4');
  });
});
