import fc from 'fast-check';
import type supertest from 'supertest';
import { arbitraryFromZod, ZodSchema } from './zodArbitrary';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A part of a request: a zod schema; an arbitrary of valid values; or both,
 * when valid values need more than the schema says (ids that exist, names
 * a taxonomy knows) and near-misses should still come from the schema.
 */
export type PartSpec =
  | ZodSchema
  | fc.Arbitrary<unknown>
  | { schema: ZodSchema; valid: fc.Arbitrary<unknown> };

/**
 * A part spec whose valid values are the schema's, changed by `patch`
 * (which must keep them valid), e.g. `skills: ['Java']`.
 */
export function validFrom<T>(
  schema: ZodSchema,
  patch: (value: T) => unknown,
): PartSpec {
  return {
    schema,
    valid: arbitraryFromZod(schema, { nearMisses: false }).map(v =>
      patch(v as T),
    ),
  };
}

export interface FuzzRoute {
  method: HttpMethod;
  /** The full path with `:name` parameters, e.g. `/api/x/posts/:id`. */
  path: string;
  /** Valid values of each path parameter (a schema or an arbitrary). */
  params?: Record<string, PartSpec>;
  /** Valid query objects; routes without one are fuzzed with unknown keys. */
  query?: PartSpec;
  /** Valid JSON bodies. */
  body?: PartSpec;
  /** Headers of this route's requests (e.g. service credentials). */
  headers?: Record<string, string>;
}

export interface FuzzOptions {
  /** What supertest sends requests to: an http.Server or an Express app. */
  request: Parameters<typeof supertest>[0];
  routes: FuzzRoute[];
  /** A digest of every row of every table; must not change on a 4xx. */
  snapshot: () => Promise<string>;
  /** Headers of every request (e.g. user credentials). */
  headers?: Record<string, string>;
  /** Default: `ONRAMP_FUZZ_SEED`, else a constant. */
  seed?: number;
  /** Requests per route. Default: `ONRAMP_FUZZ_RUNS`, else 15. */
  numRuns?: number;
}

/** What one route answered, by status. */
export interface FuzzReport {
  route: string;
  runs: number;
  statuses: Record<number, number>;
}

export const DEFAULT_FUZZ_SEED = 20261205;
export const DEFAULT_FUZZ_RUNS = 15;

/** The parts of a request a case changes. */
export type Part = 'params' | 'query' | 'body';

/** One generated request, and what was changed from a valid one. */
export interface FuzzCase {
  mutated: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

export function isArbitrary(spec: PartSpec): spec is fc.Arbitrary<unknown> {
  return spec instanceof fc.Arbitrary;
}

function isPair(
  spec: PartSpec,
): spec is { schema: ZodSchema; valid: fc.Arbitrary<unknown> } {
  return 'valid' in spec && 'schema' in spec && !isArbitrary(spec);
}

/** Valid values of a part. */
export function validOf(spec: PartSpec): fc.Arbitrary<unknown> {
  if (isArbitrary(spec)) return spec;
  if (isPair(spec)) return spec.valid;
  return arbitraryFromZod(spec, { nearMisses: false });
}

/** Values of a part that are sometimes just outside its schema. */
export function nearMissOf(spec: PartSpec): fc.Arbitrary<unknown> {
  if (isArbitrary(spec)) return spec;
  return arbitraryFromZod(isPair(spec) ? spec.schema : spec);
}

export function routeName(route: Pick<FuzzRoute, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}
