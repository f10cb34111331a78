import fc from 'fast-check';
import { safeParse, type $ZodType } from 'zod/v4/core';

/** Any zod v4 schema (classic or mini). */
export type ZodSchema = $ZodType;

export interface ArbitraryFromZodOptions {
  /**
   * Mix near-misses into the values: strings one character too long,
   * numbers one past a bound, a missing required key, an unknown key in a
   * strict object, the wrong type. Default true; false gives values the
   * schema accepts.
   */
  nearMisses?: boolean;
}

/** Longest valid string or array generated when a schema allows more. */
const SPAN = 24;
const INT32 = 2 ** 31 - 1;

/** Whether `schema` accepts `value`. */
export function accepts(schema: ZodSchema, value: unknown): boolean {
  return safeParse(schema, value).success;
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

type Def = Record<string, any> & { type: string };

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

function defOf(schema: ZodSchema): Def {
  return (schema as any)._zod.def as Def;
}

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
  const valid = validArbitrary(schema, near, depth);
  // Containers hold near-misses of their own when `near`, and unknown types
  // take anything: only leaves are checked against the schema then.
  const checked =
    near && !LEAVES.has(defOf(schema).type)
      ? valid
      : valid.filter(v => accepts(schema, v));
  if (!near) return checked;
  const misses = nearMissArbitraries(schema, depth);
  return misses.length === 0
    ? checked
    : fc.oneof(
        { weight: 4, arbitrary: checked },
        { weight: 1, arbitrary: fc.oneof(...misses) },
      );
}

/** The bounds and patterns a schema's checks declare. */
interface Bounds {
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer: boolean;
  format?: string;
  patterns: RegExp[];
}

export function boundsOf(schema: ZodSchema): Bounds {
  const def = defOf(schema);
  const bounds: Bounds = { integer: false, patterns: [] };
  const all = [def, ...(def.checks ?? []).map((c: any) => c._zod.def)];
  for (const check of all) {
    const format: string | undefined = check.format;
    if (format && /int/.test(format)) bounds.integer = true;
    else if (format && format !== 'regex') bounds.format = format;
    if (check.pattern instanceof RegExp) bounds.patterns.push(check.pattern);
    switch (check.check) {
      case 'min_length':
        bounds.min = Math.max(bounds.min ?? 0, check.minimum);
        break;
      case 'max_length':
        bounds.max = Math.min(bounds.max ?? Infinity, check.maximum);
        break;
      case 'length_equals':
        bounds.min = check.length;
        bounds.max = check.length;
        break;
      case 'greater_than':
        bounds.min = check.value;
        bounds.minExclusive = !check.inclusive;
        break;
      case 'less_than':
        bounds.max = check.value;
        bounds.maxExclusive = !check.inclusive;
        break;
      default:
    }
  }
  return bounds;
}

/** fast-check's regex arbitraries take long to build: one per regex. */
const byRegex = new Map<string, fc.Arbitrary<string>>();

function matching(regex: RegExp): fc.Arbitrary<string> {
  // fast-check cannot generate for a case-insensitive regex; the
  // case-sensitive one matches a subset of it.
  const flags = regex.flags.replace(/[igy]/g, '');
  const key = `${regex.source}/${flags}`;
  if (!byRegex.has(key)) {
    byRegex.set(key, fc.stringMatching(new RegExp(regex.source, flags)));
  }
  return byRegex.get(key)!;
}

function stringArbitrary(schema: ZodSchema): fc.Arbitrary<string> {
  const b = boundsOf(schema);
  const min = b.min ?? 0;
  const max = Math.min(b.max ?? min + SPAN, min + SPAN);
  const lengthOk = (s: string) =>
    s.length >= min && s.length <= (b.max ?? Infinity);
  const dates = fc.date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2100-12-31T23:59:59Z'),
    noInvalidDate: true,
  });
  switch (b.format) {
    case 'date':
      return dates.map(d => d.toISOString().slice(0, 10));
    case 'datetime':
      return dates.map(d => d.toISOString());
    case 'email':
      return fc
        .tuple(
          fc.stringMatching(/^[a-z0-9]{1,12}$/),
          fc.constantFrom('example.com', 'x.org'),
        )
        .map(([local, domain]) => `${local}@${domain}`);
    case 'url':
      return fc.webUrl();
    case 'uuid':
    case 'guid':
      return fc.uuid();
    default:
  }
  if (b.patterns.length > 0) {
    const [first, ...rest] = b.patterns;
    return matching(first).filter(
      s => lengthOk(s) && rest.every(p => p.test(s)),
    );
  }
  return fc.string({ minLength: min, maxLength: Math.max(min, max) });
}

