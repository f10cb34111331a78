// @ts-check

/**
 * Hack events get organisers (who may edit them besides their creator) and a
 * version column for optimistic concurrency, like posts and profiles.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('hack_events', table => {
    table.text('organisers').notNullable().defaultTo('[]');
    table.integer('version').notNullable().defaultTo(1);
    table.index(['starts_on'], 'hack_events_starts_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('hack_events', table => {
    table.dropIndex(['starts_on'], 'hack_events_starts_idx');
    table.dropColumn('organisers');
    table.dropColumn('version');
  });
};
