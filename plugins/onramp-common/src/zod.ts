import type { z } from 'zod';

/**
 * Every problem of a failed parse in one sentence, each naming its field:
 * `title: must be at least 3 characters; skills.0: ...`.
 *
 * @public
 */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map(issue => {
      const where = issue.path.length ? issue.path.join('.') : 'input';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}
