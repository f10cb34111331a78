import fc from 'fast-check';
import { boundsOf, defOf, isOptional, ZodSchema } from './zodSchema';

/** Longest valid string or array generated when a schema allows more. */
const SPAN = 24;
const INT32 = 2 ** 31 - 1;

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

/**
 * Values `schema` accepts, built node by node; `inner` builds the
 * arbitraries of the schemas it contains (`depth` deep).
 */
export function validArbitrary(
  schema: ZodSchema,
  inner: (schema: ZodSchema) => fc.Arbitrary<unknown>,
  depth: number,
): fc.Arbitrary<unknown> {
  const def = defOf(schema);
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
