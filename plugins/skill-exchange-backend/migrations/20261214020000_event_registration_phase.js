// @ts-check

/**
 * Hack events get a registration window (`registration_opens_on`, null for
 * "open since it was created"; `registration_closes_on`, the event's last
 * day for the events there are) and a phase: planning, hacking, results.
 * Hacks record their result in the results phase: a demo link and a
 * summary (`posts.demo_url`, `posts.result_summary`).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('hack_events', table => {
    table.string('registration_opens_on', 10).nullable();
    table.string('registration_closes_on', 10).nullable();
    table.string('phase', 10).notNullable().defaultTo('planning');
  });
  await knex('hack_events').update({
    registration_closes_on: knex.ref('ends_on'),
  });
  await knex.schema.alterTable('posts', table => {
    table.string('demo_url', 500).nullable();
    table.text('result_summary').nullable();
  });
};

/**
 * Native statements: knex's SQLite table rebuild would drop the full-text
 * triggers on `posts`.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.raw('ALTER TABLE posts DROP COLUMN result_summary');
  await knex.raw('ALTER TABLE posts DROP COLUMN demo_url');
  await knex.raw('ALTER TABLE hack_events DROP COLUMN phase');
  await knex.raw('ALTER TABLE hack_events DROP COLUMN registration_closes_on');
  await knex.raw('ALTER TABLE hack_events DROP COLUMN registration_opens_on');
};
