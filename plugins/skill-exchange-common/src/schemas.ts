import {
  describeZodError,
  MAX_INTEGER_COLUMN,
  safeString,
  wholeNumber,
} from '@onramp/backstage-plugin-onramp-common';
import { z } from 'zod';
import { timeShareSchema } from './approvals';
import { pairingSchema } from './pairing';

export { describeZodError };

/**
 * Limits that keep input sane; the backend rejects anything larger with a 400.
 *
 * @public
 */
export const LIMITS = {
  title: 120,
  description: 20_000,
  message: 2_000,
  bio: 4_000,
  skills: 20,
  skillName: 60,
  profileSkills: 100,
  pageSize: 100,
} as const;

const text = (max: number) => safeString().trim().max(max);
const skillName = safeString().trim().min(1).max(LIMITS.skillName);
const skills = z.array(skillName).max(LIMITS.skills);
const level = z.number().int().min(1).max(5);
const entityRef = safeString()
  .trim()
  .regex(
    /^(user|group):[a-z0-9._-]+\/[a-z0-9._-]+$/i,
    'must be an entity ref such as group:default/backend',
  );

/** @public */
export const POST_KINDS = ['embed', 'hack', 'mentorship', 'pairing'] as const;
/** @public */
export const POST_STATUSES = ['open', 'filled', 'closed'] as const;
/** @public */
export const HACK_STAGES = ['idea', 'in_progress', 'completed'] as const;
/** @public */
export const MENTORSHIP_MODES = ['offering', 'seeking'] as const;
/** @public */
export const LOCATIONS = ['remote', 'office', 'flexible'] as const;

/**
 * What a hack is about, for the Hacks tab's filter.
 *
 * @public
 */
export const HACK_CATEGORIES = [
  'tooling',
  'product',
  'infrastructure',
  'data',
  'machine-learning',
  'developer-experience',
  'other',
] as const;

/**
 * Start of an embed: a date (2026-12-01) or a quarter (2027-Q1).
 *
 * @public
 */
export const startSchema = safeString()
  .trim()
  .regex(
    /^\d{4}-(\d{2}-\d{2}|Q[1-4])$/,
    'must be a date (2026-12-01) or a quarter (2027-Q1)',
  );

const common = {
  title: text(LIMITS.title).min(3, 'must be at least 3 characters'),
  description: text(LIMITS.description).default(''),
  skills: skills.default([]),
};

/** @public */
export const embedInputSchema = z.strictObject({
  kind: z.literal('embed'),
  ...common,
  team: entityRef,
  level: level.default(3),
  start: startSchema,
  durationWeeks: z.number().int().min(1).max(52),
  timeSharePercent: timeShareSchema,
  location: z.enum(LOCATIONS),
  office: text(80).optional(),
  headcount: z.number().int().min(1).max(20).default(1),
});

/** @public */
export const hackInputSchema = z.strictObject({
  kind: z.literal('hack'),
  ...common,
  stage: z.enum(HACK_STAGES).default('idea'),
  eventId: wholeNumber().optional(),
  /** Where people hack on it; `remote` reads "Anywhere". */
  location: z.enum(LOCATIONS).optional(),
  category: z.enum(HACK_CATEGORIES).optional(),
  /** Its result, once completed (in its event's results phase, if any). */
  demoUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  resultSummary: text(LIMITS.message).min(1).optional(),
});

/** @public */
export const mentorshipInputSchema = z.strictObject({
  kind: z.literal('mentorship'),
  ...common,
  mode: z.enum(MENTORSHIP_MODES),
  capacity: z.number().int().min(1).max(10).default(1),
});

/**
 * Body of `POST /posts`.
 *
 * @public
 */
export const postInputSchema = z.discriminatedUnion('kind', [
  embedInputSchema,
  hackInputSchema,
  mentorshipInputSchema,
  pairingSchema(common),
]);
/** @public */
export type PostInput = z.infer<typeof postInputSchema>;

/**
 * Body of `PUT /posts/:id`: the whole post again, plus the version it was read at.
 *
 * @public
 */
export const postUpdateSchema = z.discriminatedUnion('kind', [
  embedInputSchema.extend({ version: wholeNumber() }),
  hackInputSchema.extend({ version: wholeNumber() }),
  mentorshipInputSchema.extend({ version: wholeNumber() }),
  pairingSchema({ ...common, version: wholeNumber() }),
]);
/** @public */
export type PostUpdate = z.infer<typeof postUpdateSchema>;

/**
 * Body of `POST /posts/:id/status`.
 *
 * @public
 */
export const postStatusSchema = z.strictObject({
  status: z.enum(POST_STATUSES),
  version: wholeNumber(),
});

/**
 * Body of `POST /posts/:id/interests`.
 *
 * @public
 */
export const interestInputSchema = z.strictObject({
  message: text(LIMITS.message).default(''),
});

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    v =>
      typeof v === 'string'
        ? v
            .split(',')
            .map(s => s.trim())
            .filter(Boolean)
        : v,
    z.array(item).max(LIMITS.skills),
  );
