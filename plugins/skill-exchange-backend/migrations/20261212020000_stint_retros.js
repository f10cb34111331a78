// @ts-check

/**
 * Retros after a stint: when an embed, mentorship, hack (or pairing session)
 * is over, each person on it writes one retro: the skills they practised,
 * how useful it was (1 to 5) and an optional comment. `retro_asks` records
 * whom the scheduled job already asked, so nobody is asked twice, even with
 * several replicas.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('retros', table => {
    table.comment('One retro per person and stint (post)');
    table.increments('id').primary();
    table
      .integer('post_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('posts')
      .onDelete('CASCADE');
    table.string('user_ref', 255).notNullable().comment('User entity ref');
    table.string('kind', 12).notNullable().comment("The post's kind");
    table.integer('usefulness').notNullable().comment('1 (not) to 5 (very)');
    table.text('comment').notNullable().defaultTo('');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.unique(['post_id', 'user_ref'], {
      indexName: 'retros_post_user_uniq',
    });
    table.index(['user_ref'], 'retros_user_idx');
    table.index(['kind'], 'retros_kind_idx');
  });

  await knex.schema.createTable('retro_skills', table => {
    table.comment('The skills a retro says were practised');
    table
      .integer('retro_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('retros')
      .onDelete('CASCADE');
    table
      .integer('skill_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('skills')
      .onDelete('CASCADE');
    table.primary(['retro_id', 'skill_id']);
    table.index(['skill_id'], 'retro_skills_skill_idx');
  });

  await knex.schema.createTable('retro_asks', table => {
    table.comment('Who was asked for the retro of which stint');
    table
      .integer('post_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('posts')
      .onDelete('CASCADE');
    table.string('user_ref', 255).notNullable();
    table.timestamp('asked_at', { useTz: true }).notNullable();
    table.primary(['post_id', 'user_ref']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.raw('DROP TABLE retro_asks');
  await knex.raw('DROP TABLE retro_skills');
  await knex.raw('DROP TABLE retros');
};