function numberArbitrary(schema: ZodSchema): fc.Arbitrary<number> {
  const b = boundsOf(schema);
  if (b.integer) {
    const lo =
      b.min === undefined
        ? -1000
        : Math.ceil(b.min + (b.minExclusive ? 1e-9 : 0));
    // Without a maximum, zod still allows every safe integer: the edges
    // include the largest, and the first values past 32- and 64-bit
    // (float) columns, which a schema accepts and a database may not.
    const hi =
      b.max === undefined
        ? Number.MAX_SAFE_INTEGER
        : Math.floor(b.max - (b.maxExclusive ? 1e-9 : 0));
    const edges = [lo, hi, INT32, INT32 + 1].filter(
      n => Number.isSafeInteger(n) && n >= lo && n <= hi,
    );
    const inner = fc.integer({
      min: Math.max(lo, -INT32),
      max: Math.min(hi, lo + 2000, INT32),
    });
    return edges.length === 0
      ? inner
      : fc.oneof({ weight: 4, arbitrary: inner }, fc.constantFrom(...edges));
  }
  return fc.double({
    min: b.min ?? Math.min(-1e6, (b.max ?? 0) - 1e6),
    max: b.max ?? Math.max(1e6, (b.min ?? 0) + 1e6),
    minExcluded: b.minExclusive,
    maxExcluded: b.maxExclusive,
    noNaN: true,
    noDefaultInfinity: true,
  });
}

function isOptional(schema: ZodSchema): boolean {
  return accepts(schema, undefined);
}

function validArbitrary(
  schema: ZodSchema,
  near: boolean,
  depth: number,
): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const inner = (s: ZodSchema) => build(s, near, depth + 1);
  switch (def.type) {
    case 'string':
      return stringArbitrary(schema);
    case 'number':
    case 'int':
      return numberArbitrary(schema);
    case 'boolean':
      return fc.boolean();
    case 'bigint':
      return fc.bigInt();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'nan':
      return fc.constant(NaN);
    case 'date':
      return fc.date({ noInvalidDate: true });
    case 'any':
    case 'unknown':
      return fc.jsonValue({ maxDepth: 3 });
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as object));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'array': {
      const b = boundsOf(schema);
      const min = b.min ?? 0;
      return fc.array(inner(def.element), {
        minLength: min,
        maxLength: Math.min(b.max ?? min + 4, min + 4),
      });
    }
    case 'tuple':
      return fc.tuple(...(def.items as ZodSchema[]).map(inner));
    case 'object': {
      const shape = def.shape as Record<string, ZodSchema>;
      const model = Object.fromEntries(
        Object.entries(shape).map(([key, value]) => [key, inner(value)]),
      );
      return fc.record(model, {
        requiredKeys: Object.keys(shape).filter(k => !isOptional(shape[k])),
      });
    }
    case 'record':
      return fc.dictionary(
        inner(def.keyType).filter((k): k is string => typeof k === 'string'),
        inner(def.valueType),
        { maxKeys: 4 },
      );
    case 'union':
      return fc.oneof(...(def.options as ZodSchema[]).map(inner));
    case 'intersection':
      return fc
        .tuple(inner(def.left), inner(def.right))
        .map(([a, b]) =>
          a && b && typeof a === 'object' && typeof b === 'object'
            ? { ...a, ...b }
            : a,
        );
    case 'optional':
      return fc.option(inner(def.innerType), { nil: undefined });
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null });
    case 'default':
    case 'prefault':
      return fc.option(inner(def.innerType), { nil: undefined });
    case 'nonoptional':
    case 'readonly':
    case 'catch':
    case 'success':
      return inner(def.innerType);
    case 'pipe':
      // A preprocess passes values it does not rewrite through unchanged:
      // generate what the inner schema takes. Otherwise the input side.
      return defOf(def.in).type === 'transform'
        ? inner(def.out)
        : inner(def.in);
    case 'lazy':
      return depth > 8 ? fc.constant(null) : inner(def.getter());
    default:
      return fc.anything();
  }
}

