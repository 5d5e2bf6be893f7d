import { ApiHarness, startApi } from '../support/api';

/** `GET /api/calendar/days`: the Kyrgyz working calendar of the school, day by day, in Asia/Bishkek. */
describe('the working calendar over HTTP', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  const days = (user: string | null, from: string, to: string, lang = 'ky') =>
    api.call(user, 'GET', `/api/calendar/days?from=${from}&to=${to}`, undefined, { 'accept-language': lang });

  it('answers one entry per day: the Nooruz and Orozo Ait week of 2026, with the shortened eve', async () => {
    const r = await days('teacher', '2026-03-16', '2026-03-22', 'en');
    expect(r.status).toBe(200);
    expect(r.body.map((d: { date: string; kind: string }) => [d.date, d.kind])).toEqual([
      ['2026-03-16', 'working'],
      ['2026-03-17', 'working'],
      ['2026-03-18', 'working'],
      ['2026-03-19', 'shortened'],
      ['2026-03-20', 'holiday'],
      ['2026-03-21', 'holiday'],
      ['2026-03-22', 'weekend'],
    ]);
    expect(r.body[0]).toEqual({
      date: '2026-03-16',
      kind: 'working',
      name: null,
      opens: '08:00',
      closes: '18:00',
      estimated: false,
    });
    expect(r.body[3]).toMatchObject({ opens: '08:00', closes: '17:00' });
    expect(r.body[4]).toMatchObject({ name: expect.stringMatching(/Orozo/), opens: null, closes: null });
    expect(r.body[5]).toMatchObject({ name: expect.stringMatching(/Nooruz/) });
  });

  it('gives a public school the Cabinet’s extra days off (8–9 January 2026), named in Kyrgyz', async () => {
    const r = await days('clerk', '2026-01-07', '2026-01-12');
    expect(r.body.map((d: { kind: string }) => d.kind)).toEqual([
      'holiday',
      'decreed_off',
      'decreed_off',
      'weekend',
      'weekend',
      'working',
    ]);
    expect(r.body[1].name).toEqual(expect.any(String));
  });

  it('is open to every staff role', async () => {
    for (const user of Object.keys(api.ids)) expect((await days(user, '2026-11-26', '2026-11-26')).status).toBe(200);
  });

  it.each([
    ['from after to', '2026-03-22', '2026-03-16'],
    ['not a date', '2026-13-01', '2026-13-02'],
    ['more than a year', '2026-01-01', '2027-06-01'],
  ])('refuses %s with 400 naming the field', async (_what, from, to) => {
    const r = await days('teacher', from, to);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION_FAILED');
  });

  it('needs a session', async () => {
    expect((await days(null, '2026-11-26', '2026-11-26')).status).toBe(401);
  });
});
