import { MAX_INTEGER_COLUMN, wholeNumber } from './numbers';

describe('wholeNumber', () => {
  it('takes whole numbers up to what an integer column stores', () => {
    expect(wholeNumber().parse(1)).toBe(1);
    expect(wholeNumber().parse(MAX_INTEGER_COLUMN)).toBe(MAX_INTEGER_COLUMN);
    expect(wholeNumber(0).parse(0)).toBe(0);
  });

  it('refuses what an integer column cannot store, naming the bound', () => {
    const result = wholeNumber().safeParse(MAX_INTEGER_COLUMN + 1);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(
      `must be at most ${MAX_INTEGER_COLUMN}`,
    );
    expect(wholeNumber().safeParse(0).success).toBe(false);
    expect(wholeNumber().safeParse(1.5).success).toBe(false);
    expect(wholeNumber().safeParse('1').success).toBe(false);
  });
});
