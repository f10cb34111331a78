import { z } from 'zod';
import {
  checkSchema,
  createCohortRequestSchema,
  completeStepRequestSchema,
  goldenPathSchema,
  linkSchema,
  metricsQuerySchema,
  myJourneysQuerySchema,
  pageQuerySchema,
  recordEvidenceRequestSchema,
  audienceSchema,
  declineStepRequestSchema,
  stepRuleSchema,
  stepSchema,
  updateCohortRequestSchema,
} from './schemas';

/** @public */
export type GoldenPathLink = z.infer<typeof linkSchema>;
/** @public */
export type GoldenPathCheck = z.infer<typeof checkSchema>;
/** @public */
export type GoldenPathStepRule = z.infer<typeof stepRuleSchema>;
/** @public */
export type GoldenPathStep = z.infer<typeof stepSchema>;
/** @public */
export type GoldenPath = z.output<typeof goldenPathSchema>;
/** @public */
export type GoldenPathAudience = z.infer<typeof audienceSchema>;
/** @public */
export type DeclineStepRequest = z.infer<typeof declineStepRequestSchema>;
/**
 * A path in a list: `forYou` when its audience includes the reader.
 *
 * @public
 */
export type GoldenPathListItem = GoldenPath & { forYou: boolean };
/** @public */
export type RecordEvidenceRequest = z.infer<typeof recordEvidenceRequestSchema>;
/** @public */
export type CompleteStepRequest = z.infer<typeof completeStepRequestSchema>;
/** @public */
export type CreateCohortRequest = z.input<typeof createCohortRequestSchema>;
/** @public */
export type UpdateCohortRequest = z.infer<typeof updateCohortRequestSchema>;
/** @public */
export type MetricsQuery = Omit<z.infer<typeof metricsQuerySchema>, 'format'>;

/**
 * Paging of a list request: `limit` (1-500, default 100) and `offset`.
 *
 * @public
 */
export type PageRequest = Partial<z.output<typeof pageQuerySchema>>;
/**
 * Query of `GET /journeys/me`.
 *
 * @public
 */
export type MyJourneysQuery = Partial<z.output<typeof myJourneysQuerySchema>>;

/** One page of a list endpoint: `{ items, totalItems, limit, offset }`. */
export type { Page } from '@onramp/backstage-plugin-onramp-common';

/**
 * What proved a step (or a check) done.
 *
 * @public
 */
export type StepEvidence = {
  /** `manual` when the person marked it done themselves. */
  source: 'manual' | 'evidence';
  evidenceId?: string;
  key?: string;
  taskId?: string;
  templateRef?: string;
  link?: string;
  summary?: string;
  outputs?: Record<string, unknown>;
  occurredAt: string;
};

/**
 * An approval step waiting for (or decided by) a person.
 *
 * @public
 */
export type StepGate = {
  /** Whose approval: the person's manager or the path's owner. */
  approver: 'manager' | 'owner';
  /** Who is asked (a user, or the owning group). */
  approverRef: string;
  status: 'waiting' | 'approved' | 'declined';
  /** Since when the step waits. */
  requestedAt: string;
  decidedBy?: string;
  decidedAt?: string;
  /** Why it was declined. */
  reason?: string;
};

/**
 * An approval waiting for the reader (`GET /approvals`).
 *
 * @public
 */
export type PendingApproval = {
  journeyId: string;
  stepId: string;
  stepTitle: string;
  pathId: string;
  pathTitle: string;
  /** The newcomer who waits. */
  userEntityRef: string;
  approverRef: string;
  requestedAt: string;
};

/**
 * Progress on a step the path no longer has: reported, not dropped.
 *
 * @public
 */
export type RemovedStepStatus = {
  stepId: string;
  /** The step's last title, when the backend saw it in the path. */
  title?: string;
  completedAt: string;
  /** When the step left the path (unknown for steps never seen). */
  removedAt?: string;
};

/**
 * The status of one step of a journey.
 *
 * @public
 */
export type JourneyStepStatus = {
  stepId: string;
  status: 'pending' | 'completed';
  completedAt?: string;
  evidence?: StepEvidence;
  /** For approval steps: who is asked, since when, and the decision. */
  gate?: StepGate;
  /** For `checks` steps: the status of each check. */
  checks?: Array<{
    checkId: string;
    status: 'pending' | 'completed';
    completedAt?: string;
    evidence?: StepEvidence;
  }>;
};

