import fc from 'fast-check';
import { z } from 'zod';
import { accepts, arbitraryFromZod, boundsOf } from './zodArbitrary';

/** One schema per zod type the generator claims to cover. */
const covered: Record<string, z.ZodType> = {
  'strictObject with optional and default keys': z.strictObject({
    a: z.string(),
    b: z.number().optional(),
    c: z.boolean().default(false),
  }),
  'loose object': z.object({ a: z.string() }),
  'string with min and max': z.string().trim().min(3).max(8),
  'string with a regex': z
    .string()
    .regex(/^(user|group):[a-z0-9._-]+\/[a-z0-9._-]+$/i),
  'ISO date': z.iso.date(),
  'ISO datetime with offset': z.iso.datetime({ offset: true }),
  email: z.email(),
  'integer in a range': z.number().int().min(1).max(5),
  'positive integer': z.number().int().positive(),
  'int()': z.int(),
  'number with exclusive bounds': z.number().gt(0).lt(1),
  boolean: z.boolean(),
  enum: z.enum(['embed', 'hack', 'mentorship']),
  literal: z.literal('me'),
  'array with bounds': z.array(z.string().min(1)).min(1).max(3),
  optional: z.string().optional(),
  nullable: z.number().nullable(),
  default: z.enum(['a', 'b']).default('a'),
  union: z.union([z.literal('me'), z.string().regex(/^user:\w+$/)]),
  discriminatedUnion: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('a'), x: z.number().int() }),
    z.strictObject({ kind: z.literal('b'), y: z.string().max(4) }),
  ]),
  'pipe with transforms': z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(500))
    .optional()
    .transform(v => v ?? 100),
  preprocess: z.preprocess(
    v => (typeof v === 'string' ? v.split(',') : v),
    z.array(z.string().min(1)).max(5),
  ),
  'refined object': z
    .strictObject({ from: z.iso.date(), to: z.iso.date() })
    .refine(v => v.to >= v.from),
  record: z.record(z.string(), z.unknown()),
  tuple: z.tuple([z.string(), z.number()]),
  null: z.null(),
  unknown: z.unknown(),
};

describe('arbitraryFromZod', () => {
  it.each(Object.entries(covered))(
    'generates only accepted values of %s without near-misses',
    (_name, schema) => {
      expect(() =>
        fc.assert(
          fc.property(arbitraryFromZod(schema, { nearMisses: false }), value =>
            accepts(schema, value),
          ),
          { seed: 1, numRuns: 200 },
        ),
      ).not.toThrow();
    },
  );

  it.each(
    Object.entries(covered).filter(
      ([name]) => !['unknown', 'record', 'null'].includes(name),
    ),
  )('mixes valid values and near-misses for %s', (_name, schema) => {
    const values = fc.sample(arbitraryFromZod(schema), {
      seed: 2,
      numRuns: 300,
    });
    const valid = values.filter(v => accepts(schema, v)).length;
    expect(valid).toBeGreaterThan(values.length * 0.2);
    expect(valid).toBeLessThan(values.length);
  });

  it('reaches the bounds and one past them', () => {
    const schema = z.number().int().min(1).max(5);
    const values = new Set(
      fc.sample(arbitraryFromZod(schema), { seed: 3, numRuns: 500 }),
    );
    for (const edge of [0, 1, 5, 6, 1.5]) expect(values.has(edge)).toBe(true);
    const text = z.string().max(10);
    const strings = fc.sample(arbitraryFromZod(text), {
      seed: 3,
      numRuns: 500,
    });
    expect(strings).toContain('a'.repeat(11));
  });

  it('sends an unknown key to a strict object and drops a required one', () => {
    const schema = z.strictObject({ a: z.string(), b: z.string() });
    const values = fc.sample(arbitraryFromZod(schema), {
      seed: 4,
      numRuns: 500,
    });
    expect(values).toContainEqual(
      expect.objectContaining({ unexpectedKey: 'x' }),
    );
    expect(
      values.some(
        v => v && typeof v === 'object' && !Array.isArray(v) && !('a' in v),
      ),
    ).toBe(true);
  });

  it('swaps the tag of a discriminated union', () => {
    const schema = covered.discriminatedUnion;
    const values = fc.sample(arbitraryFromZod(schema), {
      seed: 5,
      numRuns: 500,
    });
    expect(values).toContainEqual(
      expect.objectContaining({ kind: 'b', x: expect.any(Number) }),
    );
  });

  it('falls back to any value for types it does not know', () => {
    const schema = z.custom<string>(v => typeof v === 'string');
    const values = fc.sample(arbitraryFromZod(schema), {
      seed: 6,
      numRuns: 100,
    });
    expect(values.some(v => typeof v !== 'string')).toBe(true);
  });

  it('reads bounds, formats and patterns from the checks', () => {
    expect(boundsOf(z.number().int().min(2).lt(9))).toMatchObject({
      integer: true,
      min: 2,
      max: 9,
      maxExclusive: true,
    });
    expect(boundsOf(z.iso.date())).toMatchObject({ format: 'date' });
    expect(boundsOf(z.string().regex(/^a$/)).patterns).toEqual([/^a$/]);
  });
});
