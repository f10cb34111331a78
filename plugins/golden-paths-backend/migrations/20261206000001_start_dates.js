/*
 * People's start dates, copied from the catalog (the User annotation
 * `onramp.dev/start-date`) so that onboarding metrics count from day one in
 * SQL and evidence from before a person joined is ignored in the same
 * transaction that applies evidence. A person without the annotation has no
 * row: metrics count from their first journey start and say so.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('gp_people', table => {
    table.string('user_entity_ref', 255).primary();
    // The annotation as written (ISO date) and its start, 00:00 UTC, in epoch ms.
    table.string('start_date', 10).notNullable();
    table.bigInteger('start_at').notNullable();
    table.bigInteger('synced_at').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('gp_people');
};
