import { DateTime } from 'luxon';
import { ApiHarness, startApi } from '../support/api';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * statistics of credential-breach cases per period — cases reported, late reports, the
 * median time from the report to containment, and the causes found (R-5.2.1 shared credentials among them).
 * The clock is the test's (now, moved on by hand), so each case is reported and contained when the test says.
 */
describe('breach statistics per period (R-5.2)', () => {
  let api: ApiHarness;
  let offset = 0;
  let k = 0;
  const now = () => Date.now() + offset;
  const day = (ms: number) => DateTime.fromMillis(ms, { zone: 'Asia/Bishkek' }).toISODate()!;
  const stats = (user: string, q: string) => api.call(user, 'GET', `/api/breaches/stats?${q}`);
  const event = async (user: string, id: string, body: object) => {
    const r = await api.call(user, 'POST', `/api/breaches/${id}/events`, body, { 'idempotency-key': `st-${++k}` });
    expect([body, r.status]).toEqual([body, 200]);
  };
  /** The officer reports a breach of their own portal account; late when discovered ten days before. */
  const report = async (late = false) => {
    const r = await api.call('security', 'POST', '/api/breaches', {
      system: 'portal',
      account: `case-${++k}@portal.edu.kg`,
      discoveredAt: new Date(now() - (late ? 10 * DAY : 0.5 * HOUR)).toISOString(),
      description: 'Порталга бөтөн киши кирген',
      ...(late ? { lateReason: 'Эс алууда элем' } : {}),
    });
    expect(r).toMatchObject({ status: 201, body: { late } });
    return r.body.id as string;
  };
  /** Triage, containment confirmed by support (the time that counts), and the cause found. */
  const containAndInvestigate = async (id: string, cause: string) => {
    await event('security', id, { type: 'TRIAGE', severity: 'medium', personalData: false });
    await event('security', id, { type: 'CONTAIN' });
    await event('support', id, { type: 'CONFIRM_RESET' });
    await event('security', id, { type: 'INVESTIGATE', cause, accessed: 'Эч нерсе' });
  };

  let today: string;
  let earlier: string;

  beforeAll(async () => {
    api = await startApi({ clock: { now: () => new Date(now()) } });
    const base = Date.now();
    today = day(base);
    earlier = day(base - 3 * DAY);

    // Three days ago: one case, contained within the hour, by phishing.
    offset = -3 * DAY;
    const old = await report();
    offset += HOUR;
    await containAndInvestigate(old, 'phishing');

    // Today: one on time, one late, one not contained yet.
    offset = 0;
    const onTime = await report();
    const late = await report(true);
    await report();
    offset = 2 * HOUR;
    await containAndInvestigate(onTime, 'shared_credentials');
    offset = 4 * HOUR;
    await containAndInvestigate(late, 'shared_credentials');
  });
  afterAll(() => api.close());

  it('R-5.2.3, R-5.2.1: one day: the cases, the late one, the median hours to containment and the causes', async () => {
    const r = await stats('security', `from=${today}&to=${today}`);
    expect(r).toEqual({
      status: 200,
      body: {
        cases: 3,
        late: 1,
        medianHoursToContainment: 3,
        byCause: { shared_credentials: 2, phishing: 0, lost_device: 0, weak_password: 0, unknown: 0 },
      },
    });
  });

  it('a longer period counts every case reported in it, both ends included; a period with none gives no median', async () => {
    const r = await stats('director', `from=${earlier}&to=${today}`);
    expect(r.body).toEqual({
      cases: 4,
      late: 1,
      medianHoursToContainment: 2,
      byCause: { shared_credentials: 2, phishing: 1, lost_device: 0, weak_password: 0, unknown: 0 },
    });
    expect((await stats('auditor', `from=${earlier}&to=${earlier}`)).body).toMatchObject({
      cases: 1,
      medianHoursToContainment: 1,
    });
    const before = day(Date.now() - 10 * DAY);
    expect((await stats('auditor', `from=${before}&to=${before}`)).body).toEqual({
      cases: 0,
      late: 0,
      medianHoursToContainment: null,
      byCause: { shared_credentials: 0, phishing: 0, lost_device: 0, weak_password: 0, unknown: 0 },
    });
  });

  it('a bad period is a 400 naming the field', async () => {
    const field = async (q: string) => {
      const r = await stats('security', q);
      expect([q, r.status, r.body.code]).toEqual([q, 400, 'VALIDATION_FAILED']);
      return r.body.fields.map((f: { field: string }) => f.field);
    };
    expect(await field(`from=2026-13-01&to=${today}`)).toEqual(['from']);
    expect(await field(`from=${today}`)).toEqual(['to']);
    expect(await field(`from=${today}&to=${earlier}`)).toEqual(['to']);
    expect(await field('from=2010-01-01&to=2026-01-01')).toEqual(['to']);
  });

  it('for the officer, the director and the auditor only', async () => {
    for (const user of ['teacher', 'support', 'clerk'])
      expect([user, (await stats(user, `from=${today}&to=${today}`)).status]).toEqual([user, 403]);
  });
});
