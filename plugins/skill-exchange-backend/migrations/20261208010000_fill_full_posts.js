// @ts-check

/**
 * Embeds and mentorships keep to their places (headcount, capacity) from now
 * on. Before, accepts had no limit: an open post may already hold as many
 * accepted people as it has places, or more. Such posts become filled, as the
 * last accept would now make them (a new version, status changed now). Posts
 * with more people accepted than places keep them; their owners decide whom
 * to withdraw.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const now = new Date();
  await knex('posts')
    .where('status', 'open')
    .whereIn('kind', ['embed', 'mentorship'])
    .whereRaw(
      `(SELECT COUNT(*) FROM interests i WHERE i.post_id = posts.id AND i.status = 'accepted')
        >= COALESCE(posts.headcount, posts.capacity)`,
    )
    .update({
      status: 'filled',
      status_changed_at: now,
      updated_at: now,
      version: knex.raw('?? + 1', ['version']),
    });
};

/**
 * Data only: which posts were open before is not kept, and a filled post is
 * consistent under either version of the code (its owner may reopen it).
 *
 * @param {import('knex').Knex} _knex
 */
exports.down = async function down(_knex) {};
