import { z } from 'zod';

/**
 * The largest value an `integer` column holds on SQLite and PostgreSQL alike.
 *
 * @public
 */
export const MAX_INTEGER_COLUMN = 2_147_483_647;

/**
 * A whole number in a JSON body, `min` to `max` (by default the largest an
 * integer column stores), so an id or version out of range is a 400 naming
 * the field rather than a database error.
 *
 * @public
 */
export function wholeNumber(min = 1, max = MAX_INTEGER_COLUMN) {
  return z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
}
