// @ts-check

/**
 * Hacks say where people hack on them (`posts.location`, the column embeds
 * already use) and what they are about (`posts.hack_category`), both
 * optional; the Hacks tab filters on them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('posts', table => {
    table.string('hack_category', 24).nullable();
    table.index(['kind', 'hack_category'], 'posts_kind_hack_category_idx');
    table.index(['kind', 'location'], 'posts_kind_location_idx');
  });
};

/**
 * Native statements: knex's SQLite table rebuild would drop the full-text
 * triggers on `posts`.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.raw('DROP INDEX posts_kind_location_idx');
  await knex.raw('DROP INDEX posts_kind_hack_category_idx');
  await knex.raw('ALTER TABLE posts DROP COLUMN hack_category');
};