const wrongTypes = fc.constantFrom<unknown>(null, 42, 'text', true, [], {});

function nearMissArbitraries(
  schema: ZodSchema,
  depth: number,
): fc.Arbitrary<unknown>[] {
  const def = defOf(schema);
  const valid = () => build(schema, false, depth + 1);
  switch (def.type) {
    case 'string': {
      const b = boundsOf(schema);
      const misses: fc.Arbitrary<unknown>[] = [
        fc.constantFrom(42, null, ['a']),
      ];
      if (b.max !== undefined && b.max < 100_000) {
        misses.push(fc.constant('a'.repeat(b.max + 1)));
      }
      if (b.min) misses.push(fc.constant('a'.repeat(b.min - 1)));
      if (b.patterns.length || b.format) {
        misses.push(valid().map(s => `${s} !`));
      }
      return misses;
    }
    case 'number':
    case 'int': {
      const b = boundsOf(schema);
      const misses: fc.Arbitrary<unknown>[] = [
        fc.constantFrom('3', null, true),
      ];
      if (b.min !== undefined)
        misses.push(fc.constant(b.min - (b.integer ? 1 : 0.001)));
      if (b.max !== undefined)
        misses.push(fc.constant(b.max + (b.integer ? 1 : 0.001)));
      if (b.integer) misses.push(fc.constantFrom(1.5, 2 ** 53 + 1));
      return misses;
    }
    case 'boolean':
      return [fc.constantFrom('true', 1, null)];
    case 'enum':
    case 'literal': {
      const values: unknown[] =
        def.type === 'enum' ? Object.values(def.entries) : def.values;
      return [
        fc.constantFrom(...values).map(v => `${String(v).toUpperCase()} `),
        fc.constantFrom(1, null),
      ];
    }
    case 'array': {
      const b = boundsOf(schema);
      const element = build(def.element, false, depth + 1);
      const misses: fc.Arbitrary<unknown>[] = [
        element,
        fc.constantFrom(null, {}),
      ];
      if (b.max !== undefined && b.max <= 2000) {
        misses.push(
          fc.array(element, { minLength: b.max + 1, maxLength: b.max + 1 }),
        );
      }
      if (b.min) {
        misses.push(
          fc.array(element, { minLength: b.min - 1, maxLength: b.min - 1 }),
        );
      }
      return misses;
    }
    case 'object': {
      const shape = def.shape as Record<string, ZodSchema>;
      const required = Object.keys(shape).filter(k => !isOptional(shape[k]));
      const misses: fc.Arbitrary<unknown>[] = [fc.constantFrom(null, [], 'x')];
      if (required.length) {
        misses.push(
          fc
            .tuple(valid(), fc.constantFrom(...required))
            .map(([value, key]) => {
              const { [key]: _dropped, ...rest } = value as Record<
                string,
                unknown
              >;
              return rest;
            }),
        );
      }
      if (def.catchall && defOf(def.catchall).type === 'never') {
        misses.push(
          valid().map(value => ({ ...(value as object), unexpectedKey: 'x' })),
        );
      }
      return misses;
    }
    case 'union': {
      const discriminator: string | undefined = def.discriminator;
      const options = def.options as ZodSchema[];
      if (!discriminator || options.length < 2) return [wrongTypes];
      // A valid value of one option under another option's tag.
      const tags = options.flatMap(o => [
        ...((o as any)._zod.propValues?.[discriminator] ?? []),
      ]);
      return [
        wrongTypes,
        fc.tuple(valid(), fc.constantFrom(...tags)).map(([value, tag]) => ({
          ...(value as object),
          [discriminator]: tag,
        })),
      ];
    }
    case 'record':
    case 'tuple':
      return [wrongTypes];
    case 'optional':
    case 'default':
    case 'prefault':
      return accepts(schema, null) ? [] : [fc.constant(null)];
    default:
      return [];
  }
}
