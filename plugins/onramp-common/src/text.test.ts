import { z } from 'zod';
import { describeZodError } from './zod';
import { forbiddenCharacter, safeString, toWellFormed } from './text';

describe('safeString', () => {
  const schema = z.strictObject({ title: safeString().trim().min(1).max(10) });
  const errorOf = (value: unknown) => {
    const result = schema.safeParse(value);
    return result.success ? undefined : describeZodError(result.error);
  };

  it.each([
    ['NUL', 'a\u0000b', 'U+0000'],
    ['a bell', 'a\u0007b', 'U+0007'],
    ['escape', '\u001b[31m', 'U+001B'],
    ['delete', 'a\u007fb', 'U+007F'],
    ['a C1 control', 'a\u0085b', 'U+0085'],
  ])('refuses %s and names the field and the character', (_, title, code) => {
    expect(errorOf({ title })).toBe(
      `title: must not contain control characters (found ${code})`,
    );
  });

  it('keeps whitespace controls and ordinary text', () => {
    expect(schema.parse({ title: ' a\tb\nc\r ' })).toEqual({
      title: 'a\tb\nc',
    });
    expect(schema.parse({ title: 'Ünïcødé ✓' }).title).toBe('Ünïcødé ✓');
  });

  it('replaces lone surrogates with U+FFFD and keeps pairs', () => {
    expect(schema.parse({ title: 'a\uD800b' }).title).toBe('a\uFFFDb');
    expect(schema.parse({ title: '\uDFFFx' }).title).toBe('\uFFFDx');
    expect(schema.parse({ title: 'ok 😀' }).title).toBe('ok 😀');
  });

  it('still applies the chained checks', () => {
    expect(errorOf({ title: 'x'.repeat(11) })).toMatch(/^title: /);
    expect(errorOf({ title: '   ' })).toMatch(/^title: /);
  });

  it('helpers answer the same as the schema', () => {
    expect(forbiddenCharacter('fine')).toBeUndefined();
    expect(forbiddenCharacter('\u0000')).toBe('U+0000');
    expect(toWellFormed('\uDBFF\uDFFF\uDBFF')).toBe('\uDBFF\uDFFF\uFFFD');
  });
});
