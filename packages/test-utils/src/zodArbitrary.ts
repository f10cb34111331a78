import fc from 'fast-check';
import { nearMissArbitraries } from './zodNearMiss';
import { accepts, defOf, ZodSchema } from './zodSchema';
import { validArbitrary } from './zodValid';

export { accepts, boundsOf, type ZodSchema } from './zodSchema';

export interface ArbitraryFromZodOptions {
  /**
   * Mix near-misses into the values: strings one character too long,
   * numbers one past a bound, a missing required key, an unknown key in a
   * strict object, the wrong type. Default true; false gives values the
   * schema accepts.
   */
  nearMisses?: boolean;
}

/**
 * A fast-check arbitrary of the INPUT side of a zod v4 schema (what a
 * client sends), built by walking `schema._zod.def`: objects (strict or
 * not), strings with their length, regex and format checks, numbers and
 * integers with their bounds, booleans, enums, literals, arrays, tuples,
 * records, optional, nullable, default, unions, discriminated unions and
 * pipes (preprocess and transform). Anything else falls back to
 * `fc.anything()`.
 *
 * With `nearMisses` (the default) every node is sometimes replaced by a
 * value just outside what it accepts; without, every value passes
 * `schema.safeParse`.
 */
export function arbitraryFromZod(
  schema: ZodSchema,
  options: ArbitraryFromZodOptions = {},
): fc.Arbitrary<unknown> {
  return build(schema, options.nearMisses ?? true, 0);
}

/** Types whose generated values are checked even among near-misses. */
const LEAVES = new Set([
  'string',
  'number',
  'int',
  'boolean',
  'bigint',
  'enum',
  'literal',
  'null',
  'date',
]);

/**
 * Built arbitraries by schema, with and without near-misses: schemas share
 * parts, near-misses reuse valid values, and fast-check's regex arbitraries
 * are slow to build.
 */
const built = {
  near: new WeakMap<ZodSchema, fc.Arbitrary<unknown>>(),
  valid: new WeakMap<ZodSchema, fc.Arbitrary<unknown>>(),
};

function build(
  schema: ZodSchema,
  near: boolean,
  depth: number,
): fc.Arbitrary<unknown> {
  const cache = near ? built.near : built.valid;
  const cached = cache.get(schema);
  if (cached) return cached;
  const arbitrary = buildUncached(schema, near, depth);
  cache.set(schema, arbitrary);
  return arbitrary;
}

function buildUncached(
  schema: ZodSchema,
  near: boolean,
  depth: number,
): fc.Arbitrary<unknown> {
  const valid = validArbitrary(schema, s => build(s, near, depth + 1), depth);
  // Containers hold near-misses of their own when `near`, and unknown types
  // take anything: only leaves are checked against the schema then.
  const checked =
    near && !LEAVES.has(defOf(schema).type)
      ? valid
      : valid.filter(v => accepts(schema, v));
  if (!near) return checked;
  const misses = nearMissArbitraries(schema, s => build(s, false, depth + 1));
  return misses.length === 0
    ? checked
    : fc.oneof(
        { weight: 4, arbitrary: checked },
        { weight: 1, arbitrary: fc.oneof(...misses) },
      );
}
