/*
 * Bootcamps and managers.
 *
 * gp_cohorts gains the path its members walk, an end date and the catalog
 * group it was made from (members are resolved once, when it is created).
 *
 * gp_nudges: a nudge from a cohort's board to one of its members. The primary
 * key (person, UTC day) makes "at most one nudge a day" a database rule: a
 * second insert on the same day conflicts, on every replica.
 *
 * gp_person_settings: what a person chooses on their own Golden Paths page;
 * share_skill_exchange (default off) lets their managers link to their Skill
 * Exchange profile and activity.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('gp_cohorts', table => {
    table.string('path_id', 100).nullable();
    table.string('end_date', 10).nullable();
    table.string('group_ref', 255).nullable();
  });
  await knex.schema.createTable('gp_nudges', table => {
    table.string('user_entity_ref', 255).notNullable();
    // YYYY-MM-DD (UTC) of sent_at.
    table.string('day', 10).notNullable();
    table
      .string('cohort_id', 100)
      .notNullable()
      .references('id')
      .inTable('gp_cohorts')
      .onDelete('CASCADE');
    table.string('sent_by', 255).notNullable();
    table.bigInteger('sent_at').notNullable();
    table.primary(['user_entity_ref', 'day']);
    table.index(['cohort_id', 'day'], 'gp_nudges_cohort_idx');
  });
  await knex.schema.createTable('gp_person_settings', table => {
    table.string('user_entity_ref', 255).primary();
    table.boolean('share_skill_exchange').notNullable().defaultTo(false);
    table.bigInteger('updated_at').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('gp_person_settings');
  await knex.schema.dropTable('gp_nudges');
  const columns = ['group_ref', 'end_date', 'path_id'];
  if (knex.client.config.client.includes('sqlite')) {
    // SQLite's own DROP COLUMN (3.35+): knex's dropColumn rebuilds the table,
    // and dropping the old gp_cohorts would cascade to its members.
    for (const column of columns) {
      await knex.raw('ALTER TABLE ?? DROP COLUMN ??', ['gp_cohorts', column]);
    }
    return;
  }
  await knex.schema.alterTable('gp_cohorts', table => {
    for (const column of columns) table.dropColumn(column);
  });
};
