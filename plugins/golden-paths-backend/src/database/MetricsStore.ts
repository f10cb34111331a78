import { Knex } from 'knex';
import {
  onboardingRows,
  onboardingStatement,
  OnboardingRow,
} from './onboardingSql';
import {
  isPostgres,
  liveStepFigures,
  MetricsFilter,
  runOverJourneys,
  StepFigure,
} from './metricsSql';
import { Median, medianOf, percentilesByGroup } from './percentile';
import { counts, num } from './rows';
import { readStepMetrics, rebuildStepMetrics } from './StepMetricsRollup';

export type { Median } from './percentile';
export type { MetricsFilter, StepFigure } from './metricsSql';

/** The per-step figures, and where they come from. */
export type StepFigures = {
  figures: StepFigure[];
  /**
   * Set when they come from the rollup (gp_step_metrics): when it was last
   * rebuilt in full (epoch ms). Completions recorded through the plugin
   * are in it as they are written; rows written around it, from then on,
   * show after the next rebuild.
   */
  rollupRebuiltAt?: number;
};

/** Counts of started and completed journeys. */
export type Completion = { started: number; completed: number };

/**
 * The onboarding aggregates, computed in SQL (window functions; the same
 * statements run on SQLite 3.25+ and PostgreSQL).
 */
export interface MetricsStore {
  /** Journeys started and completed per path. */
  completionByPath(
    filter: MetricsFilter,
  ): Promise<Array<Completion & { pathId: string }>>;
  /** Journeys started and completed, and people, per cohort of their person. */
  completionByCohort(
    filter: MetricsFilter,
  ): Promise<
    Array<Completion & { cohortId: string; title: string; people: number }>
  >;
  /** People (distinct) with a journey on any path of each group of paths. */
  peopleByPathGroup(
    filter: MetricsFilter,
    groups: Record<string, string[]>,
  ): Promise<Record<string, number>>;
  /** Median and p90 time from start to completion, per path and overall. */
  timeToComplete(filter: MetricsFilter): Promise<{
    overall: Median;
    perPath: Array<Median & { pathId: string }>;
  }>;
  /** Median time from a person's first start to their first evidence `key`. */
  timeToFirstEvidence(filter: MetricsFilter, key: string): Promise<Median>;
  /**
   * Onboarding times from each person's start date (or first journey
   * start): to the first PR, the `nth` merged PR and the first deploy;
   * overall, by start month and by cohort.
   */
  onboarding(
    filter: MetricsFilter,
    options: { deployEvidenceKey: string; nth: number },
  ): Promise<OnboardingRow[]>;
  /**
   * Per path and step: completions and the median and p90 time to the
   * step. From the rollup when the filter is by path only (and the rollup
   * was rebuilt since the migration), else (or with `live`) computed over
   * the completions.
   */
  steps(
    filter: MetricsFilter,
    options?: { live?: boolean },
  ): Promise<StepFigures>;
  /** Rebuilds the per-step rollup in full (the scheduled task). */
  rebuildStepMetrics(
    now: number,
  ): Promise<{ groups: number; corrected: number }>;
}

/** The Knex implementation of {@link MetricsStore}. */
export class KnexMetricsStore implements MetricsStore {
  static create(db: Knex): KnexMetricsStore {
    return new KnexMetricsStore(db);
  }

  private constructor(private readonly db: Knex) {}

  private isPostgres() {
    return isPostgres(this.db);
  }

  private run(
    filter: MetricsFilter,
    body: string,
    bindings: readonly unknown[] = [],
  ) {
    return runOverJourneys(this.db, filter, body, bindings);
  }

  /** Journeys started and completed per path. */
  async completionByPath(filter: MetricsFilter) {
    const rows = await this.run(
      filter,
      `SELECT path_id, COUNT(*) AS started, COUNT(completed_at) AS completed
       FROM fj GROUP BY path_id`,
    );
    return rows.map(r => ({ pathId: r.path_id as string, ...counts(r) }));
  }

  /** Journeys started and completed per path and cohort of their person. */
  async completionByCohort(filter: MetricsFilter) {
    const rows = await this.run(
      filter,
      `SELECT m.cohort_id, c.title, COUNT(*) AS started,
              COUNT(fj.completed_at) AS completed,
              COUNT(DISTINCT fj.user_entity_ref) AS people
       FROM fj
       JOIN gp_cohort_members m ON m.user_entity_ref = fj.user_entity_ref
       JOIN gp_cohorts c ON c.id = m.cohort_id
       GROUP BY m.cohort_id, c.title
       ORDER BY m.cohort_id`,
    );
    return rows.map(r => ({
      cohortId: r.cohort_id as string,
      title: r.title as string,
      people: num(r.people),
      ...counts(r),
    }));
  }

