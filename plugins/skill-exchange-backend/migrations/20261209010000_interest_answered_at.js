// @ts-check

/**
 * When the owner answered an interest (accepted or declined it), so a post can
 * say how soon its owner usually answers. Interests answered before this
 * column existed take their last change as the answer.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('interests', table => {
    table
      .timestamp('answered_at', { useTz: true })
      .nullable()
      .comment('When the post owner first accepted or declined it');
  });
  await knex('interests')
    .whereIn('status', ['accepted', 'declined'])
    .update({ answered_at: knex.ref('updated_at') });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('interests', table => {
    table.dropColumn('answered_at');
  });
};
