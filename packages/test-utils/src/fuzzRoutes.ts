import fc from 'fast-check';
import supertest from 'supertest';
import {
  describeValue,
  escapeForLog,
  Hostile,
  hostileStrings,
  hostileValues,
} from './hostile';
import {
  applyText,
  asText,
  encodeComponent,
  encodeQuery,
  nodesOf,
  pathName,
  replaceAt,
  TextOperation,
} from './mutate';
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

type Part = 'params' | 'query' | 'body';
type Kind = 'hostile-string' | 'hostile-value' | 'schema' | 'extra-key';

/** One generated request, and what was changed from a valid one. */
export interface FuzzCase {
  mutated: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

function envNumber(name: string): number | undefined {
  const raw = process.env[name];
  return raw !== undefined && raw !== '' && Number.isFinite(Number(raw))
    ? Number(raw)
    : undefined;
}

function isArbitrary(spec: PartSpec): spec is fc.Arbitrary<unknown> {
  return spec instanceof fc.Arbitrary;
}

function isPair(
  spec: PartSpec,
): spec is { schema: ZodSchema; valid: fc.Arbitrary<unknown> } {
  return 'valid' in spec && 'schema' in spec && !isArbitrary(spec);
}

function validOf(spec: PartSpec): fc.Arbitrary<unknown> {
  if (isArbitrary(spec)) return spec;
  if (isPair(spec)) return spec.valid;
  return arbitraryFromZod(spec, { nearMisses: false });
}

function nearMissOf(spec: PartSpec): fc.Arbitrary<unknown> {
  if (isArbitrary(spec)) return spec;
  return arbitraryFromZod(isPair(spec) ? spec.schema : spec);
}

export function routeName(route: Pick<FuzzRoute, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

/** A stable 32-bit number for a route, so each route has its own seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h | 0;
}

function pick<T>(list: ReadonlyArray<Hostile<T>>): fc.Arbitrary<Hostile<T>> {
  return fc.oneof(
    ...list.map(h => ({ weight: h.weight ?? 1, arbitrary: fc.constant(h) })),
  );
}

function weighted<T>(...entries: Array<[T, number]>): fc.Arbitrary<T> {
  return fc.oneof(
    ...entries.map(([value, weight]) => ({
      weight,
      arbitrary: fc.constant(value),
    })),
  );
}

/** The arbitrary of one route's requests: valid ones with ONE part mutated. */
export function fuzzCases(route: FuzzRoute): fc.Arbitrary<FuzzCase> {
  const params = route.params ?? {};
  const parts: Part[] = ['query'];
  if (Object.keys(params).length) parts.unshift('params');
  if (route.body) parts.push('body');
  const valid = fc.record({
    params: fc.record(
      Object.fromEntries(
        Object.entries(params).map(([k, spec]) => [k, validOf(spec)]),
      ),
    ),
    query: route.query ? validOf(route.query) : fc.constant({}),
    body: route.body ? validOf(route.body) : fc.constant(undefined),
  });
  const nearMiss = fc.record({
    params: fc.record(
      Object.fromEntries(
        Object.entries(params).map(([k, spec]) => [k, nearMissOf(spec)]),
      ),
    ),
    query: route.query ? nearMissOf(route.query) : fc.constant({}),
    body: route.body ? nearMissOf(route.body) : fc.constant(undefined),
  });
  // Where a near-miss of a zod schema changes something (an arbitrary of
  // valid values would send a valid request).
  const isSchema = (spec?: PartSpec) => !!spec && !isArbitrary(spec);
  const hasSchema: Record<Part, boolean> = {
    params: Object.values(params).some(isSchema),
    query: isSchema(route.query),
    body: isSchema(route.body),
  };
  return fc
    .record({
      base: valid,
      part: fc.oneof(
        ...parts.map(part => ({
          weight: part === 'body' ? 3 : 2,
          arbitrary: fc.constant(part),
        })),
      ),
      kind: weighted<Kind>(
        ['hostile-string', 6],
        ['hostile-value', 2],
        ['schema', 2],
        ['extra-key', 1],
      ),
      at: fc.nat(),
      operation: fc.constantFrom<TextOperation>(
        'replace',
        'middle',
        'append',
        'prepend',
      ),
      text: pick(hostileStrings),
      value: pick(hostileValues),
      schemaValue: nearMiss,
    })
    .map(c => {
      const base = c.base as FuzzCase;
      const current = base[c.part];
      let next: unknown = current;
      let mutated: string;
      const nodes = nodesOf(current);
      if (c.kind === 'schema' && hasSchema[c.part]) {
        next = c.schemaValue[c.part];
        mutated = `${c.part} <- a near-miss of its schema`;
      } else if (c.kind === 'extra-key' && c.part !== 'params') {
        const key = c.at % 2 ? c.text.value : 'unexpected';
        next = {
          ...(current && typeof current === 'object' ? current : {}),
          [key]: c.at % 2 ? 'x' : c.text.value,
        };
        mutated = `${c.part} <- an unknown key (${c.text.name})`;
      } else if (c.kind === 'hostile-value' && c.part !== 'params') {
        const node = nodes[c.at % nodes.length];
        next = replaceAt(current, node.path, c.value.value);
        mutated = `${pathName(c.part, node.path)} <- ${c.value.name}`;
      } else {
        const strings = nodes.filter(n => typeof n.value === 'string');
        const targets = strings.length ? strings : nodes;
        const node = targets[c.at % targets.length];
        const hostile =
          c.kind === 'hostile-value' ? asText(c.value.value) : c.text.value;
        const name = c.kind === 'hostile-value' ? c.value.name : c.text.name;
        // A hostile value stands for the whole text (a number past a
        // column's range only works whole).
        const operation = c.kind === 'hostile-value' ? 'replace' : c.operation;
        next = replaceAt(
          current,
          node.path,
          typeof node.value === 'string'
            ? applyText(node.value, hostile, operation)
            : hostile,
        );
        mutated = `${pathName(c.part, node.path)} <- ${name} (${operation})`;
      }
      const out: FuzzCase = { ...base, mutated, [c.part]: next };
      if (c.part === 'params') {
        out.params = Object.fromEntries(
          Object.entries(
            next && typeof next === 'object' ? next : { value: next },
          ).map(([k, v]) => [k, asText(v)]),
        );
      }
      if (
        !out.query ||
        typeof out.query !== 'object' ||
        Array.isArray(out.query)
      ) {
        out.query = { value: out.query };
      }
      return out;
    });
}

/** The URL of a case: parameters and query percent-encoded. */
export function urlOf(route: FuzzRoute, c: FuzzCase): string {
  const path = route.path.replace(/:(\w+)/g, (_m, name: string) =>
    encodeComponent(c.params[name] ?? ''),
  );
  const query = encodeQuery(c.query);
  return query ? `${path}?${query}` : path;
}

interface Answer {
  status: number;
  text: string;
}

async function send(
  options: Omit<FuzzOptions, 'routes'>,
  route: FuzzRoute,
  c: FuzzCase,
): Promise<Answer> {
  const url = urlOf(route, c);
  const agent = supertest(options.request);
  let test = agent[route.method.toLowerCase() as 'get'](url).timeout({
    response: 30_000,
  });
  for (const [k, v] of Object.entries({
    ...options.headers,
    ...route.headers,
  })) {
    test = test.set(k, v);
  }
  if (c.body !== undefined) {
    test = test
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(c.body));
  }
  try {
    const res = await test;
    return { status: res.status, text: res.text ?? '' };
  } catch (error: any) {
    // Node's HTTP parser hangs up on a URL past its header limit (16 KB):
    // the request never reaches the application, like a 431.
    if (
      url.length > 16_000 &&
      /ECONNRESET|EPIPE|socket hang up/.test(String(error?.code ?? error))
    ) {
      return { status: 431, text: 'connection closed by the HTTP parser' };
    }
    throw error;
  }
}

class FuzzFailure extends Error {}

function caseText(route: FuzzRoute, c: FuzzCase): string {
  const lines = [
    `  mutated: ${escapeForLog(c.mutated)}`,
    `  request: ${route.method} ${escapeForLog(decodeForLog(urlOf(route, c)))}`,
  ];
  if (Object.keys(c.params).length) {
    lines.push(`  params: ${describeValue(c.params)}`);
  }
  if (Object.keys(c.query).length) {
    lines.push(`  query: ${describeValue(c.query)}`);
  }
  if (c.body !== undefined) lines.push(`  body: ${describeValue(c.body)}`);
  return lines.join('\n');
}

function decodeForLog(url: string): string {
  return url.length > 2000
    ? `${url.slice(0, 2000)}... (${url.length} characters)`
    : url;
}

function answerText(answer: Answer): string {
  let message = answer.text;
  try {
    const error = JSON.parse(answer.text)?.error;
    if (error?.message) {
      const stack = String(error.stack ?? '')
        .split('\n')
        .find(line => /^\s+at /.test(line));
      message = `${error.name}: ${error.message}${
        stack ? ` (${stack.trim()})` : ''
      }`;
    }
  } catch {
    // not JSON: keep the text
  }
  return escapeForLog(message.slice(0, 500));
}

/**
 * Sends `numRuns` generated requests to one route and checks that none is
 * answered with a 5xx, and that no 4xx changed a row. Throws an error that
 * names the route, the seed, the replay path and the shrunk request.
 */
export async function fuzzRoute(
  options: Omit<FuzzOptions, 'routes'>,
  route: FuzzRoute,
): Promise<FuzzReport> {
  const name = routeName(route);
  const seed =
    options.seed ?? envNumber('ONRAMP_FUZZ_SEED') ?? DEFAULT_FUZZ_SEED;
  const numRuns =
    options.numRuns ?? envNumber('ONRAMP_FUZZ_RUNS') ?? DEFAULT_FUZZ_RUNS;
  const replay = (process.env.ONRAMP_FUZZ_REPLAY ?? '')
    .split(/\n|;;/)
    .map(line => line.match(/^(.*)=([\d:]+)$/))
    .find(m => m && m[1].trim() === name)?.[2];
  const statuses: Record<number, number> = {};
  let known: string | undefined;
  let last: Answer | undefined;

  const property = fc.asyncProperty(fuzzCases(route), async c => {
    const before = known ?? (await options.snapshot());
    known = undefined;
    const answer = await send(options, route, c);
    last = answer;
    statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    if (answer.status >= 500) {
      throw new FuzzFailure(`answered ${answer.status}: ${answerText(answer)}`);
    }
    if (answer.status >= 400) {
      const after = await options.snapshot();
      if (after !== before) {
        throw new FuzzFailure(
          `answered ${answer.status} but changed rows: ${answerText(answer)}`,
        );
      }
      known = after;
    }
  });
  const details = await fc.check(property, {
    seed: seed ^ hash(name),
    numRuns,
    ...(replay ? { path: replay, endOnFailure: true } : {}),
  });
  if (details.failed) {
    const [c] = (details.counterexample ?? []) as [FuzzCase];
    const error = details.errorInstance;
    const reason =
      error instanceof FuzzFailure
        ? error.message
        : `threw ${escapeForLog(String((error as Error)?.stack ?? error))}`;
    throw new Error(
      [
        `Fuzzing ${name} failed after ${details.numRuns} requests (${details.numShrinks} shrinks): ${reason}`,
        c ? caseText(route, c) : '  (no counterexample)',
        last && !(error instanceof FuzzFailure)
          ? `  last answer: ${last.status}`
          : '',
        `  seed ${seed} (route seed ${details.seed}), path ${details.counterexamplePath}`,
        `  reproduce: ONRAMP_FUZZ_SEED=${seed} ONRAMP_FUZZ_REPLAY='${name}=${details.counterexamplePath}'`,
      ]
        .filter(Boolean)
        .join('\n'),
    );
  }
  return { route: name, runs: details.numRuns, statuses };
}

/**
 * Fuzzes every route in turn (see `fuzzRoute`) and throws one error that
 * lists every route that failed, so one run shows them all.
 */
export async function fuzzRoutes(options: FuzzOptions): Promise<FuzzReport[]> {
  const reports: FuzzReport[] = [];
  const failures: string[] = [];
  for (const route of options.routes) {
    try {
      reports.push(await fuzzRoute(options, route));
    } catch (error) {
      failures.push((error as Error).message);
    }
  }
  if (failures.length) {
    throw new Error(
      `${failures.length} of ${
        options.routes.length
      } routes failed:\n\n${failures.join('\n\n')}`,
    );
  }
  return reports;
}
