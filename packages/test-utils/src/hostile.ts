/**
 * Inputs that break servers: text one database engine stores and another
 * refuses, characters that hide or reorder what people read, wildcards,
 * and shapes and numbers a parser or a column type cannot hold.
 */

/** A named hostile input, so a failure says what was sent in words. */
export interface Hostile<T> {
  name: string;
  value: T;
  /** How often the fuzzer picks it relative to the others (default 1). */
  weight?: number;
}

/** One megabyte of text (a million and some ASCII characters). */
export const ONE_MEGABYTE = 1024 * 1024;

/** Strings that a text field may receive from a careless or hostile client. */
export const hostileStrings: ReadonlyArray<Hostile<string>> = [
  // NUL: SQLite stores it, PostgreSQL refuses it in text columns.
  { name: 'NUL in the middle', value: 'a\u0000b', weight: 4 },
  { name: 'NUL alone', value: '\u0000', weight: 2 },
  { name: 'NUL at the end', value: 'abc\u0000', weight: 2 },
  // Other C0 controls, DEL and C1 controls.
  { name: 'C0 start of heading', value: 'a\u0001b' },
  { name: 'C0 bell', value: 'ring\u0007' },
  { name: 'C0 backspace', value: 'ab\u0008c' },
  { name: 'C0 vertical tab and form feed', value: 'a\u000b\u000cb' },
  { name: 'C0 escape (ANSI colour)', value: '\u001b[31mred\u001b[0m' },
  { name: 'C0 unit separator', value: 'a\u001fb' },
  { name: 'DEL', value: 'a\u007fb' },
  { name: 'C1 padding character', value: 'a\u0080b' },
  { name: 'C1 next line', value: 'a\u0085b' },
  { name: 'C1 control sequence introducer', value: '\u009b31m' },
  { name: 'C1 application program command', value: 'a\u009fb' },
  // UTF-16 that is not Unicode: lone surrogates.
  { name: 'lone high surrogate', value: '\uD800' },
  { name: 'lone low surrogate', value: '\uDFFF' },
  { name: 'lone high surrogate between letters', value: 'a\uDBFFb' },
  { name: 'surrogates in the wrong order', value: '\uDC00\uD800' },
  // Characters that change what a reader sees.
  { name: 'RTL override', value: 'user\u202Egnp.exe' },
  { name: 'bidi isolates', value: '\u2066a\u2069' },
  { name: 'zero-width space', value: 'ja\u200Bva' },
  { name: 'zero-width joiner', value: 'go\u200D' },
  { name: 'byte order mark', value: '\uFEFFtitle' },
  { name: 'line and paragraph separators', value: 'a\u2028b\u2029c' },
  { name: 'combining marks', value: 'e\u0301\u0301\u0301' },
  { name: 'emoji', value: '🚀 launch 👩🏽‍💻' },
  // Size.
  { name: '1 MB string', value: 'a'.repeat(ONE_MEGABYTE) },
  { name: 'empty string', value: '' },
  { name: 'only spaces', value: '   ' },
  // SQL and LIKE metacharacters.
  { name: 'LIKE percent', value: '%' },
  { name: 'LIKE underscore', value: '_' },
  { name: 'single quote', value: "o'brien" },
  { name: 'backslash', value: '\\' },
  { name: 'LIKE escapes', value: '%%__\\%\\_' },
  { name: 'SQL tautology', value: "' OR '1'='1" },
  { name: 'SQL statement', value: "x'); DROP TABLE users; --" },
  // Paths, formulas, markup, prototype keys.
  { name: 'path traversal', value: '../../../etc/passwd' },
  { name: 'encoded path traversal', value: '..%2F..%2Fetc%2Fpasswd' },
  { name: 'Windows path traversal', value: '..\\..\\windows\\win.ini' },
  { name: 'spreadsheet formula', value: '=HYPERLINK("http://x","y")' },
  { name: 'markup', value: '<img src=x onerror=alert(1)>' },
  { name: 'prototype key', value: '__proto__' },
  { name: 'numeric text', value: '1e308' },
  { name: '2^31 as text (past a 32-bit integer column)', value: '2147483648' },
  { name: 'ten nines as text', value: '9999999999' },
  { name: 'NaN as text', value: 'NaN' },
];

/** Nested arrays `[[[...]]]`, `depth` levels deep. */
export function nestedArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Nested objects `{ a: { a: ... } }`, `depth` levels deep. */
export function nestedObject(depth: number): unknown {
  let value: unknown = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/**
 * Values of the wrong shape or out of range: for any field of a JSON body
 * (or the whole body).
 */
export const hostileValues: ReadonlyArray<Hostile<unknown>> = [
  { name: 'arrays nested 1000 levels', value: nestedArray(1000) },
  { name: 'objects nested 1000 levels', value: nestedObject(1000) },
  { name: 'largest double', value: 1e308 },
  { name: 'most negative double', value: -1e308 },
  { name: 'negative zero', value: -0 },
  { name: 'NaN as a string', value: 'NaN' },
  { name: 'Infinity as a string', value: 'Infinity' },
  { name: '2^53 + 1', value: 2 ** 53 + 1 },
  { name: '-(2^53 + 1)', value: -(2 ** 53 + 1) },
  { name: '2^31 (past a 32-bit integer column)', value: 2 ** 31, weight: 2 },
  { name: '2^31 - 1 (largest 32-bit integer)', value: 2 ** 31 - 1 },
  { name: '2^63 (past a 64-bit integer column)', value: 2 ** 63 },
  { name: 'a fraction', value: 1.5 },
  { name: 'minus one', value: -1 },
  { name: 'zero', value: 0 },
  { name: 'array of 100k items', value: new Array(100_000).fill(0) },
  { name: 'empty array', value: [] },
  { name: 'array holding null', value: [null] },
  { name: 'null', value: null },
  { name: 'true', value: true },
  { name: 'empty object', value: {} },
  {
    name: 'object with a __proto__ key',
    value: JSON.parse('{"__proto__":{"admin":true}}'),
  },
  { name: 'a number as text', value: '42' },
];

// Matching control characters is the point here.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text for a log: control, invisible and bidi characters and lone
 * surrogates written as `\uXXXX`, and long runs of one character as
 * `<'a' x 1048576>`, so a failure shows what was sent.
 */
export function escapeForLog(text: string): string {
  return text
    .replace(
      /(.)\1{49,}/gsu,
      (run, char: string) => `<'${char}' x ${run.length / char.length}>`,
    )
    .replace(
      INVISIBLE,
      c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
}

/**
 * A JSON-like rendering of any value for a log: strings escaped with
 * `escapeForLog`, long arrays and deep nesting summarised.
 */
export function describeValue(value: unknown, depth = 0): string {
  if (depth > 6) {
    return `<${nestingDepth(value)} more levels>`;
  }
  if (typeof value === 'string') {
    return `"${escapeForLog(value.replace(/["\\]/g, c => `\\${c}`))}"`;
  }
  if (typeof value === 'number') {
    return Object.is(value, -0) ? '-0' : String(value);
  }
  if (Array.isArray(value)) {
    const shown = value.slice(0, 5).map(v => describeValue(v, depth + 1));
    if (value.length > 5) shown.push(`... ${value.length - 5} more items`);
    return `[${shown.join(', ')}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([k, v]) => `${describeValue(k)}: ${describeValue(v, depth + 1)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  return String(value);
}

function nestingDepth(value: unknown): number {
  let depth = 0;
  let current = value;
  while (current && typeof current === 'object') {
    const children: unknown[] = Object.values(current);
    if (children.length === 0) break;
    current = children[0];
    depth++;
  }
  return depth;
}
