import { DEMO_PASSWORD, DEMO_PEOPLE } from '../../apps/api/src/identity/demo-school';
import { ApiHarness, startApi } from '../support/api';
import { REGISTRATION } from '../support/harness';
import { deleteEvent, deleteInstance, editCheckpoint, flipByte, swapEvents } from '../support/tamper';

/**
 * R-1.5: the hash chains name the first broken link and what is wrong with it. Each tamper goes around the
 * append-only trigger the way only the owner or a superuser can (test/support/tamper.ts); each case walks its
 * own document and asks about that instance (`?instanceId=`), so the cases do not see each other's damage.
 */
describe('audit: verification names the instance, the seq and the problem (R-1.5)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  // REGISTER, CLASSIFY, STORE, ISSUE: four links.
  const walk = () => api.issuedDocument('official_use');
  const verify = (instanceId?: string) =>
    api.call('auditor', 'GET', `/api/audit/verify${instanceId ? `?instanceId=${instanceId}` : ''}`);
  const seal = () => api.call('security', 'POST', '/api/audit/checkpoints');

  it('verifies an untouched history, whole or one instance', async () => {
    const id = await walk();
    expect(await verify()).toEqual({
      status: 200,
      body: { ok: true, events: 4, instances: 1, checkpoints: 0 },
    });
    expect((await verify(id)).body).toEqual({ ok: true, events: 4, instances: 1, checkpoints: 0 });
  });

  it('is for auditors and the people who answer for security, not for staff', async () => {
    expect((await api.call('teacher', 'GET', '/api/audit/verify')).status).toBe(403);
    expect((await api.call(null, 'GET', '/api/audit/verify')).status).toBe(401);
  });

  it("an instance the school never had is 404, another school's as much as a made-up one; a blank id is 400", async () => {
    expect(await verify('00000000-0000-4000-8000-000000000000')).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
    // A document of school B, registered by B's own clerk: school A's auditor may not even learn it exists.
    const clerk = DEMO_PEOPLE.find((p) => p.username === 'clerk')!;
    await api.identity.createSchool('Башка мектеп', [{ ...clerk, username: 'b-clerk' }]);
    const login = await api.call(null, 'POST', '/api/auth/login', { username: 'b-clerk', password: DEMO_PASSWORD });
    api.tokens['b-clerk'] = login.body.token;
    const theirs = await api.call('b-clerk', 'POST', '/api/documents', REGISTRATION);
    expect(theirs.status).toBe(201);
    expect(await verify(theirs.body.id)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(await api.call('auditor', 'GET', '/api/audit/verify?instanceId=')).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED' },
    });
  });

  it('one byte of a stored event flipped: changed, at that event', async () => {
    const id = await walk();
    const { eventId } = await flipByte(api, id, 2);
    expect((await verify(id)).body).toMatchObject({
      ok: false,
      firstBreak: { instanceId: id, seq: 2, eventId, problem: 'changed', reason: 'hash_mismatch' },
    });
    // The whole school's check names the same link.
    expect((await verify()).body.firstBreak).toMatchObject({ instanceId: id, seq: 2, problem: 'changed' });
  });

  it('an event deleted from the middle: missing, at its seq', async () => {
    const id = await walk();
    await deleteEvent(api, id, 2);
    expect((await verify(id)).body.firstBreak).toEqual({
      instanceId: id,
      seq: 2,
      problem: 'missing',
      reason: 'sequence_gap',
    });
  });

  it('the last event deleted: missing, caught by the instance head', async () => {
    const id = await walk();
    await deleteEvent(api, id, 4);
    expect((await verify(id)).body.firstBreak).toEqual({
      instanceId: id,
      seq: 3,
      problem: 'missing',
      reason: 'head_mismatch',
    });
  });

  it('two events swapped: reordered, at the first of them', async () => {
    const id = await walk();
    await swapEvents(api, id, 2, 3);
    expect((await verify(id)).body.firstBreak).toMatchObject({
      instanceId: id,
      seq: 2,
      problem: 'reordered',
      reason: 'broken_link',
    });
  });

  it('a whole instance deleted after the ledger sealed it: deleted_instance, at its last sealed seq', async () => {
    const id = await walk();
    expect((await seal()).status).toBe(201);
    await deleteInstance(api, id);
    const expected = { instanceId: id, seq: 4, problem: 'deleted_instance', reason: 'instance_missing' };
    // Asked about by id, the deleted instance is still found through the ledger, not a 404.
    expect(await verify(id)).toMatchObject({ status: 200, body: { ok: false, instances: 0, firstBreak: expected } });
  });

  it('a checkpoint of the ledger edited: checkpoint_edited, at its seq', async () => {
    const id = await walk();
    await seal();
    const { seq } = await editCheckpoint(api, api.schoolId);
    expect((await verify(id)).body.firstBreak).toMatchObject({
      instanceId: `checkpoint:${seq}`,
      seq,
      problem: 'checkpoint_edited',
      reason: 'checkpoint_chain',
    });
  });
});
