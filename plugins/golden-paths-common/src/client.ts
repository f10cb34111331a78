import { ResponseError } from '@backstage/errors';
import { GoldenPathsApi, GoldenPathsDiscovery, GoldenPathsFetch } from './api';
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