const BOOLEAN_STRINGS: Record<string, boolean> = { true: true, false: false };
const bool = z.preprocess(
  v => (typeof v === 'string' && v in BOOLEAN_STRINGS ? BOOLEAN_STRINGS[v] : v),
  z.boolean(),
);
/**
 * A whole number in a query string (`'12'`), from `min` to `max`.
 *
 * @public
 */
export const queryInt = (min: number, max: number) =>
  z.preprocess(
    v => (typeof v === 'string' && v !== '' ? Number(v) : v),
    z.number().int().min(min).max(max),
  );

/**
 * `relevance` ranks by the text search `q` (newest without one).
 *
 * @public
 */
export const POST_SORTS = [
  'relevance',
  'newest',
  'updated',
  'title',
  'start',
] as const;

/**
 * Query of `GET /posts`.
 *
 * @public
 */
export const listPostsQuerySchema = z.strictObject({
  kind: z.enum(POST_KINDS).optional(),
  q: text(200).optional(),
  skills: csv(skillName).optional(),
  skillsMatch: z.enum(['any', 'all']).default('any'),
  level: queryInt(1, 5).optional(),
  location: z.enum(LOCATIONS).optional(),
  team: entityRef.optional(),
  status: z.enum(POST_STATUSES).optional(),
  stage: z.enum(HACK_STAGES).optional(),
  category: z.enum(HACK_CATEGORIES).optional(),
  mode: z.enum(MENTORSHIP_MODES).optional(),
  /** `me`, or a user entity ref ("Team up with ..."). */
  owner: z
    .union([
      z.literal('me'),
      safeString()
        .trim()
        .regex(
          /^user:[a-z0-9._-]+\/[a-z0-9._-]+$/i,
          'must be me or a user ref',
        ),
    ])
    .optional(),
  saved: z.literal('me').optional(),
  following: z.literal('me').optional(),
  member: z.literal('me').optional(),
  eventId: queryInt(1, MAX_INTEGER_COLUMN).optional(),
  adoptable: bool.optional(),
  past: bool.optional(),
  /** Default: `relevance` with a search `q`, else `newest`. */
  sort: z.enum(POST_SORTS).optional(),
  limit: queryInt(1, LIMITS.pageSize).default(20),
  offset: queryInt(0, 1_000_000).default(0),
});
/** @public */
export type ListPostsQuery = z.infer<typeof listPostsQuerySchema>;

/**
 * Body of `PUT /profiles/me`.
 *
 * @public
 */
export const profileInputSchema = z.strictObject({
  bio: text(LIMITS.bio).default(''),
  contact: text(200).default(''),
  openToEmbeds: z.boolean().default(false),
  openToMentoring: z.boolean().default(false),
  openToHacks: z.boolean().default(false),
  /** Others see the evidence behind my skills; off when left out. */
  shareEvidence: z.boolean().optional(),
  skills: z
    .array(
      z.strictObject({
        skill: skillName,
        level: level,
        canHelp: z.boolean().default(false),
      }),
    )
    .max(LIMITS.profileSkills)
    .default([]),
  learning: z.array(skillName).max(LIMITS.skills).default([]),
  version: wholeNumber(0).optional(),
});
/** @public */
export type ProfileInput = z.infer<typeof profileInputSchema>;

/**
 * Query of `GET /experts`.
 *
 * @public
 */
export const expertsQuerySchema = z.strictObject({
  skills: csv(skillName),
  minLevel: queryInt(1, 5).default(3),
  team: entityRef.optional(),
  canHelp: bool.optional(),
  rank: z.enum(['level', 'evidence']).default('level'),
  limit: queryInt(1, LIMITS.pageSize).default(20),
  offset: queryInt(0, 1_000_000).default(0),
});
/** @public */
export type ExpertsQuery = z.infer<typeof expertsQuerySchema>;

/**
 * Body of `POST /skills` (taxonomy managers only).
 *
 * @public
 */
export const skillInputSchema = z.strictObject({
  name: skillName,
  category: z.enum([
    'discipline',
    'language',
    'framework',
    'infrastructure',
    'domain',
  ]),
  description: text(500).default(''),
  aliases: z.array(skillName).max(10).default([]),
});
/** @public */
export type SkillInput = z.infer<typeof skillInputSchema>;

/**
 * Body of `PUT /skills/:id` (taxonomy managers): the skill as it should be.
 * A renamed skill keeps its old name as an alias, so old names keep working.
 * @public
 */
export const skillUpdateSchema = skillInputSchema;
/** @public */
export type SkillUpdate = z.infer<typeof skillUpdateSchema>;

/**
 * Body of `POST /skills/:id/merge` (taxonomy managers): folds the skill into
 * another one; its name and aliases become aliases of that one.
 * @public
 */
export const skillMergeSchema = z.strictObject({ into: skillName });
/** @public */
export type SkillMerge = z.infer<typeof skillMergeSchema>;
