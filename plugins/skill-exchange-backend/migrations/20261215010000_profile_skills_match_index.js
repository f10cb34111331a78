// @ts-check

/**
 * "People for a post" sums each person's level and learning goals over the
 * skills of the post (peopleForPost.ts). This index holds all it reads of
 * `profile_skills` for a skill, so both databases answer from the index
 * alone (PostgreSQL: Index Only Scan; SQLite: USING COVERING INDEX) instead
 * of reading every row of the table.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('profile_skills', table => {
    table.index(
      ['skill_id', 'user_ref', 'level', 'learning'],
      'profile_skills_match_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('profile_skills', table => {
    table.dropIndex([], 'profile_skills_match_idx');
  });
};
