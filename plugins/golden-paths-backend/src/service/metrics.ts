import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  FigureFilters,
  FigureMethod,
  goldenPathsMetricsReadPermission,
  GoldenPathsMetrics,
  MetricsQuery,
  TEMPLATE_SUCCEEDED_KEY,
} from '@onramp/backstage-plugin-golden-paths-common';
import { Median, MetricsFilter, MetricsStore } from '../database';
import { MetricsAccess } from './access';
import { onboardingMetrics } from './onboarding';
import { GoldenPathRegistry } from './paths';
import { completionFigure, durationFigure, groupsToHide } from './privacy';

const NO_VALUES: Median = { count: 0, medianMs: null, p90Ms: null };

/** The request's filters as every figure's method repeats them. */
function figureFilters(query: MetricsQuery): FigureFilters {
  return {
    ...(query.pathId ? { pathId: query.pathId } : {}),
    ...(query.discipline ? { discipline: query.discipline } : {}),
    ...(query.cohortId ? { cohortId: query.cohortId } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
  };
}

/**
 * Assembles `GET /metrics` from the SQL aggregates and the path definitions,
 * hiding every group with fewer than `minimumGroupSize` people (see
 * privacy.ts and the README's "Metrics people can trust").
 */
export async function computeMetrics(options: {
  store: MetricsStore;
  paths: GoldenPathRegistry;
  query: MetricsQuery;
  deployEvidenceKey: string;
  /** Whether merged pull requests are collected (an SCM source is configured). */
  pullRequests?: boolean;
  minimumGroupSize: number;
  now: number;
}): Promise<GoldenPathsMetrics> {
  const { store, paths, query, minimumGroupSize } = options;
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
  const pathsByDiscipline: Record<string, string[]> = {};
  for (const path of selected) {
    (pathsByDiscipline[path.discipline] ??= []).push(path.id);
  }

  const [
    byPath,
    byCohort,
    toComplete,
    toTemplate,
    stepFigures,
    onboardingRows,
    disciplinePeople,
  ] = await Promise.all([
    store.completionByPath(filter),
    store.completionByCohort(filter),
    store.timeToComplete(filter),
    store.timeToFirstEvidence(filter, TEMPLATE_SUCCEEDED_KEY),
    store.steps(filter),
    store.onboarding(filter, {
      deployEvidenceKey: options.deployEvidenceKey,
      nth: 10,
    }),
    store.peopleByPathGroup(filter, pathsByDiscipline),
  ]);
  const steps = stepFigures.figures;
  const stepsAsOf =
    stepFigures.rollupRebuiltAt === undefined
      ? {}
      : { asOf: new Date(stepFigures.rollupRebuiltAt).toISOString() };
  const filters = figureFilters(query);
  const onboarding = onboardingMetrics(onboardingRows, {
    pullRequests: options.pullRequests ?? false,
    minimumGroupSize,
    deployEvidenceKey: options.deployEvidenceKey,
    filters,
  });
  const overallHidden = onboarding.overall.suppressed;

  // Disciplines first: a hidden discipline hides all of its paths.
  const disciplineNames = Object.keys(pathsByDiscipline).sort();
  const hiddenDisciplines = groupsToHide(
    disciplineNames.map(d => disciplinePeople[d] ?? 0),
    minimumGroupSize,
    overallHidden,
  );
  const hiddenPaths = new Set<string>();
  disciplineNames.forEach((discipline, i) => {
    const ids = pathsByDiscipline[discipline];
    const hidden = hiddenDisciplines.has(i)
      ? new Set(ids.map((_, k) => k))
      : groupsToHide(
          ids.map(id => byPath.find(r => r.pathId === id)?.started ?? 0),
          minimumGroupSize,
        );
    ids.forEach((id, k) => hidden.has(k) && hiddenPaths.add(id));
  });

  const pathMetrics = selected.map(path => {
    const counts = byPath.find(r => r.pathId === path.id) ?? {
      started: 0,
      completed: 0,
    };
    const hidden = hiddenPaths.has(path.id);
    const pathFilters = { ...filters, pathId: path.id };
    let reached = counts.started;
    return {
      pathId: path.id,
      title: path.title,
      discipline: path.discipline,
      // One journey per person and path: the people are the journeys.
      ...completionFigure({ people: counts.started, ...counts }, hidden),
      timeToComplete: durationFigure(
        toComplete.perPath.find(r => r.pathId === path.id) ?? NO_VALUES,
        {
          clockStart: 'journey-start',
          clockStop: 'journey completed',
          filters: pathFilters,
        },
        { minimumGroupSize, groupHidden: hidden },
      ),
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
          completed: hidden ? null : completed,
          dropOff: hidden ? null : dropOff,
          time: durationFigure(
            row ?? NO_VALUES,
            {
              clockStart: 'previous-step' as const,
              clockStop: 'step completed',
              filters: { ...pathFilters, stepId: step.id },
              ...stepsAsOf,
            },
            { minimumGroupSize, groupHidden: hidden },
          ),
        };
      }),
    };
  });

  const disciplines = disciplineNames.map((discipline, i) => {
    const ids = pathsByDiscipline[discipline];
    const sum = (key: 'started' | 'completed') =>
      byPath
        .filter(r => ids.includes(r.pathId))
        .reduce((total, r) => total + r[key], 0);
    return {
      discipline,
      ...completionFigure(
        {
          people: disciplinePeople[discipline] ?? 0,
          started: sum('started'),
          completed: sum('completed'),
        },
        hiddenDisciplines.has(i),
      ),
    };
  });
  const hiddenCohorts = groupsToHide(
    byCohort.map(c => c.people),
    minimumGroupSize,
    overallHidden,
  );
  const overallFigure = (
    median: Median,
    method: Omit<FigureMethod, 'filters'>,
  ) =>
    durationFigure(
      median,
      { ...method, filters },
      { minimumGroupSize, groupHidden: overallHidden },
    );

  return {
    generatedAt: new Date(options.now).toISOString(),
    filters,
    minimumGroupSize,
    timeToFirstTemplate: overallFigure(toTemplate, {
      clockStart: 'first-journey-start',
      clockStop: `first ${TEMPLATE_SUCCEEDED_KEY} evidence`,
    }),
    timeToFirstDeploy: onboarding.overall.timeToFirstDeploy,
    timeToDay1Complete: overallFigure(toComplete.overall, {
      clockStart: 'journey-start',
      clockStop: 'journey completed',
    }),
    timeToTenthMergedPr: onboarding.overall.timeToTenthMergedPr,
    onboarding,
    paths: pathMetrics,
    disciplines,
    cohorts: byCohort.map((c, i) => ({
      cohortId: c.cohortId,
      title: c.title,
      ...completionFigure(c, hiddenCohorts.has(i)),
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
      /** Groups with fewer people are hidden (`goldenPaths.metrics.minimumGroupSize`). */
      minimumGroupSize: number;
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