  /** People (distinct) with a journey on any path of each group of paths. */
  async peopleByPathGroup(
    filter: MetricsFilter,
    groups: Record<string, string[]>,
  ) {
    const result: Record<string, number> = {};
    const cases: string[] = [];
    const bindings: string[] = [];
    for (const [group, pathIds] of Object.entries(groups)) {
      result[group] = 0;
      for (const pathId of pathIds) {
        cases.push('WHEN ? THEN ?');
        bindings.push(pathId, group);
      }
    }
    if (cases.length === 0) {
      return result;
    }
    const rows = await this.run(
      filter,
      `SELECT grp, COUNT(DISTINCT user_entity_ref) AS people FROM (
         SELECT CASE path_id ${cases.join(' ')} END AS grp, user_entity_ref
         FROM fj
       ) g WHERE grp IS NOT NULL GROUP BY grp`,
      bindings,
    );
    for (const r of rows) {
      result[String(r.grp)] = num(r.people);
    }
    return result;
  }

  /** Median time from start to completion, per path and overall. */
  async timeToComplete(filter: MetricsFilter) {
    const perPath = await this.run(
      filter,
      percentilesByGroup(this.isPostgres(), {
        keys: ['path_id'],
        value: 'completed_at - started_at',
        from: 'fj WHERE completed_at IS NOT NULL',
      }),
    );
    const overall = await this.median(
      filter,
      `SELECT completed_at - started_at AS dur
       FROM fj WHERE completed_at IS NOT NULL`,
    );
    return {
      overall,
      perPath: perPath.map(r => ({
        pathId: r.path_id as string,
        ...medianOf(r.cnt, r),
      })),
    };
  }

  /**
   * Median time from a person's first journey start to their first evidence
   * with `key` (e.g. `template.succeeded`, `deploy.healthy`).
   */
  async timeToFirstEvidence(filter: MetricsFilter, key: string) {
    return this.medianSinceStart(
      filter,
      `SELECT user_entity_ref, MIN(occurred_at) AS at FROM gp_evidence
       WHERE key = ? AND user_entity_ref IN (SELECT user_entity_ref FROM fj)
       GROUP BY user_entity_ref`,
      [key],
    );
  }

  async onboarding(
    filter: MetricsFilter,
    options: { deployEvidenceKey: string; nth: number },
  ) {
    const { sql, bindings } = onboardingStatement(this.db, options);
    return onboardingRows(await this.run(filter, sql, bindings));
  }

  /**
   * The median of, per person, the time from their first journey start to
   * the `at` of their row in `moments` (one row a person at most; never
   * negative).
   */
  private medianSinceStart(
    filter: MetricsFilter,
    moments: string,
    bindings: unknown[],
  ) {
    return this.median(
      filter,
      `SELECT CASE WHEN e.at > u.started THEN e.at - u.started ELSE 0 END AS dur
       FROM (SELECT user_entity_ref, MIN(started_at) AS started FROM fj GROUP BY user_entity_ref) u
       JOIN (${moments}) e ON e.user_entity_ref = u.user_entity_ref`,
      bindings,
    );
  }

  async steps(
    filter: MetricsFilter,
    options: { live?: boolean } = {},
  ): Promise<StepFigures> {
    const byPathOnly =
      filter.cohortId === undefined &&
      filter.from === undefined &&
      filter.to === undefined;
    if (byPathOnly && !options.live) {
      const rollup = await readStepMetrics(this.db, filter.pathIds);
      if (rollup) {
        return {
          figures: rollup.figures,
          rollupRebuiltAt: rollup.rebuiltAt,
        };
      }
    }
    return { figures: await liveStepFigures(this.db, filter) };
  }

  rebuildStepMetrics(now: number) {
    return rebuildStepMetrics(this.db, now);
  }

  private async median(
    filter: MetricsFilter,
    durations: string,
    bindings: readonly unknown[] = [],
  ): Promise<Median> {
    const rows = await this.run(
      filter,
      `, d AS (${durations}) ${percentilesByGroup(this.isPostgres(), {
        keys: [],
        value: 'dur',
        from: 'd',
      })}`,
      bindings,
    );
    const row = rows[0] ?? {};
    return medianOf(row.cnt, row);
  }
}
