import fc from 'fast-check';
import { Hostile, hostileStrings, hostileValues } from './hostile';
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
import {
  FuzzCase,
  FuzzRoute,
  isArbitrary,
  nearMissOf,
  Part,
  PartSpec,
  validOf,
} from './fuzzTypes';

type Kind = 'hostile-string' | 'hostile-value' | 'schema' | 'extra-key';

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

/** A route's params, query and body, each part's values from `of`. */
function requestsOf(
  route: FuzzRoute,
  of: (spec: PartSpec) => fc.Arbitrary<unknown>,
) {
  const params = Object.entries(route.params ?? {});
  return fc.record({
    params: fc.record(
      Object.fromEntries(params.map(([k, spec]) => [k, of(spec)])),
    ),
    query: route.query ? of(route.query) : fc.constant({}),
    body: route.body ? of(route.body) : fc.constant(undefined),
  });
}

/** The arbitrary of one route's requests: valid ones with ONE part mutated. */
export function fuzzCases(route: FuzzRoute): fc.Arbitrary<FuzzCase> {
  const params = route.params ?? {};
  const parts: Part[] = ['query'];
  if (Object.keys(params).length) parts.unshift('params');
  if (route.body) parts.push('body');
  const valid = requestsOf(route, validOf);
  const nearMiss = requestsOf(route, nearMissOf);
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
