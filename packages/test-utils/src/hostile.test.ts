import {
  describeValue,
  escapeForLog,
  hostileStrings,
  hostileValues,
  ONE_MEGABYTE,
} from './hostile';

describe('hostile inputs', () => {
  it('hold what the brief of issue 18 names', () => {
    const strings = hostileStrings.map(h => h.value);
    for (const expected of ['a\u0000b', '\uD800', '\uDFFF', '%', '_', '\\']) {
      expect(strings).toContain(expected);
    }
    expect(strings.some(s => s.includes('\u202E'))).toBe(true);
    expect(strings.some(s => s.includes('\u200B'))).toBe(true);
    expect(strings.some(s => s.length === ONE_MEGABYTE)).toBe(true);
    expect(strings.some(s => s.includes('../'))).toBe(true);
    expect(strings.some(s => /[\u0080-\u009f]/.test(s))).toBe(true);
    const values = hostileValues.map(h => h.value);
    expect(values).toEqual(
      expect.arrayContaining([1e308, -0, 'NaN', 2 ** 53 + 1, null]),
    );
    expect(values.some(v => Array.isArray(v) && v.length === 100_000)).toBe(
      true,
    );
    expect(describeValue(hostileValues[0].value)).toMatch(/more levels/);
  });

  it('escapes what a log would hide', () => {
    expect(escapeForLog('a\u0000b\u202Ec\uD800\u0085\u200B')).toBe(
      'a\\u0000b\\u202ec\\ud800\\u0085\\u200b',
    );
    expect(escapeForLog('🚀 é')).toBe('🚀 é');
    expect(escapeForLog('x'.repeat(ONE_MEGABYTE))).toBe(
      `<'x' x ${ONE_MEGABYTE}>`,
    );
  });

  it('describes values briefly', () => {
    expect(
      describeValue({ title: 'a\u0000b', n: -0, list: new Array(8).fill(1) }),
    ).toBe(
      '{"title": "a\\u0000b", "n": -0, "list": [1, 1, 1, 1, 1, ... 3 more items]}',
    );
  });
});
