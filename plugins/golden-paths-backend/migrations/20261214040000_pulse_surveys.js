/*
 * Pulse surveys: at day 7, 30, 60 and 90 after a person's start date they
 * are asked "How onboarded do you feel?" and "How productive do you feel?"
 * (1 to 5 each, an optional comment).
 *
 * gp_pulse_asks: one row per (person, day), claimed with an insert that
 * ignores conflicts before the notification goes out, so two replicas never
 * ask twice. gp_pulse_answers: the person's answer to an ask (the foreign key
 * makes an answer without its ask impossible), changed in place by its
 * person; the scores are checked to be 1 to 5 by the database.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('gp_pulse_asks', table => {
    table.string('user_entity_ref', 255).notNullable();
    table.integer('day').notNullable();
    // When the day arrived (start date + day, 00:00 UTC) and when the ask went out.
    table.bigInteger('due_at').notNullable();
    table.bigInteger('asked_at').notNullable();
    table.primary(['user_entity_ref', 'day']);
  });
  await knex.schema.createTable('gp_pulse_answers', table => {
    table.string('user_entity_ref', 255).notNullable();
    table.integer('day').notNullable();
    table.integer('onboarded').notNullable().checkBetween([1, 5]);
    table.integer('productive').notNullable().checkBetween([1, 5]);
    table.text('comment').nullable();
    table.bigInteger('answered_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.integer('version').notNullable().defaultTo(1);
    table.primary(['user_entity_ref', 'day']);
    table
      .foreign(['user_entity_ref', 'day'])
      .references(['user_entity_ref', 'day'])
      .inTable('gp_pulse_asks')
      .onDelete('CASCADE');
    // Insights group the answers by day.
    table.index(['day'], 'gp_pulse_answers_day_idx');
  });
  // The scheduled ask finds the people whose day arrived by their start.
  await knex.schema.alterTable('gp_people', table => {
    table.index(['start_at'], 'gp_people_start_at_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('gp_people', table => {
    table.dropIndex(['start_at'], 'gp_people_start_at_idx');
  });
  await knex.schema.dropTable('gp_pulse_answers');
  await knex.schema.dropTable('gp_pulse_asks');
};
