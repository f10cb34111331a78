import { ResponseError } from '@backstage/errors';
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
}

/**
 * A typed client for the golden-paths backend, for frontends and backends.
 *
 * @public
 */
export class GoldenPathsClient implements GoldenPathsApi {
  private readonly discoveryApi: GoldenPathsDiscovery;
  private readonly fetchApi: GoldenPathsFetch;

  constructor(options: {
    discoveryApi: GoldenPathsDiscovery;
    fetchApi: GoldenPathsFetch;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  listPaths(page?: PageRequest) {
    return this.request<Page<GoldenPathListItem>>(
      'GET',
      `/paths${queryString(pageParams(page))}`,
    );
  }

  listApprovals() {
    return this.request<Page<PendingApproval>>('GET', '/approvals');
  }

  async approveStep(journeyId: string, stepId: string) {
    await this.send(
      'POST',
      `/journeys/${enc(journeyId)}/steps/${enc(stepId)}/approve`,
      {},
    );
  }

  async declineStep(journeyId: string, stepId: string, reason: string) {
    await this.send(
      'POST',
      `/journeys/${enc(journeyId)}/steps/${enc(stepId)}/decline`,
      { reason },
    );
  }

  getPath(pathId: string) {
    return this.request<GoldenPath>('GET', `/paths/${enc(pathId)}`);
  }

  startJourney(pathId: string) {
    return this.request<Journey>('POST', '/journeys', { pathId });
  }

  getMyJourneys(query?: MyJourneysQuery) {
    return this.request<Page<Journey>>(
      'GET',
      `/journeys/me${queryString({
        ...pageParams(query),
        pathId: query?.pathId,
      })}`,
    );
  }

  getJourney(journeyId: string) {
    return this.request<Journey>('GET', `/journeys/${enc(journeyId)}`);
  }

  completeStep(pathId: string, stepId: string, request?: CompleteStepRequest) {
    return this.request<Journey>(
      'POST',
      `/journeys/${enc(pathId)}/steps/${enc(stepId)}/complete`,
      request ?? {},
    );
  }

  recordEvidence(request: RecordEvidenceRequest) {
    return this.request<RecordEvidenceResponse>('POST', '/evidence', request);
  }

  getMetrics(query?: MetricsQuery) {
    return this.request<GoldenPathsMetrics>(
      'GET',
      `/metrics${queryString(query)}`,
    );
  }

  async getMetricsCsv(query?: MetricsQuery) {
    const response = await this.send(
      'GET',
      `/metrics${queryString({ ...query, format: 'csv' })}`,
    );
    return response.text();
  }

  listCohorts(page?: PageRequest) {
    return this.request<Page<Cohort>>(
      'GET',
      `/cohorts${queryString(pageParams(page))}`,
    );
  }

  createCohort(request: CreateCohortRequest) {
    return this.request<Cohort>('POST', '/cohorts', request);
  }

  updateCohort(cohortId: string, request: UpdateCohortRequest) {
    return this.request<Cohort>('PUT', `/cohorts/${enc(cohortId)}`, request);
  }

  getCohortBoard(cohortId: string) {
    return this.request<CohortBoard>('GET', `/cohorts/${enc(cohortId)}/board`);
  }

  async nudgeMember(cohortId: string, userEntityRef: string) {
    await this.send('POST', `/cohorts/${enc(cohortId)}/nudges`, {
      userEntityRef,
    });
  }

  nudgeStuckMembers(cohortId: string) {
    const path = `/cohorts/${enc(cohortId)}/nudges/stuck`;
    return this.request<NudgeAllResult>('POST', path, {});
  }

  listMyCohorts() {
    return this.request<{ items: MyCohort[] }>('GET', '/cohorts/mine');
  }

  getMe() {
    return this.request<Me>('GET', '/me');
  }

  updateMySettings(settings: PersonSettings) {
    return this.request<PersonSettings>('PUT', '/me/settings', settings);
  }

  getTeamOnboarding() {
    return this.request<TeamOnboarding>('GET', '/team/onboarding');
  }

  assignPath(request: AssignPathRequest) {
    const path = '/team/onboarding/assignments';
    return this.request<Journey>('POST', path, request);
  }

  checkServiceName(name: string) {
    return this.request<ServiceNameCheck>(
      'GET',
      `/golden-paths/names/${enc(name)}`,
      undefined,
      'scaffolder',
    );
  }

  getLocalRuntimeService(name: string) {
    return this.request<LocalRuntimeService>(
      'GET',
      `/golden-paths/runtime/${enc(name)}`,
      undefined,
      'scaffolder',
    );
  }

  getTeardownPlan(name: string) {
    return this.request<TeardownPlanView>(
      'GET',
      `/golden-paths/teardown/${enc(name)}`,
      undefined,
      'scaffolder',
    );
  }

  changeLocalRuntimeService(name: string, action: LocalRuntimeAction) {
    return this.request<LocalRuntimeService>(
      'POST',
      `/golden-paths/runtime/${enc(name)}/${enc(action)}`,
      {},
      'scaffolder',
    );
  }

  tearDownService(name: string) {
    return this.request<TeardownStarted>(
      'POST',
      `/golden-paths/teardown/${enc(name)}`,
      {},
      'scaffolder',
    );
  }

  getJourneyBuddy(journeyId: string) {
    return this.request<JourneyBuddy>(
      'GET',
      `/journeys/${enc(journeyId)}/buddy`,
    );
  }

  confirmBuddy(journeyId: string, buddyRef: string) {
    return this.request<JourneyBuddy>(
      'POST',
      `/journeys/${enc(journeyId)}/buddy/confirm`,
      { buddyRef },
    );
  }

  declineBuddy(journeyId: string, buddyRef: string) {
    return this.request<JourneyBuddy>(
      'POST',
      `/journeys/${enc(journeyId)}/buddy/decline`,
      { buddyRef },
    );
  }

  listMyBuddyPeople() {
    return this.request<{ items: BuddyPerson[] }>('GET', '/buddies/me');
  }

  private async send(
    method: string,
    path: string,
    body?: unknown,
    pluginId = 'golden-paths',
  ) {
    const baseUrl = await this.discoveryApi.getBaseUrl(pluginId);
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers:
        body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }

  private async request<T>(
    method: string,
    path: string,
    body?: unknown,
    pluginId?: string,
  ): Promise<T> {
    const response = await this.send(method, path, body, pluginId);
    return (await response.json()) as T;
  }
}

/**
 * Reads every page of a list endpoint, e.g.
 * `fetchAllPages(page => api.listCohorts(page))`.
 */
export { fetchAllPages } from '@onramp/backstage-plugin-onramp-common';

function pageParams(page?: PageRequest) {
  return {
    limit: page?.limit === undefined ? undefined : String(page.limit),
    offset: page?.offset === undefined ? undefined : String(page.offset),
  };
}

function enc(value: string) {
  return encodeURIComponent(value);
}

function queryString(query?: Record<string, string | undefined>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) {
      params.set(key, value);
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
