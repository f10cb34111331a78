import { Knex } from 'knex';
import {
  onboardingRows,
  onboardingStatement,
  OnboardingRow,
} from './onboardingSql';
import { Median, medianOf, percentilesByGroup } from './percentile';

export type { Median } from './percentile';
import { counts, num } from './rows';

/** Filters of the metrics, already resolved to path ids. */
export type MetricsFilter = {
  /** Only journeys on these paths; undefined for all. */
  pathIds?: string[];
  cohortId?: string;
  /** Journeys started at or after (epoch ms). */
  from?: number;
  /** Journeys started before (epoch ms). */
  to?: number;
};

function rowsOf(result: any): any[] {
  return Array.isArray(result) ? result : result.rows;
}

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
  /** Per path and step: completions and median time to the step. */
  steps(
    filter: MetricsFilter,
  ): Promise<
    Array<Median & { pathId: string; stepId: string; completed: number }>
  >;
}

/** The Knex implementation of {@link MetricsStore}. */
export class KnexMetricsStore implements MetricsStore {
  static create(db: Knex): KnexMetricsStore {
    return new KnexMetricsStore(db);
  }

  private constructor(private readonly db: Knex) {}

  private isPostgres() {
    return this.db.client.config.client === 'pg';
  }

  private filtered(filter: MetricsFilter) {
    const query = this.db('gp_journeys as j').select(
      'j.id',
      'j.user_entity_ref',
      'j.path_id',
      'j.started_at',
      'j.completed_at',
    );
    if (filter.pathIds) {
      if (filter.pathIds.length === 0) {
        query.whereRaw('1 = 0');
      } else {
        query.whereIn('j.path_id', filter.pathIds);
      }
    }
    if (filter.cohortId) {
      query.whereIn(
        'j.user_entity_ref',
        this.db('gp_cohort_members')
          .select('user_entity_ref')
          .where('cohort_id', filter.cohortId),
      );
    }
    if (filter.from !== undefined) {
      query.where('j.started_at', '>=', filter.from);
    }
    if (filter.to !== undefined) {
      query.where('j.started_at', '<', filter.to);
    }
    return query.toSQL();
  }

  private async run(
    filter: MetricsFilter,
    body: string,
    bindings: readonly unknown[] = [],
  ) {
    const fj = this.filtered(filter);
    const result = await this.db.raw(`WITH fj AS (${fj.sql}) ${body}`, [
      ...fj.bindings,
      ...bindings,
    ] as any);
    return rowsOf(result);
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

  /**
   * Per path and step: how many journeys completed it, and the median time
   * from the journey's previous progress (or its start) to this step.
   */
  async steps(filter: MetricsFilter) {
    const rows = await this.run(
      filter,
      percentilesByGroup(this.isPostgres(), {
        keys: ['path_id', 'step_id'],
        value: 'p.duration_ms',
        from: `gp_step_progress p JOIN fj ON fj.id = p.journey_id
          WHERE p.check_id = ''`,
      }),
    );
    return rows.map(r => ({
      pathId: r.path_id as string,
      stepId: r.step_id as string,
      completed: num(r.cnt),
      ...medianOf(r.cnt, r),
    }));
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
