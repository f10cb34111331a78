import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  goldenPathsMetricsReadPermission,
  GoldenPathsMetrics,
  MetricsQuery,
  TEMPLATE_SUCCEEDED_KEY,
} from '@onramp/backstage-plugin-golden-paths-common';
import { MetricsFilter, MetricsStore } from '../database';
import { MetricsAccess } from './access';
import { onboardingMetrics } from './onboarding';
import { GoldenPathRegistry } from './paths';

function rate(started: number, completed: number) {
  return started === 0 ? 0 : completed / started;
}

/** Assembles `GET /metrics` from the SQL aggregates and the path definitions. */
export async function computeMetrics(options: {
  store: MetricsStore;
  paths: GoldenPathRegistry;
  query: MetricsQuery;
  deployEvidenceKey: string;
  /** Whether merged pull requests are collected (an SCM source is configured). */
  pullRequests?: boolean;
  now: number;
}): Promise<GoldenPathsMetrics> {
  const { store, paths, query } = options;
  const filter: MetricsFilter = {
    cohortId: query.cohortId,
    from: query.from ? Date.parse(query.from) : undefined,
    to: query.to ? Date.parse(query.to) : undefined,
  };
  let selected = paths.list();
  if (query.pathId) {
    selected = selected.filter(p => p.id === query.pathId);
  }
  if (query.discipline) {
    const discipline = query.discipline.toLocaleLowerCase();
    selected = selected.filter(
      p => p.discipline.toLocaleLowerCase() === discipline,
    );
  }
  filter.pathIds = selected.map(p => p.id);

  const [byPath, byCohort, toComplete, toTemplate, steps, onboardingRows] =
    await Promise.all([
      store.completionByPath(filter),
      store.completionByCohort(filter),
      store.timeToComplete(filter),
      store.timeToFirstEvidence(filter, TEMPLATE_SUCCEEDED_KEY),
      store.steps(filter),
      store.onboarding(filter, {
        deployEvidenceKey: options.deployEvidenceKey,
        nth: 10,
      }),
    ]);
  const onboarding = onboardingMetrics(
    onboardingRows,
    options.pullRequests ?? false,
  );

  const pathMetrics = selected.map(path => {
    const counts = byPath.find(r => r.pathId === path.id) ?? {
      started: 0,
      completed: 0,
    };
    const complete = toComplete.perPath.find(r => r.pathId === path.id);
    let reached = counts.started;
    return {
      pathId: path.id,
      title: path.title,
      discipline: path.discipline,
      started: counts.started,
      completed: counts.completed,
      rate: rate(counts.started, counts.completed),
      timeToComplete: {
        count: complete?.count ?? 0,
        medianMs: complete?.medianMs ?? null,
      },
      steps: path.steps.map(step => {
        const row = steps.find(
          s => s.pathId === path.id && s.stepId === step.id,
        );
        const completed = row?.completed ?? 0;
        const dropOff = Math.max(0, reached - completed);
        reached = completed;
        return {
          stepId: step.id,
          title: step.title,
          completed,
          dropOff,
          medianMs: row?.medianMs ?? null,
        };
      }),
    };
  });

  const disciplines = new Map<
    string,
    { discipline: string; started: number; completed: number }
  >();
  for (const p of pathMetrics) {
    const entry = disciplines.get(p.discipline) ?? {
      discipline: p.discipline,
      started: 0,
      completed: 0,
    };
    entry.started += p.started;
    entry.completed += p.completed;
    disciplines.set(p.discipline, entry);
  }

  return {
    generatedAt: new Date(options.now).toISOString(),
    filters: {
      ...(query.pathId ? { pathId: query.pathId } : {}),
      ...(query.discipline ? { discipline: query.discipline } : {}),
      ...(query.cohortId ? { cohortId: query.cohortId } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
    },
    timeToFirstTemplate: toTemplate,
    timeToFirstDeploy: onboarding.overall.timeToFirstDeploy,
    timeToDay1Complete: toComplete.overall,
    timeToTenthMergedPr: onboarding.overall.timeToTenthMergedPr,
    onboarding,
    paths: pathMetrics,
    disciplines: Array.from(disciplines.values()).map(d => ({
      ...d,
      rate: rate(d.started, d.completed),
    })),
    cohorts: byCohort.map(c => ({
      ...c,
      rate: rate(c.started, c.completed),
    })),
  };
}

/** `GET /metrics`: for metrics viewers, filtered by path, discipline, cohort, time. */
export class MetricsService {
  constructor(
    private readonly options: {
      store: MetricsStore;
      paths: GoldenPathRegistry;
      access: MetricsAccess;
      deployEvidenceKey: string;
      /** Whether an SCM source feeds "time to 10th merged PR". */
      pullRequests: boolean;
      clock?: () => number;
    },
  ) {}

  async get(
    credentials: BackstageCredentials,
    query: MetricsQuery,
  ): Promise<GoldenPathsMetrics> {
    const { access, paths } = this.options;
    await access.require(credentials, goldenPathsMetricsReadPermission);
    if (query.pathId && !paths.get(query.pathId)) {
      throw new NotFoundError(`No golden path "${query.pathId}"`);
    }
    return computeMetrics({
      ...this.options,
      query,
      now: (this.options.clock ?? Date.now)(),
    });
  }
}
