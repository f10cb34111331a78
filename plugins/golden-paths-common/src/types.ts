import { z } from 'zod';
import {
  checkSchema,
  goldenPathSchema,
  linkSchema,
  audienceSchema,
  stepRuleSchema,
  stepSchema,
} from './schemas';
import {
  createCohortRequestSchema,
  completeStepRequestSchema,
  metricsQuerySchema,
  myJourneysQuerySchema,
  pageQuerySchema,
  recordEvidenceRequestSchema,
  declineStepRequestSchema,
  updateCohortRequestSchema,
} from './requestSchemas';

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
  /** The path its members walk (a bootcamp's path). */
  pathId?: string;
  endDate?: string;
  /** The catalog group its members were resolved from. */
  group?: string;
  members: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
};

/**
 * Where the clock of a duration figure starts.
 *
 * @public
 */
export type ClockStart =
  /** The person's start date (User annotation `onramp.dev/start-date`), else their first journey start. */
  | 'start-date'
  /** The person's first journey start in the selection. */
  | 'first-journey-start'
  /** The start of the journey the figure measures. */
  | 'journey-start'
  /** The journey's previous progress (or its start, for the first step). */
  | 'previous-step';

/**
 * The group a figure describes: the request's filters plus the row's own.
 *
 * @public
 */
export type FigureFilters = {
  pathId?: string;
  discipline?: string;
  cohortId?: string;
  from?: string;
  to?: string;
  /** `YYYY-MM` (UTC) in which the people started. */
  startMonth?: string;
  stepId?: string;
};

/**
 * How a figure was computed; the UI prints it under the figure, the CSV as columns.
 *
 * @public
 */
export type FigureMethod = {
  clockStart: ClockStart;
  /** What stops the clock, e.g. "first deploy.healthy evidence". */
  clockStop: string;
  /**
   * For `start-date`: of the group's people, how many have no start date and
   * count from their first journey start; null when the group is hidden.
   */
  countedFromJourneyStart?: number | null;
  filters: FigureFilters;
  /**
   * Set when the figure is read from a precomputed rollup (the per-step
   * figures): when the rollup was last rebuilt in full (ISO 8601).
   * Everything recorded through Golden Paths is in it as it is written;
   * rows written to the database some other way (a restore, an import)
   * show only from the next rebuild, hourly.
   */
  asOf?: string;
};

/**
 * A duration figure in milliseconds: N, median and p90 (linear interpolation
 * between closest ranks, PERCENTILE.INC; see the backend README).
 * @public
 */
export type DurationSummary = {
  /** N: the people (or journeys) measured; null when its group is hidden. */
  count: number | null;
  medianMs: number | null;
  p90Ms: number | null;
  /**
   * True when hidden: its group, or N itself, is under
   * `minimumGroupSize`. Median and p90 are then null.
   */
  suppressed: boolean;
  method: FigureMethod;
};

/**
 * Per-step funnel numbers of one path.
 *
 * @public
 */
export type StepMetrics = {
  stepId: string;
  title: string;
  /** Journeys that completed this step; null when the path is hidden. */
  completed: number | null;
  /** Journeys that completed the previous step (or started, for the first) but not this one. */
  dropOff: number | null;
  /** Time from the previous completion in the journey (or its start) to this step's completion. */
  time: DurationSummary;
};

/**
 * A group's size and completion; all null when the group is hidden.
 *
 * @public
 */
export type CompletionRate = {
  /** People in the group (distinct), the size suppression is decided on. */
  people: number | null;
  started: number | null;
  completed: number | null;
  /** completed / started, 0 when nobody started. */
  rate: number | null;
  /** True when the group is hidden (see `minimumGroupSize`). */
  suppressed: boolean;
};

/**
 * Onboarding times of a group of people, counted from each person's start
 * date (catalog annotation `onramp.dev/start-date`) or, for people without
 * one, from their first journey start.
 * @public
 */
export type OnboardingTimes = {
  /** People with a journey in the selection; null when the group is hidden. */
  people: number | null;
  /** Of them, people without a start date: counted from their journey start. */
  countedFromJourneyStart: number | null;
  /** True when the group is hidden (see `minimumGroupSize`). */
  suppressed: boolean;
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
  /**
   * Groups with fewer people than this are hidden (`suppressed: true`, their
   * figures and counts null); see the backend README.
   */
  minimumGroupSize: number;
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
