// @ts-check

/**
 * Pairing sessions, the fourth kind of post: its length on `posts`, and the
 * slots it can take place in, one of which a person books.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('posts', table => {
    table
      .integer('duration_minutes')
      .nullable()
      .comment('Pairing sessions: 60 to 120 minutes');
  });
  await knex.schema.createTable('pairing_slots', table => {
    table.comment('The times a pairing session is offered; one gets booked');
    table.increments('id').primary();
    table
      .integer('post_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('posts')
      .onDelete('CASCADE');
    table.timestamp('starts_at', { useTz: true }).notNullable();
    table.timestamp('ends_at', { useTz: true }).notNullable();
    table
      .string('booked_by')
      .nullable()
      .comment('The user who booked the slot (user entity ref)');
    table.timestamp('booked_at', { useTz: true }).nullable();
    table.index(['post_id', 'starts_at'], 'pairing_slots_post_idx');
    table.index(['booked_by'], 'pairing_slots_booked_by_idx');
    table.index(['ends_at'], 'pairing_slots_ends_at_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.raw('DROP TABLE pairing_slots');
  // Native DROP COLUMN: knex would rebuild the SQLite table, and the
  // full-text triggers on posts would break.
  await knex.raw('ALTER TABLE posts DROP COLUMN duration_minutes');
};
