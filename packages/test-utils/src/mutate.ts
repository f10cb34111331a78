/** Paths into JSON values, and copies of values with one node replaced. */

export type ValuePath = Array<string | number>;

/** Every node of a JSON value, the root first, with its path. */
export function nodesOf(
  value: unknown,
  path: ValuePath = [],
): Array<{ path: ValuePath; value: unknown }> {
  const nodes = [{ path, value }];
  if (Array.isArray(value)) {
    value.forEach((item, i) => nodes.push(...nodesOf(item, [...path, i])));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      nodes.push(...nodesOf(item, [...path, key]));
    }
  }
  return nodes;
}

/** A copy of `value` with the node at `path` replaced by `replacement`. */
export function replaceAt(
  value: unknown,
  path: ValuePath,
  replacement: unknown,
): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = replaceAt(copy[head as number], rest, replacement);
    return copy;
  }
  const record = value as Record<string, unknown>;
  return {
    ...record,
    [head]: replaceAt(record[head as string], rest, replacement),
  };
}

/** `body.skills.0` style names for a log. */
export function pathName(part: string, path: ValuePath): string {
  return [part, ...path].join('.');
}

export type TextOperation = 'replace' | 'append' | 'prepend' | 'middle';

/** Puts `hostile` into `text` by one of four operations. */
export function applyText(
  text: string,
  hostile: string,
  operation: TextOperation,
): string {
  switch (operation) {
    case 'append':
      return text + hostile;
    case 'prepend':
      return hostile + text;
    case 'middle': {
      const at = Math.floor(text.length / 2);
      return text.slice(0, at) + hostile + text.slice(at);
    }
    default:
      return hostile;
  }
}

/** The lone surrogate as the three bytes WTF-8 would use, percent-encoded. */
function encodeLoneSurrogate(unit: number): string {
  return [
    0xe0 | (unit >> 12),
    0x80 | ((unit >> 6) & 0x3f),
    0x80 | (unit & 0x3f),
  ]
    .map(b => `%${b.toString(16).toUpperCase()}`)
    .join('');
}

/**
 * `encodeURIComponent`, except that lone surrogates (which it refuses) are
 * sent as the bytes a careless client would send, so the server sees them.
 */
export function encodeComponent(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    let out = '';
    for (const char of text) {
      const unit = char.codePointAt(0)!;
      out +=
        unit >= 0xd800 && unit <= 0xdfff
          ? encodeLoneSurrogate(unit)
          : encodeURIComponent(char);
    }
    return out;
  }
}

/**
 * A query string for any value, the way `qs` (Express's parser) reads it
 * back: repeated keys for arrays of scalars, brackets for objects.
 */
export function encodeQuery(query: Record<string, unknown>): string {
  const pairs: string[] = [];
  const walk = (key: string, value: unknown) => {
    if (value === undefined) return;
    if (Array.isArray(value)) {
      for (const item of value) {
        walk(item && typeof item === 'object' ? `${key}[]` : key, item);
      }
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(`${key}[${k}]`, v);
    } else {
      const text = value === null ? '' : String(value);
      pairs.push(`${encodeComponent(key)}=${encodeComponent(text)}`);
    }
  };
  for (const [key, value] of Object.entries(query)) walk(key, value);
  return pairs.join('&');
}

/** A value as a path parameter: text as is, anything else as JSON. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    return Object.is(value, -0) ? '-0' : String(value);
  }
  return JSON.stringify(value) ?? String(value);
}
