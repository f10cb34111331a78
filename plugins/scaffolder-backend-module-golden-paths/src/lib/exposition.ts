/**
 * A strict parser of the Prometheus text exposition format 0.0.4
 * (https://prometheus.io/docs/instrumenting/exposition_formats/): what a
 * Prometheus server accepts on a scrape, with the line at fault named.
 */

/** A metric type as `# TYPE` declares it. */
export type MetricType =
  | 'counter'
  | 'gauge'
  | 'histogram'
  | 'summary'
  | 'untyped';

/** One sample line. */
export interface Sample {
  /** The sample's own name, e.g. `x_bucket` in family `x`. */
  name: string;
  labels: Record<string, string>;
  /** The value; NaN and ±Infinity included. */
  value: number;
  /** Milliseconds since the epoch, when the line carries one. */
  timestamp?: number;
  /** 1-based line number. */
  line: number;
}

/** A metric family: its TYPE and HELP lines and its samples. */
export interface MetricFamily {
  name: string;
  type: MetricType;
  help?: string;
  samples: Sample[];
}

/** A family while it is read: whether its TYPE line was seen. */
type Reading = MetricFamily & { typed: boolean };

/** Invalid exposition text; `line` is 1-based. */
export class ExpositionError extends Error {
  constructor(readonly line: number, readonly text: string, reason: string) {
    const shown = text.length > 120 ? `${text.slice(0, 120)}…` : text;
    super(`line ${line}: ${reason}: ${JSON.stringify(shown)}`);
    this.name = 'ExpositionError';
  }
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const METRIC_NAME_START = /[a-zA-Z_:]/;
const METRIC_NAME_CHAR = /[a-zA-Z0-9_:]/;
const LABEL_NAME_START = /[a-zA-Z_]/;
const LABEL_NAME_CHAR = /[a-zA-Z0-9_]/;
const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
const TYPES: MetricType[] = [
  'counter',
  'gauge',
  'histogram',
  'summary',
  'untyped',
];

/** Parses a value as Go's ParseFloat does for the text format (NaN, ±Inf). */
export function parseValue(text: string): number | undefined {
  const lower = text.toLowerCase();
  if (lower === 'nan') return NaN;
  if (/^[+]?inf(inity)?$/.test(lower)) return Infinity;
  if (/^-inf(inity)?$/.test(lower)) return -Infinity;
  return FLOAT.test(text) ? Number(text) : undefined;
}

/** The family a sample name belongs to, given the declared types. */
function familyOf(name: string, declared: Map<string, MetricFamily>) {
  for (const suffix of ['_bucket', '_sum', '_count']) {
    if (name.endsWith(suffix)) {
      const base = declared.get(name.slice(0, -suffix.length));
      if (
        base &&
        (base.type === 'histogram' ||
          (base.type === 'summary' && suffix !== '_bucket'))
      ) {
        return base.name;
      }
    }
  }
  return name;
}

/** Reads one sample line (everything after the first character is checked). */
function parseSampleLine(text: string, line: number): Sample {
  let i = 0;
  const fail = (reason: string): never => {
    throw new ExpositionError(line, text, reason);
  };
  const blanks = () => {
    while (text[i] === ' ' || text[i] === '\t') i++;
  };
  if (!METRIC_NAME_START.test(text[i] ?? '')) fail('invalid metric name');
  while (i < text.length && METRIC_NAME_CHAR.test(text[i])) i++;
  const name = text.slice(0, i);
  const labels: Record<string, string> = {};
  const afterName = i;
  blanks();
  if (text[i] === '{') {
    i++;
    for (;;) {
      blanks();
      if (text[i] === '}') break;
      const start = i;
      if (!LABEL_NAME_START.test(text[i] ?? '')) fail('invalid label name');
      while (i < text.length && LABEL_NAME_CHAR.test(text[i])) i++;
      const labelName = text.slice(start, i);
      blanks();
      if (text[i] !== '=') fail(`expected = after label ${labelName}`);
      i++;
      blanks();
      if (text[i] !== '"') fail(`expected " to open the value of ${labelName}`);
      i++;
      let value = '';
      for (;;) {
        const c = text[i];
        if (c === undefined) fail(`unterminated value of label ${labelName}`);
        i++;
        if (c === '"') break;
        if (c === '\\') {
          const e = text[i++];
          if (e === '\\' || e === '"') value += e;
          else if (e === 'n') value += '\n';
          else fail(`invalid escape \\${e ?? ''} in label ${labelName}`);
        } else value += c;
      }
      if (labelName in labels) fail(`duplicate label ${labelName}`);
      labels[labelName] = value;
      blanks();
      if (text[i] === ',') i++;
      else if (text[i] !== '}') fail('expected , or } after a label');
    }
    i++;
  }
  if (i === afterName && text[i] !== undefined) {
    fail(`invalid character ${JSON.stringify(text[i])} in the metric name`);
  }
  const rest = text
    .slice(i)
    .trim()
    .split(/[ \t]+/);
  if (rest.length > 2 || rest[0] === '') {
    fail(
      rest.length > 2 ? 'unexpected text after the timestamp' : 'missing value',
    );
  }
  const value = parseValue(rest[0]);
  if (value === undefined) fail(`invalid value ${rest[0]}`);
  let timestamp: number | undefined;
  if (rest.length === 2) {
    if (!INTEGER.test(rest[1])) fail(`invalid timestamp ${rest[1]}`);
    timestamp = Number(rest[1]);
  }
  return { name, labels, value: value!, timestamp, line };
}

function unescapeHelp(text: string) {
  return text.replace(/\\(\\|n)/g, (_, e) => (e === 'n' ? '\n' : '\\'));
}

/** The labels of a sample without one label, as a stable key. */
function seriesKey(labels: Record<string, string>, without?: string) {
  return JSON.stringify(
    Object.keys(labels)
      .filter(k => k !== without)
      .sort()
      .map(k => [k, labels[k]]),
  );
}

/** Checks histogram and summary samples against their suffix rules. */
function checkFamily(family: MetricFamily, lines: string[]) {
  const fail = (s: Sample, reason: string): never => {
    throw new ExpositionError(s.line, lines[s.line - 1], reason);
  };
  const seen = new Set<string>();
  for (const s of family.samples) {
    const key = `${s.name}${seriesKey(s.labels)}`;
    if (seen.has(key)) fail(s, `duplicate series ${s.name}`);
    seen.add(key);
  }
  if (family.type === 'summary') {
    for (const s of family.samples) {
      if (s.name === family.name) {
        const q = s.labels.quantile;
        if (q === undefined) fail(s, 'summary sample without a quantile label');
        const v = parseValue(q!);
        if (v === undefined || Number.isNaN(v)) {
          fail(s, `invalid quantile ${q}`);
        }
      } else if ('quantile' in s.labels) {
        fail(s, `${s.name} must not carry a quantile label`);
      }
    }
  }
  if (family.type !== 'histogram') return;
  const buckets = new Map<string, Sample[]>();
  const counts = new Map<string, Sample>();
  for (const s of family.samples) {
    if (s.name === family.name) {
      fail(
        s,
        `histogram ${family.name} takes _bucket, _sum and _count samples`,
      );
    }
    if (s.name.endsWith('_bucket')) {
      const le = s.labels.le;
      if (le === undefined) fail(s, 'histogram bucket without an le label');
      if (parseValue(le!) === undefined || Number.isNaN(parseValue(le!))) {
        fail(s, `invalid le ${le}`);
      }
      const key = seriesKey(s.labels, 'le');
      buckets.set(key, [...(buckets.get(key) ?? []), s]);
    } else if ('le' in s.labels) {
      fail(s, `${s.name} must not carry an le label`);
    } else if (s.name.endsWith('_count')) {
      counts.set(seriesKey(s.labels), s);
    }
  }
  for (const [key, series] of buckets) {
    const sorted = [...series].sort(
      (a, b) => parseValue(a.labels.le)! - parseValue(b.labels.le)!,
    );
    const last = sorted[sorted.length - 1];
    if (parseValue(last.labels.le) !== Infinity) {
      fail(last, `histogram ${family.name} has no le="+Inf" bucket`);
    }
    sorted.reduce((previous, s) => {
      if (s.value < previous.value) {
        fail(s, `bucket counts of ${family.name} must not decrease`);
      }
      return s;
    });
    const count = counts.get(key);
    if (count && count.value !== last.value) {
      fail(count, `${count.name} differs from the le="+Inf" bucket`);
    }
  }
}

/**
 * Parses exposition text; throws an ExpositionError naming the first line at
 * fault. Families are returned in the order they appear.
 */
export function parseExposition(text: string): MetricFamily[] {
  const lines = text.split('\n');
  if (text !== '' && lines[lines.length - 1] !== '') {
    throw new ExpositionError(
      lines.length,
      lines[lines.length - 1],
      'the last line must end with a line feed',
    );
  }
  const families = new Map<string, Reading>();
  let current: Reading | undefined;
  /** The family a line belongs to; one group per family. */
  const enter = (name: string, n: number, raw: string) => {
    if (current?.name === name) return current;
    if (families.has(name)) {
      throw new ExpositionError(
        n,
        raw,
        `metric ${name} appears again after other metrics`,
      );
    }
    current = { name, type: 'untyped', samples: [], typed: false };
    families.set(name, current);
    return current;
  };
  lines.forEach((raw, index) => {
    const n = index + 1;
    if (raw.trim() === '') return;
    if (raw.startsWith('#')) {
      const parts = raw
        .slice(1)
        .trim()
        .split(/[ \t]+/);
      const keyword = parts[0];
      if (keyword !== 'HELP' && keyword !== 'TYPE') return; // a comment
      const name = parts[1];
      if (!name || !METRIC_NAME.test(name)) {
        throw new ExpositionError(
          n,
          raw,
          `invalid metric name in # ${keyword}`,
        );
      }
      const family = enter(name, n, raw);
      if (keyword === 'HELP') {
        if (family.help !== undefined) {
          throw new ExpositionError(n, raw, `second HELP line for ${name}`);
        }
        const at = raw.indexOf(name, raw.indexOf('HELP') + 4) + name.length;
        family.help = unescapeHelp(raw.slice(at).replace(/^[ \t]/, ''));
        return;
      }
      const type = parts[2] as MetricType;
      if (parts.length !== 3 || !TYPES.includes(type)) {
        throw new ExpositionError(
          n,
          raw,
          `invalid type ${parts.slice(2).join(' ')}`,
        );
      }
      if (family.samples.length || family.typed) {
        throw new ExpositionError(
          n,
          raw,
          `TYPE of ${name} must come once, before its samples`,
        );
      }
      family.type = type;
      family.typed = true;
      return;
    }
    const sample = parseSampleLine(raw, n);
    enter(familyOf(sample.name, families), n, raw).samples.push(sample);
  });
  const result = [...families.values()].map(
    ({ name, type, help, samples }) => ({
      name,
      type,
      ...(help !== undefined ? { help } : {}),
      samples,
    }),
  );
  result.forEach(family => checkFamily(family, lines));
  return result;
}
