import { SCHOOL_CODE_PATTERN, schoolCodeFor } from './school-code';

describe('schoolCodeFor: the short code a school signs in by (name@code)', () => {
  it('takes the number after № (the demo school becomes sch35)', () => {
    expect(schoolCodeFor('Ш. Сүеркулов атындагы №35 орто мектеби', new Set())).toBe('sch35');
    expect(schoolCodeFor('№ 2 мектеп', new Set())).toBe('sch2');
  });

  it('adds -2, -3… when the code is taken in the install', () => {
    expect(schoolCodeFor('№35 мектеп', new Set(['sch35']))).toBe('sch35-2');
    expect(schoolCodeFor('№35 мектеп', new Set(['sch35', 'sch35-2']))).toBe('sch35-3');
  });

  it('makes a random one for a name without a number; every code fits the pattern', () => {
    const code = schoolCodeFor('Айылдык мектеп', new Set());
    expect(code).toMatch(/^sch-[0-9a-f]{8}$/);
    for (const c of [code, 'sch35', 'sch35-2']) expect(SCHOOL_CODE_PATTERN.test(c)).toBe(true);
  });
});
