import {
  safeString,
  wholeNumber,
} from '@onramp/backstage-plugin-onramp-common';
import { z } from 'zod';
import { entityRefSchema, evidenceKeySchema, idSchema } from './schemas';

// The bodies, path parameters and query strings of the Golden Paths API
// (the path definitions themselves are in ./schemas).

/**
 * Body of `POST /evidence` (service credentials only).
 *
 * @public
 */
export const recordEvidenceRequestSchema = z
  .object({
    userEntityRef: entityRefSchema,
    key: evidenceKeySchema,
    evidenceId: safeString().min(1).max(255),
    pathId: idSchema.optional(),
    stepId: idSchema.optional(),
    taskId: safeString().min(1).max(255).optional(),
    templateRef: entityRefSchema.optional(),
    link: safeString().min(1).max(2000).optional(),
    summary: safeString().max(2000).optional(),
    outputs: z.record(safeString(), z.unknown()).optional(),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.stepId && !body.pathId) {
      ctx.addIssue({
        code: 'custom',
        message: 'stepId needs pathId',
        path: ['pathId'],
      });
    }
  });

/**
 * Path parameters of `GET /journeys/:journeyId`.
 *
 * @public
 */
export const journeyParamsSchema = z.object({
  journeyId: safeString().min(1).max(100),
});

/**
 * Path parameters of `POST /journeys/:pathId/steps/:stepId/complete`.
 *
 * @public
 */
export const stepParamsSchema = z.object({
  pathId: idSchema,
  stepId: idSchema,
});

/**
 * Path parameters of `GET /paths/:pathId`.
 *
 * @public
 */
export const pathParamsSchema = z.object({ pathId: idSchema });

/**
 * Path parameters of `PUT /cohorts/:cohortId`.
 *
 * @public
 */
export const cohortParamsSchema = z.object({ cohortId: idSchema });

/**
 * Body of `POST /journeys`.
 *
 * @public
 */
export const startJourneyRequestSchema = z
  .object({
    pathId: idSchema,
  })
  .strict();

/**
 * Body of `POST /journeys/:pathId/steps/:stepId/complete`.
 *
 * @public
 */
export const completeStepRequestSchema = z
  .object({
    /** For a `checks` step: the manual check to mark done. */
    checkId: idSchema.optional(),
    note: safeString().max(2000).optional(),
  })
  .strict();

/**
 * Body of `POST /journeys/:journeyId/steps/:stepId/decline`.
 *
 * @public
 */
export const declineStepRequestSchema = z
  .object({ reason: safeString().trim().min(1).max(2000) })
  .strict();

/**
 * Path parameters of `POST /journeys/:journeyId/steps/:stepId/approve|decline`.
 *
 * @public
 */
export const gateParamsSchema = z.object({
  journeyId: safeString().min(1).max(100),
  stepId: idSchema,
});

/** The end date of a cohort is on or after its start date. */
function endAfterStart(
  body: { startDate: string; endDate?: string },
  ctx: z.RefinementCtx,
) {
  if (body.endDate && body.endDate < body.startDate) {
    ctx.addIssue({
      code: 'custom',
      message: 'The end date is before the start date',
      path: ['endDate'],
    });
  }
}

/** What a cohort (a bootcamp) is besides its members. */
const cohortFields = {
  title: safeString().trim().min(1).max(200),
  startDate: z.iso.date(),
  owner: entityRefSchema,
  /** The path its members walk (a bootcamp's path). */
  pathId: idSchema.optional(),
  endDate: z.iso.date().optional(),
};

/**
 * Body of `POST /cohorts`: members listed, or resolved from a catalog
 * `group` (its members when the cohort is created).
 *
 * @public
 */
export const createCohortRequestSchema = z
  .object({
    id: idSchema,
    ...cohortFields,
    group: entityRefSchema.optional(),
    members: z.array(entityRefSchema).max(1000).default([]),
  })
  .strict()
  .superRefine(endAfterStart);

/**
 * Body of `PUT /cohorts/:id`: the whole cohort, guarded by its version.
 *
 * @public
 */
export const updateCohortRequestSchema = z
  .object({
    ...cohortFields,
    members: z.array(entityRefSchema).max(1000),
    version: wholeNumber(),
  })
  .strict()
  .superRefine(endAfterStart);

/**
 * Query of `GET /metrics`.
 *
 * @public
 */
export const metricsQuerySchema = z
  .object({
    pathId: idSchema.optional(),
    discipline: safeString().min(1).max(100).optional(),
    cohortId: idSchema.optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    format: z.enum(['json', 'csv']).optional(),
    /** With `format=csv`: the path funnels (default) or the onboarding times. */
    table: z.enum(['funnels', 'onboarding']).optional(),
  })
  .strict();

/**
 * Default and largest page size of the list endpoints.
 *
 * @public
 */
export const DEFAULT_PAGE_LIMIT = 100;
/** @public */
export const MAX_PAGE_LIMIT = 500;

/** A non-negative integer in a query string, e.g. `?limit=20`. */
const queryInt = safeString()
  .regex(/^\d{1,9}$/, 'must be a non-negative integer')
  .transform(Number);

const pageFields = {
  limit: queryInt
    .pipe(z.number().int().min(1).max(MAX_PAGE_LIMIT))
    .optional()
    .transform(v => v ?? DEFAULT_PAGE_LIMIT),
  offset: queryInt.optional().transform(v => v ?? 0),
};

/**
 * Query of `GET /paths` and `GET /cohorts`: `limit` (1-500, default 100), `offset`.
 *
 * @public
 */
export const pageQuerySchema = z.object(pageFields).strict();

/**
 * Query of `GET /local-ci/runs`: a page of one repository's runs.
 *
 * @public
 */
export const localCiRunsQuerySchema = z
  .object({ ...pageFields, repository: safeString().min(1).max(500) })
  .strict();

/**
 * Query of `GET /journeys/me`: a page, optionally of one path's journey.
 *
 * @public
 */
export const myJourneysQuerySchema = z
  .object({ ...pageFields, pathId: idSchema.optional() })
  .strict();

/**
 * Query of `GET /pull-requests`: one person's merged pull requests (`user`, a
 * user entity ref), merged at or after `since` (a date or an ISO time) when
 * given, one page.
 *
 * @public
 */
export const pullRequestsQuerySchema = z
  .object({
    ...pageFields,
    user: entityRefSchema.refine(
      ref => ref.toLocaleLowerCase().startsWith('user:'),
      'must be a user entity ref such as user:default/sofia.marquez',
    ),
    since: z
      .union([z.iso.date(), z.iso.datetime({ offset: true })])
      .transform(v => Date.parse(v))
      .optional(),
  })
  .strict();
