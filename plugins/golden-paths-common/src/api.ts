import {
  Cohort,
  CompleteStepRequest,
  CreateCohortRequest,
  GoldenPath,
  GoldenPathListItem,
  GoldenPathsMetrics,
  Journey,
  MetricsQuery,
  MyJourneysQuery,
  Page,
  PageRequest,
  PendingApproval,
  RecordEvidenceRequest,
  RecordEvidenceResponse,
  UpdateCohortRequest,
} from './types';
import { ServiceNameCheck } from './serviceName';
import { LocalRuntimeAction, LocalRuntimeService } from './runtime';
import { TeardownPlanView, TeardownStarted } from './teardown';
import { BuddyPerson, JourneyBuddy } from './buddies';
import {
  AssignPathRequest,
  CohortBoard,
  Me,
  MyCohort,
  NudgeAllResult,
  PersonSettings,
  TeamOnboarding,
} from './bootcamps';
import {
  MyPulses,
  Pulse,
  PulseAnswerRequest,
  PulseInsights,
  PulseInsightsQuery,
} from './pulse';

/**
 * The parts of Backstage's DiscoveryApi the client needs.
 *
 * @public
 */
export type GoldenPathsDiscovery = {
  getBaseUrl(pluginId: string): Promise<string>;
};

/**
 * The parts of Backstage's FetchApi the client needs.
 *
 * @public
 */
export type GoldenPathsFetch = {
  fetch: typeof fetch;
};

/**
 * The Golden Paths REST API.
 *
 * @public
 */
export interface GoldenPathsApi {
  /** The paths, the reader's (`spec.audience`) first, each with `forYou`. */
  listPaths(page?: PageRequest): Promise<Page<GoldenPathListItem>>;
  /** Approval steps waiting for the reader (or a group they are in). */
  listApprovals(): Promise<Page<PendingApproval>>;
  /** Approves an approval step (its approver only; 403 for anyone else). */
  approveStep(journeyId: string, stepId: string): Promise<void>;
  /** Declines an approval step with a reason the newcomer sees. */
  declineStep(journeyId: string, stepId: string, reason: string): Promise<void>;
  getPath(pathId: string): Promise<GoldenPath>;
  startJourney(pathId: string): Promise<Journey>;
  getMyJourneys(query?: MyJourneysQuery): Promise<Page<Journey>>;
  getJourney(journeyId: string): Promise<Journey>;
  completeStep(
    pathId: string,
    stepId: string,
    request?: CompleteStepRequest,
  ): Promise<Journey>;
  recordEvidence(
    request: RecordEvidenceRequest,
  ): Promise<RecordEvidenceResponse>;
  getMetrics(query?: MetricsQuery): Promise<GoldenPathsMetrics>;
  getMetricsCsv(query?: MetricsQuery): Promise<string>;
  listCohorts(page?: PageRequest): Promise<Page<Cohort>>;
  createCohort(request: CreateCohortRequest): Promise<Cohort>;
  updateCohort(cohortId: string, request: UpdateCohortRequest): Promise<Cohort>;
  /** A cohort's progress board (cohort managers; 403 for anyone else). */
  getCohortBoard(cohortId: string): Promise<CohortBoard>;
  /** Nudges one member; 409 when they were nudged today. */
  nudgeMember(cohortId: string, userEntityRef: string): Promise<void>;
  /** Nudges every stuck member not nudged today. */
  nudgeStuckMembers(cohortId: string): Promise<NudgeAllResult>;
  /** The cohorts the caller is a member of. */
  listMyCohorts(): Promise<{ items: MyCohort[] }>;
  /** The caller's settings and what they may open. */
  getMe(): Promise<Me>;
  updateMySettings(settings: PersonSettings): Promise<PersonSettings>;
  /** The caller's reports from the catalog, with their journeys. */
  getTeamOnboarding(): Promise<TeamOnboarding>;
  /** Starts a path for one of the caller's reports (their manager only). */
  assignPath(request: AssignPathRequest): Promise<Journey>;
  /**
   * Whether a Day-1 service name is free (asks the scaffolder module's
   * `GET /api/scaffolder/golden-paths/names/:name`).
   */
  checkServiceName(name: string): Promise<ServiceNameCheck>;
  /**
   * A Day-1 service on the local runtime (this machine): status, URL,
   * commit, uptime, restarts, last health check, last 50 log lines and what
   * the caller may do (`GET /api/scaffolder/golden-paths/runtime/:name`).
   */
  getLocalRuntimeService(name: string): Promise<LocalRuntimeService>;
  /**
   * Restarts, stops or starts a service on the local runtime (owners of its
   * Component and admins; 403 for anyone else); answers the new state.
   */
  changeLocalRuntimeService(
    name: string,
    action: LocalRuntimeAction,
  ): Promise<LocalRuntimeService>;
  /**
   * What tearing down a Day-1 practice run removes and whether you may
   * (`GET /api/scaffolder/golden-paths/teardown/:name`); 404 when the
   * catalog has no such Component.
   */
  getTeardownPlan(name: string): Promise<TeardownPlanView>;
  /**
   * Starts the teardown of a Day-1 practice run as a scaffolder task
   * (`POST /api/scaffolder/golden-paths/teardown/:name`); 403 unless you
   * own the service or are an admin.
   */
  tearDownService(name: string): Promise<TeardownStarted>;
  /** The journey's onboarding buddy (its newcomer, their manager, the buddy). */
  getJourneyBuddy(journeyId: string): Promise<JourneyBuddy>;
  /** Confirms the suggested buddy (newcomer or manager); 409 when they are full. */
  confirmBuddy(journeyId: string, buddyRef: string): Promise<JourneyBuddy>;
  /** Declines the suggested buddy and suggests the next person. */
  declineBuddy(journeyId: string, buddyRef: string): Promise<JourneyBuddy>;
  /** The people I am the onboarding buddy of, with their progress. */
  listMyBuddyPeople(): Promise<{ items: BuddyPerson[] }>;
  /** The signed-in person's asked pulse surveys, answered or due. */
  getMyPulses(): Promise<MyPulses>;
  /** Answers (or changes the answer to) the person's pulse of `day`. */
  answerPulse(day: number, request: PulseAnswerRequest): Promise<Pulse>;
  /** Pulse answers per day, cohort and discipline (metrics viewers). */
  getPulseInsights(query?: PulseInsightsQuery): Promise<PulseInsights>;
  /** The same as CSV. */
  getPulseInsightsCsv(query?: PulseInsightsQuery): Promise<string>;
}
