import { NotFoundError } from '@backstage/errors';

/** `value`, or a 404 saying what was not found (e.g. `No post 7`). */
export function found<T>(value: T | undefined | null, missing: string): T {
  if (value === undefined || value === null) throw new NotFoundError(missing);
  return value;
}
