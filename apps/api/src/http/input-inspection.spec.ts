import { controlCharacterIn, inspectJson, printable } from './input-inspection';

describe('inspectJson', () => {
  const nest = (levels: number): unknown => {
    let v: unknown = 'leaf';
    for (let i = 0; i < levels; i++) v = i % 2 ? { a: v } : [v];
    return v;
  };

  it('takes 32 levels and refuses 33, arrays and objects alike', () => {
    expect(inspectJson(nest(32))).toEqual({ tooDeep: false, controls: [] });
    expect(inspectJson(nest(33))).toEqual({ tooDeep: true });
  });

  it('walks 100 000 levels without recursing (no stack overflow)', () => {
    expect(inspectJson(nest(100_000))).toEqual({ tooDeep: true });
    expect(inspectJson(nest(100_000), 200_000)).toEqual({ tooDeep: false, controls: [] });
  });

  it('names every string value and key holding a C0 control by its path, but tab, LF and CR', () => {
    const found = inspectJson({ a: 'ok\t\n\r', b: ['x', 'y\u0000'], c: { ['k\u001f']: 1 }, d: 'Ы\u007f' });
    expect(found).toEqual({
      tooDeep: false,
      controls: expect.arrayContaining([
        { field: 'b.1', message: 'contains a control character (U+0000)' },
        { field: 'c.k\\u001f', message: 'has a name with a control character (U+001F)' },
      ]),
    });
    expect(found.tooDeep === false && found.controls).toHaveLength(2);
  });

  it('names at most ten, so a hostile body is not echoed back whole', () => {
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, '\u0001']));
    const found = inspectJson(many);
    expect(found.tooDeep === false && found.controls).toHaveLength(10);
  });

  it('checks own __proto__ keys as any other (JSON.parse makes them own properties)', () => {
    const found = inspectJson(JSON.parse('{"__proto__": {"x": "\\u0000"}}'));
    expect(found).toEqual({ tooDeep: false, controls: [{ field: '__proto__.x', message: expect.any(String) }] });
  });
});

describe('controlCharacterIn / printable', () => {
  it('names the first control as U+XXXX and shows a name with controls escaped and cut', () => {
    expect(controlCharacterIn('a\u0007b\u0000')).toBe('U+0007');
    expect(controlCharacterIn('tab\tcr\rlf\n Ж 𝕏')).toBeNull();
    expect(printable('a\u0000b')).toBe('a\\u0000b');
    expect(printable('x'.repeat(100))).toHaveLength(81);
  });
});
