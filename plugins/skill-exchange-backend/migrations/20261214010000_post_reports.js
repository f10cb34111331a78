// @ts-check

/**
 * The moderation queue: reports of posts (one open report per person and
 * post, by a partial unique key), and posts a moderator hid
 * (`posts.hidden_at`: hidden posts leave lists, matching and search).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('post_reports', table => {
    table.comment('Posts reported to the moderators, and how it ended');
    table.increments('id').primary();
    table
      .integer('post_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('posts')
      .onDelete('CASCADE');
    table.string('reporter', 255).notNullable().comment('User entity ref');
    table.string('reason', 20).notNullable().comment('spam, offensive, other');
    table.text('comment').notNullable().defaultTo('');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('resolved_at', { useTz: true }).nullable();
    table.string('resolved_by', 255).nullable();
    table.string('resolution', 10).nullable().comment('dismiss or hide');
    table.text('note').notNullable().defaultTo('');
    table.index(['post_id', 'created_at'], 'post_reports_post_idx');
    table.index(['resolved_at', 'created_at'], 'post_reports_resolved_idx');
  });
  // Partial unique index: same syntax on PostgreSQL and SQLite.
  await knex.raw(
    'CREATE UNIQUE INDEX post_reports_open_uniq ON post_reports (post_id, reporter) WHERE resolved_at IS NULL',
  );
  // ADD COLUMN is native on both engines (no SQLite table rebuild).
  await knex.schema.alterTable('posts', table => {
    table
      .timestamp('hidden_at', { useTz: true })
      .nullable()
      .comment('When a moderator hid it; hidden posts are listed nowhere');
  });
};

/**
 * Native statements: knex's SQLite table rebuild would drop the full-text
 * triggers on `posts`.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.raw('ALTER TABLE posts DROP COLUMN hidden_at');
  await knex.raw('DROP TABLE post_reports');
};
