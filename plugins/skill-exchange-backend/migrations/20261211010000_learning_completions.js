// @ts-check

/**
 * Learning resources a person marked done: one row per person and resource
 * (the resource ids of `skillExchange.learning.resources`).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('learning_completions', table => {
    table.comment('Learning resources a person marked done');
    table.string('user_ref').notNullable().comment('User entity ref');
    table
      .string('resource_id', 100)
      .notNullable()
      .comment('An id of skillExchange.learning.resources');
    table.timestamp('completed_at', { useTz: true }).notNullable();
    table.unique(['user_ref', 'resource_id'], {
      indexName: 'learning_completions_user_resource_uniq',
    });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.raw('DROP TABLE learning_completions');
};
