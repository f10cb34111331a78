import { ResponseError } from '@backstage/errors';
import {
  Cohort,
  CompleteStepRequest,
  CreateCohortRequest,
  GoldenPath,
  GoldenPathsMetrics,
  Journey,
  MetricsQuery,
  RecordEvidenceRequest,
  RecordEvidenceResponse,
  UpdateCohortRequest,
} from './types';

/** The parts of Backstage's DiscoveryApi the client needs. */
export type GoldenPathsDiscovery = {
  getBaseUrl(pluginId: string): Promise<string>;
};

/** The parts of Backstage's FetchApi the client needs. */
export type GoldenPathsFetch = {
  fetch: typeof fetch;
};

/** The Golden Paths REST API. */
export interface GoldenPathsApi {
  listPaths(): Promise<{ items: GoldenPath[] }>;
  getPath(pathId: string): Promise<GoldenPath>;
  startJourney(pathId: string): Promise<Journey>;
  getMyJourneys(): Promise<{ items: Journey[] }>;
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
  listCohorts(): Promise<{ items: Cohort[] }>;
  createCohort(request: CreateCohortRequest): Promise<Cohort>;
  updateCohort(cohortId: string, request: UpdateCohortRequest): Promise<Cohort>;
}

/** A typed client for the golden-paths backend, for frontends and backends. */
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

  listPaths() {
    return this.request<{ items: GoldenPath[] }>('GET', '/paths');
  }

  getPath(pathId: string) {
    return this.request<GoldenPath>('GET', `/paths/${enc(pathId)}`);
  }

  startJourney(pathId: string) {
    return this.request<Journey>('POST', '/journeys', { pathId });
  }

  getMyJourneys() {
    return this.request<{ items: Journey[] }>('GET', '/journeys/me');
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

  listCohorts() {
    return this.request<{ items: Cohort[] }>('GET', '/cohorts');
  }

  createCohort(request: CreateCohortRequest) {
    return this.request<Cohort>('POST', '/cohorts', request);
  }

  updateCohort(cohortId: string, request: UpdateCohortRequest) {
    return this.request<Cohort>('PUT', `/cohorts/${enc(cohortId)}`, request);
  }

  private async send(method: string, path: string, body?: unknown) {
    const baseUrl = await this.discoveryApi.getBaseUrl('golden-paths');
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
  ): Promise<T> {
    const response = await this.send(method, path, body);
    return (await response.json()) as T;
  }
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
