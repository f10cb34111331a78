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
  /** The signed-in person's asked pulse surveys, answered or due. */
  getMyPulses(): Promise<MyPulses>;
  /** Answers (or changes the answer to) the person's pulse of `day`. */
  answerPulse(day: number, request: PulseAnswerRequest): Promise<Pulse>;
  /** Pulse answers per day, cohort and discipline (metrics viewers). */
  getPulseInsights(query?: PulseInsightsQuery): Promise<PulseInsights>;
  /** The same as CSV. */
  getPulseInsightsCsv(query?: PulseInsightsQuery): Promise<string>;
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

  getMyPulses() {
    return this.request<MyPulses>('GET', '/pulse/me');
  }

  answerPulse(day: number, request: PulseAnswerRequest) {
    return this.request<Pulse>('PUT', `/pulse/me/${day}`, request);
  }

  getPulseInsights(query?: PulseInsightsQuery) {
    return this.request<PulseInsights>(
      'GET',
      `/insights/pulse${queryString(pulseQuery(query))}`,
    );
  }

  async getPulseInsightsCsv(query?: PulseInsightsQuery) {
    const response = await this.send(
      'GET',
      `/insights/pulse.csv${queryString(pulseQuery(query))}`,
    );
    return response.text();
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

function pulseQuery(query?: PulseInsightsQuery) {
  return {
    day: query?.day === undefined ? undefined : String(query.day),
    cohortId: query?.cohortId,
  };
}
