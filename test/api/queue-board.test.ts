import { ApiHarness, startApi } from '../support/api';

/** Bull Board shows every school's jobs and can retry them: administrators only. */
describe('Bull Board at /admin/queues', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(api.base + path, { headers });
  const bearer = (user: string) => ({ authorization: `Bearer ${api.tokens[user]}` });

  it('the administrator (the demo director) gets the board and every queue of Grif', async () => {
    const page = await get('/admin/queues', bearer('director'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const queues = await get('/admin/queues/api/queues', bearer('director'));
    expect(queues.status).toBe(200);
    const names = ((await queues.json()).queues as { name: string }[]).map((q) => q.name).sort();
    expect(names).toEqual(['acts', 'deadlines', 'maintenance', 'notifications']);
  });

  it('the session cookie of a browser works as well as a bearer token', async () => {
    expect((await get('/admin/queues', { cookie: `grif_session=${api.tokens.director}` })).status).toBe(200);
  });

  it.each(['teacher', 'clerk', 'auditor'])('%s gets 403 ROLE_REQUIRED, on the page and on its API', async (user) => {
    for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
      const r = await get(path, { ...bearer(user), 'accept-language': 'en' });
      expect(r.status).toBe(403);
      expect(await r.json()).toEqual({
        statusCode: 403,
        code: 'ROLE_REQUIRED',
        message: 'Your role does not allow this action.',
      });
    }
  });

  it('nobody signed in gets 401', async () => {
    const r = await get('/admin/queues/api/queues');
    expect(r.status).toBe(401);
    expect((await r.json()).code).toBe('UNAUTHENTICATED');
  });
});
