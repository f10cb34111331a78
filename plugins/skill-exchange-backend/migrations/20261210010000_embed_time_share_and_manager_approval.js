// @ts-check

/**
 * An embed's share of the working week (existing embeds: full time), and the
 * applicant's manager's answer on an interest, asked for by the applicant
 * (confidential until then).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('posts', table => {
    table
      .integer('time_share_percent')
      .nullable()
      .comment('Embeds: share of the working week, 10 to 100 percent');
  });
  await knex('posts')
    .where('kind', 'embed')
    .update({ time_share_percent: 100 });
  await knex.schema.alterTable('interests', table => {
    table
      .string('approval_status', 16)
      .nullable()
      .comment('requested, approved or declined: the manager answer asked for');
    table
      .string('approval_manager')
      .nullable()
      .comment('The manager asked (user entity ref)');
    table.timestamp('approval_requested_at', { useTz: true }).nullable();
    table.timestamp('approval_answered_at', { useTz: true }).nullable();
    table.text('approval_reason').nullable();
    table.index(['approval_manager'], 'interests_approval_manager_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('interests', table => {
    table.dropIndex(['approval_manager'], 'interests_approval_manager_idx');
    table.dropColumn('approval_status');
    table.dropColumn('approval_manager');
    table.dropColumn('approval_requested_at');
    table.dropColumn('approval_answered_at');
    table.dropColumn('approval_reason');
  });
  // Native DROP COLUMN: knex would rebuild the SQLite table, and the
  // full-text triggers on posts would break.
  await knex.raw('ALTER TABLE posts DROP COLUMN time_share_percent');
};
