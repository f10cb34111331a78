/*
 * Paths from the catalog, and gates.
 *
 * gp_path_steps: every step id a path has had, as read from the catalog.
 * A step the path no longer has keeps its row with removed_at, so progress on
 * it is shown as "removed from the path on <date>" instead of vanishing.
 *
 * gp_gates: approval steps waiting for a person (the newcomer's manager or the
 * path's owner): who is asked and since when, the decision (a decline has a
 * reason) and when the approver was last reminded, so that across replicas a
 * reminder is sent once per period.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('gp_path_steps', table => {
    table.string('path_id', 100).notNullable();
    table.string('step_id', 100).notNullable();
    table.string('title', 200).notNullable();
    table.bigInteger('first_seen_at').notNullable();
    table.bigInteger('removed_at').nullable();
    table.primary(['path_id', 'step_id']);
  });
  await knex.schema.createTable('gp_gates', table => {
    table
      .string('journey_id', 36)
      .notNullable()
      .references('id')
      .inTable('gp_journeys')
      .onDelete('CASCADE');
    table.string('step_id', 100).notNullable();
    // manager | owner: the rule that chose the approver.
    table.string('approver_kind', 16).notNullable();
    table.string('approver_ref', 255).notNullable();
    table.bigInteger('requested_at').notNullable();
    // waiting | approved | declined
    table.string('status', 16).notNullable();
    table.text('reason').nullable();
    table.string('decided_by', 255).nullable();
    table.bigInteger('decided_at').nullable();
    table.bigInteger('reminded_at').nullable();
    table.integer('version').notNullable().defaultTo(1);
    table.primary(['journey_id', 'step_id']);
    table.index(['status', 'requested_at'], 'gp_gates_status_idx');
    table.index(['approver_ref', 'status'], 'gp_gates_approver_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('gp_gates');
  await knex.schema.dropTable('gp_path_steps');
};
