import { Knex } from 'knex';
import { isPostgres, liveStepFigures, StepFigure } from './metricsSql';
import { num, numOrNull } from './rows';

/**
 * The per-step metrics rollup (`gp_step_metrics`): per path and step the
 * figures {@link liveStepFigures} computes over all journeys, stored so
 * that `GET /metrics` does not sort every completion on each request.
 *
 * Kept correct in the transaction that records a completion
 * ({@link refreshStepMetrics}, called by the JourneyStore), and rebuilt in
 * full by the scheduled task `golden-paths-step-metrics`
 * ({@link rebuildStepMetrics}) for rows written around the plugin (restores,
 * imports, SQL by hand) and the completions recorded before the migration.
 */

const STATE = 'step_metrics';

/** A completed step (not a check): its journey and step id. */
export type StepCompletion = { journeyId: string; stepId: string };

function columns(figure: StepFigure | undefined, now: number) {
  return {
    completed: figure?.completed ?? 0,
    median_ms: figure?.medianMs ?? null,
    p90_ms: figure?.p90Ms ?? null,
    refreshed_at: now,
  };
}

/**
 * Recomputes the rollup rows of the steps of these completions, in the
 * transaction (`db`) that wrote them. The groups are locked in one order,
 * (path, step), so two transactions never wait on each other in a cycle.
 */
export async function refreshStepMetrics(
  db: Knex,
  completions: StepCompletion[],
) {
  if (completions.length === 0) {
    return;
  }
  const journeyIds = [...new Set(completions.map(c => c.journeyId))];
  const journeys = await db('gp_journeys')
    .whereIn('id', journeyIds)
    .select('id', 'path_id');
  const pathOf = new Map(journeys.map(j => [j.id as string, j.path_id]));
  const groups = new Map<string, { pathId: string; stepId: string }>();
  for (const { journeyId, stepId } of completions) {
    const pathId = pathOf.get(journeyId);
    if (pathId !== undefined) {
      groups.set(`${pathId}\u0000${stepId}`, { pathId, stepId });
    }
  }
  const now = Date.now();
  for (const key of [...groups.keys()].sort()) {
    const { pathId, stepId } = groups.get(key)!;
    const where = { path_id: pathId, step_id: stepId };
    // Lock the group's row first. On PostgreSQL (read committed) a
    // concurrent completion of the same step waits here until this
    // transaction commits, and its recomputation below, a later statement,
    // then counts this one's row too. (SQLite has one writer at a time.)
    await db('gp_step_metrics')
      .insert({ ...where, ...columns(undefined, now) })
      .onConflict(['path_id', 'step_id'])
      .merge(['refreshed_at']);
    const [figure] = await liveStepFigures(db, { pathIds: [pathId] }, stepId);
    await db('gp_step_metrics').where(where).update(columns(figure, now));
  }
}

/**
 * Rebuilds the whole rollup from gp_step_progress in one transaction and
 * marks it usable as of `now`. Returns how many groups there are and how
 * many of them the rollup had wrong (written around the plugin).
 */
export async function rebuildStepMetrics(
  db: Knex,
  now: number,
): Promise<{ groups: number; corrected: number }> {
  return db.transaction(async tx => {
    if (isPostgres(tx)) {
      // Completions waiting here recompute their group after this commits.
      await tx.raw('LOCK TABLE gp_step_metrics IN SHARE ROW EXCLUSIVE MODE');
    }
    const keyOf = (f: StepFigure) => `${f.pathId}\u0000${f.stepId}`;
    const before = new Map((await readRows(tx)).map(f => [keyOf(f), f]));
    const figures = await liveStepFigures(tx, {});
    let corrected = 0;
    for (const f of figures) {
      const old = before.get(keyOf(f));
      before.delete(keyOf(f));
      const same =
        old?.completed === f.completed &&
        old.medianMs === f.medianMs &&
        old.p90Ms === f.p90Ms;
      corrected += same ? 0 : 1;
    }
    // Groups the rollup had and the completions do not.
    corrected += before.size;
    await tx('gp_step_metrics').delete();
    for (let i = 0; i < figures.length; i += 200) {
      await tx('gp_step_metrics').insert(
        figures.slice(i, i + 200).map(f => ({
          path_id: f.pathId,
          step_id: f.stepId,
          ...columns(f, now),
        })),
      );
    }
    await tx('gp_rollup_state')
      .insert({ name: STATE, rebuilt_at: now })
      .onConflict('name')
      .merge();
    return { groups: figures.length, corrected };
  });
}

async function readRows(db: Knex, pathIds?: string[]): Promise<StepFigure[]> {
  const query = db('gp_step_metrics').where('completed', '>', 0);
  if (pathIds) {
    query.whereIn('path_id', pathIds);
  }
  const rows = await query;
  return rows.map(r => ({
    pathId: r.path_id as string,
    stepId: r.step_id as string,
    completed: num(r.completed),
    count: num(r.completed),
    medianMs: numOrNull(r.median_ms),
    p90Ms: numOrNull(r.p90_ms),
  }));
}

/**
 * The rollup's figures of these paths (all when undefined), and when it
 * was last rebuilt in full; undefined when it never was (the metrics then
 * compute live).
 */
export async function readStepMetrics(
  db: Knex,
  pathIds?: string[],
): Promise<{ figures: StepFigure[]; rebuiltAt: number } | undefined> {
  const state = await db('gp_rollup_state')
    .where({ name: STATE })
    .first('rebuilt_at');
  if (!state) {
    return undefined;
  }
  return {
    figures: await readRows(db, pathIds),
    rebuiltAt: num(state.rebuilt_at),
  };
}
