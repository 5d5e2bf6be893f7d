import { breachStats, median } from './breach-stats';

describe('breach statistics (R-5.2)', () => {
  it('the median of an odd and of an even count, and of none', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 2, 10])).toBe(3);
    expect(median([])).toBeNull();
  });

  it('lists every cause, 0 included, and gives the hours to one decimal', () => {
    expect(
      breachStats({
        cases: 4,
        late: 1,
        byCause: { shared_credentials: 2, phishing: 1 },
        hoursToContainment: [0.25, 1.04],
      }),
    ).toEqual({
      cases: 4,
      late: 1,
      medianHoursToContainment: 0.6,
      byCause: { shared_credentials: 2, phishing: 1, lost_device: 0, weak_password: 0, unknown: 0 },
    });
    expect(breachStats({ cases: 0, late: 0, byCause: {}, hoursToContainment: [] }).medianHoursToContainment).toBeNull();
  });
});
