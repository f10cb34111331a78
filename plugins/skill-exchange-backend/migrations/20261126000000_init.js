// @ts-check

/**
 * The Skill Exchange schema: a skills taxonomy with aliases, skill profiles,
 * posts (embeds, hacks and mentorships in one table, typed columns per kind),
 * hack events, and the ways people take part (interest, membership, follow, save).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('skills', table => {
    table.comment('The skills taxonomy');
    table.increments('id').primary();
    table.string('name', 60).notNullable();
    table.string('name_lower', 60).notNullable().unique();
    table.string('category', 20).notNullable();
    table.text('description').notNullable().defaultTo('');
  });

  await knex.schema.createTable('skill_aliases', table => {
    table.comment('Other names a skill is found by (case-insensitive)');
    table.string('alias_lower', 60).primary();
    table
      .integer('skill_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('skills')
      .onDelete('CASCADE');
    table.index(['skill_id'], 'skill_aliases_skill_idx');
  });

  await knex.schema.createTable('hack_events', table => {
    table.increments('id').primary();
    table.string('name', 120).notNullable();
    table.text('description').notNullable().defaultTo('');
    table.string('starts_on', 10).notNullable();
    table.string('ends_on', 10).notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('posts', table => {
    table.comment('Embeds, hacks and mentorships');
    table.increments('id').primary();
    table.string('kind', 12).notNullable();
    table.string('title', 120).notNullable();
    table.string('title_lower', 120).notNullable();
    table.text('description').notNullable().defaultTo('');
    table.string('status', 12).notNullable().defaultTo('open');
    table.string('owner', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.timestamp('status_changed_at', { useTz: true }).notNullable();
    table.integer('version').notNullable().defaultTo(1);
    // embed
    table.string('team', 255).nullable();
    table.integer('level').nullable();
    table.string('start', 10).nullable();
    table.integer('duration_weeks').nullable();
    table.string('location', 12).nullable();
    table.string('office', 80).nullable();
    table.integer('headcount').nullable();
    // hack
    table.string('stage', 12).nullable();
    table
      .integer('event_id')
      .unsigned()
      .nullable()
      .references('id')
      .inTable('hack_events')
      .onDelete('SET NULL');
    table.integer('member_count').notNullable().defaultTo(0);
    // mentorship
    table.string('mode', 10).nullable();
    table.integer('capacity').nullable();

    table.index(
      ['kind', 'status', 'created_at'],
      'posts_kind_status_created_idx',
    );
    table.index(['owner'], 'posts_owner_idx');
    table.index(['team'], 'posts_team_idx');
    table.index(['event_id'], 'posts_event_idx');
    table.index(['kind', 'stage'], 'posts_kind_stage_idx');
    table.index(['updated_at'], 'posts_updated_idx');
  });

  await knex.schema.createTable('post_skills', table => {
    table
      .integer('post_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('posts')
      .onDelete('CASCADE');
    table
      .integer('skill_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('skills')
      .onDelete('CASCADE');
    table.primary(['post_id', 'skill_id']);
    table.index(['skill_id', 'post_id'], 'post_skills_skill_idx');
  });

  await knex.schema.createTable('profiles', table => {
    table.comment('Skill profiles, one per catalog user');
    table.string('user_ref', 255).primary();
    table.string('team', 255).nullable();
    table.text('bio').notNullable().defaultTo('');
    table.string('contact', 200).notNullable().defaultTo('');
    table.boolean('open_to_embeds').notNullable().defaultTo(false);
    table.boolean('open_to_mentoring').notNullable().defaultTo(false);
    table.boolean('open_to_hacks').notNullable().defaultTo(false);
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.integer('version').notNullable().defaultTo(1);
    table.index(['team'], 'profiles_team_idx');
  });

  await knex.schema.createTable('profile_skills', table => {
    table
      .string('user_ref', 255)
      .notNullable()
      .references('user_ref')
      .inTable('profiles')
      .onDelete('CASCADE');
    table
      .integer('skill_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('skills')
      .onDelete('CASCADE');
    /** 1-5; null for a learning goal the person has no level in yet */
    table.integer('level').nullable();
    table.boolean('can_help').notNullable().defaultTo(false);
    table.boolean('learning').notNullable().defaultTo(false);
    table.primary(['user_ref', 'skill_id']);
    table.index(['skill_id', 'level'], 'profile_skills_skill_level_idx');
  });

  await knex.schema.createTable('interests', table => {
    table.comment('Interest in an embed or mentorship, answered by its owner');
    table.increments('id').primary();
    table
      .integer('post_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('posts')
      .onDelete('CASCADE');
    table.string('user_ref', 255).notNullable();
    table.text('message').notNullable().defaultTo('');
    table.string('status', 12).notNullable().defaultTo('pending');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.unique(['post_id', 'user_ref'], {
      indexName: 'interests_post_user_uniq',
    });
    table.index(['user_ref'], 'interests_user_idx');
    table.index(['status', 'created_at'], 'interests_status_created_idx');
  });

  for (const name of ['memberships', 'follows', 'saves']) {
    await knex.schema.createTable(name, table => {
      table
        .integer('post_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('posts')
        .onDelete('CASCADE');
      table.string('user_ref', 255).notNullable();
      table.timestamp('created_at', { useTz: true }).notNullable();
      table.primary(['post_id', 'user_ref']);
      table.index(['user_ref', 'post_id'], `${name}_user_idx`);
    });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const name of [
    'saves',
    'follows',
    'memberships',
    'interests',
    'profile_skills',
    'profiles',
    'post_skills',
    'posts',
    'hack_events',
    'skill_aliases',
    'skills',
  ]) {
    await knex.schema.dropTable(name);
  }
};
