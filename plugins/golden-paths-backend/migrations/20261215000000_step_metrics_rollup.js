/*
 * The per-step metrics rollup.
 *
 * gp_step_metrics: per path and step, the completions and the median and
 * p90 time to the step (percentile.ts, rounded to the millisecond), as the
 * live query over gp_step_progress answers them. Kept correct in the
 * transaction that records a completion (JourneyStore), and rebuilt by the
 * scheduled task `golden-paths-step-metrics` (StepMetricsRollup.ts).
 *
 * gp_rollup_state: when each rollup was last rebuilt in full. Without a
 * row the rollup is not used (the metrics compute live): after this
 * migration on a database that already has completions, until the first
 * rebuild. On an empty one the empty rollup is already exact.
 *
 * The per-step index of gp_step_progress gains journey_id, so a step's
 * refresh reads its durations and journeys from the index alone.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('gp_step_metrics', table => {
    table.string('path_id', 100).notNullable();
    table.string('step_id', 100).notNullable();
    table.integer('completed').notNullable();
    table.bigInteger('median_ms').nullable();
    table.bigInteger('p90_ms').nullable();
    table.bigInteger('refreshed_at').notNullable();
    table.primary(['path_id', 'step_id']);
  });
  await knex.schema.createTable('gp_rollup_state', table => {
    table.string('name', 100).primary();
    table.bigInteger('rebuilt_at').notNullable();
  });
  await knex.schema.alterTable('gp_step_progress', table => {
    table.dropIndex([], 'gp_step_progress_step_duration_idx');
    table.index(
      ['step_id', 'check_id', 'duration_ms', 'journey_id'],
      'gp_step_progress_step_metrics_idx',
    );
  });
  const any = await knex('gp_step_progress').first('journey_id');
  if (!any) {
    await knex('gp_rollup_state').insert({
      name: 'step_metrics',
      rebuilt_at: Date.now(),
    });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('gp_step_progress', table => {
    table.dropIndex([], 'gp_step_progress_step_metrics_idx');
    table.index(
      ['step_id', 'check_id', 'duration_ms'],
      'gp_step_progress_step_duration_idx',
    );
  });
  await knex.schema.dropTable('gp_rollup_state');
  await knex.schema.dropTable('gp_step_metrics');
};
