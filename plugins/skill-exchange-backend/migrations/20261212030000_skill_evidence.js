// @ts-check

/**
 * Skills backed by evidence: what supports each skill of a person (refreshed
 * by the evidence task, one row per person, skill and kind of evidence), the
 * suggestions a person rejected ("not me"), and whether others may see a
 * person's evidence (`profiles.share_evidence`, default off).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('skill_evidence', table => {
    table.comment('What supports a skill of a person, by kind of evidence');
    table.string('user_ref', 255).notNullable().comment('User entity ref');
    table
      .integer('skill_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('skills')
      .onDelete('CASCADE');
    table
      .string('kind', 40)
      .notNullable()
      .comment('pull_requests, embeds_completed, mentorships_completed, ...');
    table.integer('count').notNullable().comment('How many pieces');
    table
      .integer('places')
      .notNullable()
      .defaultTo(0)
      .comment('In how many places (repositories) they are');
    table.timestamp('latest_at', { useTz: true }).nullable();
    table.timestamp('refreshed_at', { useTz: true }).notNullable();
    table.primary(['user_ref', 'skill_id', 'kind']);
    table.index(['skill_id', 'user_ref'], 'skill_evidence_skill_idx');
  });
  await knex.schema.createTable('skill_suggestion_rejections', table => {
    table.comment('Suggested skills a person said were not theirs');
    table.string('user_ref', 255).notNullable().comment('User entity ref');
    table
      .integer('skill_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('skills')
      .onDelete('CASCADE');
    table.timestamp('rejected_at', { useTz: true }).notNullable();
    table.primary(['user_ref', 'skill_id']);
  });
  // ADD COLUMN is native on both engines (no SQLite table rebuild).
  await knex.schema.alterTable('profiles', table => {
    table
      .boolean('share_evidence')
      .notNullable()
      .defaultTo(false)
      .comment('Others see the evidence behind the skills');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  // Native DROP COLUMN: knex's SQLite rebuild would break posts' triggers.
  await knex.raw('ALTER TABLE profiles DROP COLUMN share_evidence');
  await knex.raw('DROP TABLE skill_suggestion_rejections');
  await knex.raw('DROP TABLE skill_evidence');
};
