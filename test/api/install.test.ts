import { DEMO_SCHOOL } from '../../apps/api/src/identity/demo-school';
import { anotherSchoolWithAdmin, ApiHarness, startApi } from '../support/api';

/**
 * The sign-in page names the school the install was set up for (the first founded), read before anyone signs in;
 * each signed-in person's screens then name their own school (`/api/me`'s schoolName).
 */
describe('GET /api/install', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  it("answers anyone the install's school, still the first founded once another school joins", async () => {
    const install = async () => {
      const r = await fetch(`${api.base}/api/install`);
      expect(r.status).toBe(200);
      return r.json();
    };
    expect(await install()).toEqual({ schoolName: DEMO_SCHOOL });
    await anotherSchoolWithAdmin(api, 'Тоолуу мектеп', 'mountain-admin');
    expect(await install()).toEqual({ schoolName: DEMO_SCHOOL });
  });

  it("/api/me names the person's own school", async () => {
    const me = await api.call('clerk', 'GET', '/api/me');
    expect(me.body).toMatchObject({ schoolId: api.schoolId, schoolName: DEMO_SCHOOL });
  });
});
