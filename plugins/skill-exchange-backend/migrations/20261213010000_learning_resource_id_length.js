// @ts-check

/**
 * Learning resources also come from the catalog, with entity refs as ids
 * (`kind:namespace/name`, up to 191 characters): `resource_id` grows from
 * 100 to 255. Only PostgreSQL enforces the length; SQLite keeps its table
 * (no rebuild, which would break the full-text triggers on `posts`).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw(
    'ALTER TABLE learning_completions ALTER COLUMN resource_id TYPE varchar(255)',
  );
};

/**
 * Back to 100: completions of ids longer than that cannot stay.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex('learning_completions')
    .whereRaw('length(resource_id) > 100')
    .delete();
  await knex.raw(
    'ALTER TABLE learning_completions ALTER COLUMN resource_id TYPE varchar(100)',
  );
};
