/**
 * How many levels deeper {@link MessageKeys} may look, by level.
 *
 * @public
 */
export type MessageDepth = [never, 0, 1, 2, 3, 4];

/**
 * The dot-separated keys of a nested message declaration, under `prefix`
 * (up to five levels deep).
 *
 * @public
 */
export type MessageKeys<T, TPrefix extends string, D extends number = 5> = [
  D,
] extends [never]
  ? never
  : T extends string
  ? TPrefix
  : {
      [K in keyof T & string]: MessageKeys<
        T[K],
        `${TPrefix}.${K}`,
        MessageDepth[D]
      >;
    }[keyof T & string];

/**
 * A language's messages for one area of a plugin's translation ref, flat as
 * Backstage's translation API takes them: every key of the English area and
 * no other, so TypeScript names a missing or misspelt key.
 *
 * @public
 */
export type AreaMessages<T, TPrefix extends string> = {
  [K in MessageKeys<T, TPrefix>]: string;
};

/**
 * A nested message declaration, as `createTranslationRef` takes it.
 *
 * @public
 */
export type NestedMessages = { [key: string]: string | NestedMessages };

/**
 * Flattens nested messages to dot-separated keys.
 *
 * @public
 */
export function flattenMessages(
  messages: NestedMessages,
  prefix = '',
): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(messages)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat[name] = value;
    else Object.assign(flat, flattenMessages(value, name));
  }
  return flat;
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map(m => m[1]).sort();

/**
 * What is wrong with a translation against the English messages: a key
 * missing, left empty or unknown, or a `{{placeholder}}` that the English
 * text has and the translation lost (or the other way round). Empty when
 * the translation is complete.
 *
 * @public
 */
export function translationProblems(
  english: NestedMessages,
  translation: Record<string, string | null>,
): string[] {
  const en = flattenMessages(english);
  const problems: string[] = [];
  for (const [key, text] of Object.entries(en)) {
    const other = translation[key];
    if (typeof other !== 'string' || !other.trim()) {
      problems.push(`${key}: missing`);
    } else if (placeholders(text).join() !== placeholders(other).join()) {
      problems.push(
        `${key}: placeholders {${placeholders(text)}} became {${placeholders(
          other,
        )}}`,
      );
    }
  }
  for (const key of Object.keys(translation)) {
    if (!(key in en)) problems.push(`${key}: not an English key`);
  }
  return problems;
}
