import { safeString } from '@onramp/backstage-plugin-onramp-common';
import { z } from 'zod';
import { LIMITS, queryInt } from './schemas';

/** A comma-separated list in a query string, each item checked by `item`. */
const commaList = <T extends z.ZodType<string, string>>(item: T, max: number) =>
  safeString()
    .max(4_000)
    .default('')
    .transform(v =>
      v
        .split(',')
        .map(s => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(max));

/**
 * Query of `GET /buddies/candidates`: people who could be an onboarding
 * buddy on a golden path of `discipline` whose skills are `skills`.
 * Unknown skill names are left out (a path's tags need not all be skills).
 *
 * @public
 */
export const buddyCandidatesQuerySchema = z.strictObject({
  /** The path's discipline: a skill of category `discipline` (name or alias). */
  discipline: safeString().trim().min(1).max(LIMITS.skillName),
  skills: commaList(safeString().min(1).max(LIMITS.skillName), LIMITS.skills),
  /** People never suggested: the newcomer, people already asked. */
  exclude: commaList(
    safeString()
      .regex(/^user:[a-z0-9._-]+\/[a-z0-9._-]+$/i, 'must be a user entity ref')
      .transform(ref => ref.toLocaleLowerCase()),
    100,
  ),
  limit: queryInt(1, 50).default(5),
});
/** @public */
export type BuddyCandidatesQuery = z.infer<typeof buddyCandidatesQuerySchema>;

/**
 * A person who could be an onboarding buddy, best first, with why.
 *
 * @public
 */
export interface BuddyCandidate {
  user: string;
  team?: string;
  /** Their level in the discipline (1-5). */
  disciplineLevel: number;
  /** The path's skills they can help with, with their levels. */
  canHelpWith: Array<{ skill: string; level: number }>;
  /** One line a person reads: "Backend Expert; can help with TypeScript (Advanced)". */
  reason: string;
}
