/*
 * Golden Paths: journeys, step progress with its evidence, the evidence log,
 * cohorts and the stuck-member notices. Times are epoch milliseconds (bigint)
 * so durations are plain arithmetic on SQLite and PostgreSQL alike.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('gp_journeys', table => {
    table.string('id', 36).primary();
    table.string('user_entity_ref', 255).notNullable();
    table.string('path_id', 100).notNullable();
    table.string('status', 16).notNullable();
    table.bigInteger('started_at').notNullable();
    table.bigInteger('completed_at').nullable();
    table.bigInteger('last_activity_at').notNullable();
    table.integer('version').notNullable().defaultTo(1);
    table.unique(['user_entity_ref', 'path_id'], {
      indexName: 'gp_journeys_user_path_uq',
    });
    table.index(['path_id', 'started_at'], 'gp_journeys_path_started_idx');
    table.index(['status', 'last_activity_at'], 'gp_journeys_status_idx');
  });

  await knex.schema.createTable('gp_step_progress', table => {
    table
      .string('journey_id', 36)
      .notNullable()
      .references('id')
      .inTable('gp_journeys')
      .onDelete('CASCADE');
    table.string('step_id', 100).notNullable();
    // '' for the step itself, the check id for a sub-step of a `checks` step.
    table.string('check_id', 100).notNullable().defaultTo('');
    table.string('source', 16).notNullable();
    table.string('evidence_id', 255).nullable();
    table.string('evidence_key', 100).nullable();
    table.string('task_id', 255).nullable();
    table.string('template_ref', 255).nullable();
    table.text('link').nullable();
    table.text('summary').nullable();
    table.text('outputs').nullable();
    table.bigInteger('completed_at').notNullable();
    // Time since the journey's previous progress (or its start), kept at
    // write time so per-step medians need no window over each journey.
    table.bigInteger('duration_ms').notNullable().defaultTo(0);
    table.primary(['journey_id', 'step_id', 'check_id']);
    table.index(['evidence_id'], 'gp_step_progress_evidence_idx');
    table.index(
      ['step_id', 'check_id', 'duration_ms'],
      'gp_step_progress_step_duration_idx',
    );
  });

  await knex.schema.createTable('gp_evidence', table => {
    table.increments('id').primary();
    table.string('user_entity_ref', 255).notNullable();
    // '' when the evidence matched no started journey (yet).
    table.string('path_id', 100).notNullable();
    table.string('step_id', 100).notNullable();
    table.string('evidence_id', 255).notNullable();
    table.string('key', 100).notNullable();
    table.string('task_id', 255).nullable();
    table.string('template_ref', 255).nullable();
    table.text('link').nullable();
    table.text('summary').nullable();
    table.text('outputs').nullable();
    table.bigInteger('occurred_at').notNullable();
    table.bigInteger('recorded_at').notNullable();
    table.unique(['user_entity_ref', 'path_id', 'step_id', 'evidence_id'], {
      indexName: 'gp_evidence_user_step_evidence_uq',
    });
    table.index(['user_entity_ref', 'key'], 'gp_evidence_user_key_idx');
    table.index(['key', 'occurred_at'], 'gp_evidence_key_idx');
  });

  await knex.schema.createTable('gp_cohorts', table => {
    table.string('id', 100).primary();
    table.string('title', 200).notNullable();
    table.string('start_date', 10).notNullable();
    table.string('owner', 255).notNullable();
    table.integer('version').notNullable().defaultTo(1);
    table.bigInteger('created_at').notNullable();
    table.bigInteger('updated_at').notNullable();
  });

  await knex.schema.createTable('gp_cohort_members', table => {
    table
      .string('cohort_id', 100)
      .notNullable()
      .references('id')
      .inTable('gp_cohorts')
      .onDelete('CASCADE');
    table.string('user_entity_ref', 255).notNullable();
    table.primary(['cohort_id', 'user_entity_ref']);
    table.index(['user_entity_ref'], 'gp_cohort_members_user_idx');
  });

  // Merged pull requests from the configured SCM sources (never plain
  // commits), for "time to 10th merged PR".
  await knex.schema.createTable('gp_merged_prs', table => {
    table.string('source', 100).notNullable();
    table.string('pr_id', 255).notNullable();
    table.string('repository', 500).notNullable();
    table.string('user_entity_ref', 255).notNullable();
    table.bigInteger('merged_at').notNullable();
    table.primary(['source', 'pr_id']);
    table.index(['user_entity_ref', 'merged_at'], 'gp_merged_prs_user_idx');
  });

  await knex.schema.createTable('gp_stuck_notices', table => {
    table
      .string('journey_id', 36)
      .notNullable()
      .references('id')
      .inTable('gp_journeys')
      .onDelete('CASCADE');
    table.string('step_id', 100).notNullable();
    table.bigInteger('notified_at').notNullable();
    table.primary(['journey_id', 'step_id']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('gp_stuck_notices');
  await knex.schema.dropTable('gp_merged_prs');
  await knex.schema.dropTable('gp_cohort_members');
  await knex.schema.dropTable('gp_cohorts');
  await knex.schema.dropTable('gp_evidence');
  await knex.schema.dropTable('gp_step_progress');
  await knex.schema.dropTable('gp_journeys');
};
