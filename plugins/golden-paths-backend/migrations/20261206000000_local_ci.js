/*
 * Local CI over the bare repositories of the local git server: the branch
 * tips the watcher has seen (so a restart does not record a push again) and
 * the CI runs, one per pushed commit of a repository: the unique key is what
 * keeps two replicas, or a restart, from running or recording it twice.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('gp_local_git_refs', table => {
    table.string('repository', 500).notNullable();
    table.string('ref_name', 255).notNullable();
    table.string('sha', 64).notNullable();
    table.bigInteger('seen_at').notNullable();
    table.primary(['repository', 'ref_name']);
  });

  await knex.schema.createTable('gp_local_ci_runs', table => {
    table.increments('id').primary();
    table.string('repository', 500).notNullable();
    table.string('commit_sha', 64).notNullable();
    table.string('branch', 255).notNullable();
    table.string('author_email', 320).notNullable();
    table.string('user_entity_ref', 255).nullable();
    // queued | running | passed | failed | skipped
    table.string('status', 16).notNullable();
    table.text('steps').notNullable();
    table.text('log_tail').notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('started_at').nullable();
    table.bigInteger('finished_at').nullable();
    table.unique(['repository', 'commit_sha'], {
      indexName: 'gp_local_ci_runs_commit_uq',
    });
    table.index(['repository', 'id'], 'gp_local_ci_runs_repository_idx');
    table.index(['status', 'id'], 'gp_local_ci_runs_status_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('gp_local_ci_runs');
  await knex.schema.dropTable('gp_local_git_refs');
};
