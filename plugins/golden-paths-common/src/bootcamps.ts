import { z } from 'zod';
import { entityRefSchema, idSchema } from './schemas';
import type { Cohort, Journey } from './types';

// Bootcamps (a cohort's progress board and nudges) and managers ("My team's
// onboarding"): request schemas and the shapes the API answers.

/**
 * Body of `POST /cohorts/:cohortId/nudges`: one member to nudge.
 *
 * @public
 */
export const nudgeRequestSchema = z
  .object({ userEntityRef: entityRefSchema })
  .strict();

/**
 * Body of `POST /team/onboarding/assignments`: a path for one of my reports.
 *
 * @public
 */
export const assignPathRequestSchema = z
  .object({ userEntityRef: entityRefSchema, pathId: idSchema })
  .strict();

/**
 * Body of `PUT /me/settings`.
 *
 * @public
 */
export const personSettingsSchema = z
  .object({ shareSkillExchange: z.boolean() })
  .strict();

/** @public */
export type NudgeRequest = z.infer<typeof nudgeRequestSchema>;
/** @public */
export type AssignPathRequest = z.infer<typeof assignPathRequestSchema>;
/** @public */
export type PersonSettings = z.infer<typeof personSettingsSchema>;

/**
 * `GET /me`: the caller's settings and what they may open.
 *
 * @public
 */
export type Me = {
  userEntityRef: string;
  settings: PersonSettings;
  /** May create cohorts and nudge (goldenPathsCohortManagePermission). */
  canManageCohorts: boolean;
};

/**
 * One member's row on a cohort's progress board.
 *
 * @public
 */
export type CohortBoardRow = {
  userEntityRef: string;
  /** Absent until the member starts the cohort's path. */
  journeyId?: string;
  status: 'not-started' | 'active' | 'completed';
  completedSteps: number;
  totalSteps: number;
  currentStep?: { id: string; title: string };
  /** Days without evidence, once over `goldenPaths.stuckAfterDays`. */
  stuckDays?: number;
  lastActivityAt?: string;
  /** Nudged today (UTC): another nudge today answers 409. */
  nudgedToday: boolean;
};

/**
 * `GET /cohorts/:cohortId/board`.
 *
 * @public
 */
export type CohortBoard = {
  cohort: Cohort;
  pathTitle?: string;
  stuckAfterDays: number;
  rows: CohortBoardRow[];
};

/**
 * `POST /cohorts/:cohortId/nudges/stuck`: who was nudged, who had been today.
 *
 * @public
 */
export type NudgeAllResult = { nudged: string[]; alreadyNudged: string[] };

/**
 * A cohort the caller is a member of (`GET /cohorts/mine`).
 *
 * @public
 */
export type MyCohort = Pick<
  Cohort,
  'id' | 'title' | 'startDate' | 'endDate' | 'pathId'
>;

/**
 * One of a manager's reports, with their journeys.
 *
 * @public
 */
export type TeamMember = {
  userEntityRef: string;
  displayName: string;
  /** The groups through which the caller manages them. */
  groups: string[];
  journeys: Array<
    Pick<
      Journey,
      'id' | 'pathId' | 'status' | 'completedSteps' | 'totalSteps'
    > & { pathTitle: string; startedAt: string }
  >;
  /** They allow their managers to see their Skill Exchange activity. */
  sharesSkillExchange: boolean;
};

/**
 * `GET /team/onboarding`: the caller's reports from the catalog.
 *
 * @public
 */
export type TeamOnboarding = { items: TeamMember[]; totalItems: number };
