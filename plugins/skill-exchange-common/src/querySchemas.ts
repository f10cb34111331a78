import { safeString } from '@onramp/backstage-plugin-onramp-common';
import { z } from 'zod';
import { LIMITS, POST_KINDS, queryInt } from './schemas';

/** Queries of the matching, insights, team and growth reads. */

/**
 * Query of `GET /posts/:id/matches` and `GET /matches/me`.
 *
 * @public
 */
export const matchesQuerySchema = z.strictObject({
  kind: z.enum(POST_KINDS).optional(),
  limit: queryInt(1, LIMITS.pageSize).default(20),
  offset: queryInt(0, 1_000_000).default(0),
});
/** @public */
export type MatchesQuery = z.infer<typeof matchesQuerySchema>;

/**
 * Query of `GET /insights` and `GET /insights.csv`.
 *
 * @public
 */
export const insightsQuerySchema = z.strictObject({
  /** How many skills, ranked by demand then supply (CSV: all when omitted). */
  top: queryInt(1, 1000).optional(),
});
/** @public */
export type InsightsQuery = z.infer<typeof insightsQuerySchema>;

/**
 * Query of `GET /teams/skills`: the group whose members' skills to add up.
 *
 * @public
 */
export const teamSkillsQuerySchema = z.strictObject({
  group: safeString()
    .trim()
    .regex(
      /^group:[a-z0-9._-]+\/[a-z0-9._-]+$/i,
      'must be a group entity ref such as group:default/backend',
    )
    .transform(ref => ref.toLocaleLowerCase()),
});
/** @public */
export type TeamSkillsQuery = z.infer<typeof teamSkillsQuerySchema>;

/**
 * Query of `GET /profiles/:ref/activities`: one page of growth activities.
 *
 * @public
 */
export const activitiesQuerySchema = z.strictObject({
  limit: queryInt(1, 50).default(10),
  offset: queryInt(0, 100_000).default(0),
});
/** @public */
export type ActivitiesQuery = z.infer<typeof activitiesQuerySchema>;
