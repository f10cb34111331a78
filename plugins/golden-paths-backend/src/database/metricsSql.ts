import { Knex } from 'knex';
import { Median, medianOf, percentilesByGroup } from './percentile';
import { num } from './rows';

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

/** Per path and step: completions and the median and p90 time to the step. */
export type StepFigure = Median & {
  pathId: string;
  stepId: string;
  completed: number;
};

export function isPostgres(db: Knex) {
  return db.client.config.client === 'pg';
}

function rowsOf(result: any): any[] {
  return Array.isArray(result) ? result : result.rows;
}

/** The filtered journeys as a SELECT (the `fj` of every metrics statement). */
function filteredJourneys(db: Knex, filter: MetricsFilter) {
  const query = db('gp_journeys as j').select(
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
      db('gp_cohort_members')
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

/** Runs `body` after `WITH fj AS (the filtered journeys)`; returns the rows. */
export async function runOverJourneys(
  db: Knex,
  filter: MetricsFilter,
  body: string,
  bindings: readonly unknown[] = [],
): Promise<any[]> {
  const fj = filteredJourneys(db, filter);
  const sql = `WITH fj AS (${fj.sql}) ${body}`;
  const values = [...fj.bindings, ...bindings] as any;
  if (!isPostgres(db)) {
    return rowsOf(await db.raw(sql, values));
  }
  return withoutJit(db, async tx => rowsOf(await tx.raw(sql, values)));
}

/**
 * Runs `fn` in a transaction with PostgreSQL's JIT compilation off. The
 * planner's cost of the metrics statements (thousands of correlated index
 * probes) passes `jit_above_cost`, and compiling took longer than running:
 * 0.3 to 0.9 s of the onboarding statement's 0.7 to 1.6 s at 10k people.
 */
export function withoutJit<T>(db: Knex, fn: (tx: Knex) => Promise<T>) {
  return db.transaction(async tx => {
    await tx.raw('SET LOCAL jit = off');
    return fn(tx);
  });
}

/**
 * Per path and step, computed live from gp_step_progress: how many
 * journeys completed it, and the median and p90 time from the journey's
 * previous progress (or its start) to this step. `stepId` narrows it to
 * one step (the rollup's refresh of one group).
 */
export async function liveStepFigures(
  db: Knex,
  filter: MetricsFilter,
  stepId?: string,
): Promise<StepFigure[]> {
  const rows = await runOverJourneys(
    db,
    filter,
    percentilesByGroup(isPostgres(db), {
      keys: ['path_id', 'step_id'],
      value: 'p.duration_ms',
      from: `gp_step_progress p JOIN fj ON fj.id = p.journey_id
          WHERE p.check_id = ''${
            stepId === undefined ? '' : ' AND p.step_id = ?'
          }`,
    }),
    stepId === undefined ? [] : [stepId],
  );
  return rows.map(r => ({
    pathId: r.path_id as string,
    stepId: r.step_id as string,
    completed: num(r.cnt),
    ...medianOf(r.cnt, r),
  }));
}
