/*
 * Onboarding buddies.
 *
 * gp_journey_buddies: the people suggested as a journey's buddy (from the
 * Skill Exchange), one row per (journey, person): suggested, then confirmed
 * by the newcomer or their manager, or declined (and another suggested).
 * A journey has at most one suggested-or-confirmed buddy at a time; how many
 * people one buddy has confirmed is counted by (buddy_ref, status).
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('gp_journey_buddies', table => {
    table
      .string('journey_id', 36)
      .notNullable()
      .references('id')
      .inTable('gp_journeys')
      .onDelete('CASCADE');
    table.string('buddy_ref', 255).notNullable();
    // suggested | confirmed | declined
    table.string('status', 16).notNullable();
    // Why this person, in one line (from the Skill Exchange).
    table.text('reason').notNullable();
    table.bigInteger('suggested_at').notNullable();
    table.string('confirmed_by', 255).nullable();
    table.string('declined_by', 255).nullable();
    table.bigInteger('decided_at').nullable();
    table.primary(['journey_id', 'buddy_ref']);
    table.index(['buddy_ref', 'status'], 'gp_journey_buddies_buddy_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('gp_journey_buddies');
};