/**
 * A person on a path.
 *
 * @public
 */
export type Journey = {
  id: string;
  pathId: string;
  userEntityRef: string;
  status: 'active' | 'completed';
  startedAt: string;
  completedAt?: string;
  version: number;
  /** Steps in the path's current order. */
  steps: JourneyStepStatus[];
  completedSteps: number;
  totalSteps: number;
  /** The first step in order that is not completed yet. */
  nextStepId?: string;
  /** Done steps that were removed from the path since (not counted). */
  removedSteps?: RemovedStepStatus[];
};

/**
 * Response of `POST /evidence`.
 *
 * @public
 */
export type RecordEvidenceResponse = {
  recorded: boolean;
  completed: Array<{ pathId: string; stepId: string }>;
  /**
   * The person's journeys after this evidence (within the request's path
   * when it names one), e.g. for "Back to your Backend path: 4 of 5 done".
   */
  journeys?: Array<{
    pathId: string;
    title: string;
    completedSteps: number;
    totalSteps: number;
  }>;
};

/**
 * A group of people who start together, e.g. a bootcamp.
 *
 * @public
 */
export type Cohort = {
  id: string;
  title: string;
  startDate: string;
  owner: string;
  members: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
};

/**
 * A duration summary in milliseconds.
 *
 * @public
 */
export type DurationSummary = {
  count: number;
  medianMs: number | null;
};

/**
 * Per-step funnel numbers of one path.
 *
 * @public
 */
export type StepMetrics = {
  stepId: string;
  title: string;
  /** Journeys that completed this step. */
  completed: number;
  /** Journeys that completed the previous step (or started, for the first) but not this one. */
  dropOff: number;
  /** Median time from the previous completion in the journey (or its start) to this step's completion. */
  medianMs: number | null;
};

/** @public */
export type CompletionRate = {
  started: number;
  completed: number;
  /** completed / started, 0 when nobody started. */
  rate: number;
};

/**
 * Onboarding times of a group of people, counted from each person's start
 * date (catalog annotation `onramp.dev/start-date`) or, for people without
 * one, from their first journey start.
 * @public
 */
export type OnboardingTimes = {
  /** People with a journey in the selection. */
  people: number;
  /** Of them, people without a start date: counted from their journey start. */
  countedFromJourneyStart: number;
  /** To the first pull request opened or merged (evidence or SCM source). */
  timeToFirstPr: DurationSummary;
  /** To the 10th merged pull request (SCM source); null without a source. */
  timeToTenthMergedPr: DurationSummary | null;
  /** To the first deploy evidence (`goldenPaths.metrics.deployEvidenceKey`). */
  timeToFirstDeploy: DurationSummary;
};

/**
 * Onboarding times overall, by the month people started and by cohort.
 *
 * @public
 */
export type OnboardingMetrics = {
  overall: OnboardingTimes;
  /** One row per month (`YYYY-MM`, UTC) in which people started, oldest first. */
  byStartMonth: Array<OnboardingTimes & { month: string }>;
  byCohort: Array<OnboardingTimes & { cohortId: string; title: string }>;
};

/**
 * Response of `GET /metrics`.
 *
 * @public
 */
export type GoldenPathsMetrics = {
  generatedAt: string;
  filters: MetricsQuery;
  timeToFirstTemplate: DurationSummary;
  /** From the start date (see `onboarding`). */
  timeToFirstDeploy: DurationSummary;
  timeToDay1Complete: DurationSummary;
  /** From the start date; null when no pull request source is configured. */
  timeToTenthMergedPr: DurationSummary | null;
  /** From the start date, overall, by start month and by cohort. */
  onboarding: OnboardingMetrics;
  paths: Array<
    CompletionRate & {
      pathId: string;
      title: string;
      discipline: string;
      timeToComplete: DurationSummary;
      steps: StepMetrics[];
    }
  >;
  disciplines: Array<CompletionRate & { discipline: string }>;
  cohorts: Array<CompletionRate & { cohortId: string; title: string }>;
};
