import { destructionEligibleSince, retentionRunOut } from './retention';

describe('R-4.1d retention: when a file may be destroyed', () => {
  it('counts the period from 1 January after the file year', () => {
    expect(destructionEligibleSince({ year: 2021, retentionYears: 3 })).toBe('2025-01-01');
    expect(retentionRunOut({ year: 2021, retentionYears: 3 }, '2024-12-31')).toBe(false);
    expect(retentionRunOut({ year: 2021, retentionYears: 3 }, '2025-01-01')).toBe(true);
  });

  it('never for permanent files or documents outside the nomenclature', () => {
    expect(destructionEligibleSince({ year: 2001, retentionYears: null })).toBeNull();
    expect(destructionEligibleSince(null)).toBeNull();
    expect(retentionRunOut(null, '2099-01-01')).toBe(false);
  });
});
