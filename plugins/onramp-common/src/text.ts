import { z } from 'zod';

/**
 * Control characters that are not whitespace: NUL (which PostgreSQL cannot
 * store in text at all, while SQLite can) and the other C0 and C1 controls
 * other than tab, line feed and carriage return.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** A high surrogate without its low half, or a low one without its high half. */
const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Replaces lone surrogates with U+FFFD, as both database drivers would when
 * they encode the text as UTF-8, so what is stored is what was checked.
 *
 * @public
 */
export function toWellFormed(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * The first character no database engine stores alike, written as U+XXXX,
 * or undefined when the text is fine.
 *
 * @public
 */
export function forbiddenCharacter(value: string): string | undefined {
  const match = CONTROL.exec(value);
  return match
    ? `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
    : undefined;
}

/**
 * The message of a refused text, naming the character.
 *
 * @public
 */
export function forbiddenCharacterMessage(value: string): string | undefined {
  const found = forbiddenCharacter(value);
  return found
    ? `must not contain control characters (found ${found})`
    : undefined;
}

/**
 * The one string schema of every text field, query parameter and path
 * parameter: lone surrogates become U+FFFD and control characters other than
 * whitespace (NUL first of all) are refused, so nothing reaches the database
 * that one engine would store and another refuse. Chain `.trim()`, `.min()`,
 * `.max()`, `.regex()` as on any zod string.
 *
 * @public
 */
export function safeString() {
  return z
    .string()
    .overwrite(toWellFormed)
    .check(ctx => {
      const message = forbiddenCharacterMessage(ctx.value);
      if (message) {
        ctx.issues.push({
          code: 'custom',
          message,
          input: ctx.value,
          continue: false,
        });
      }
    });
}
