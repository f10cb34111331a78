// @ts-check

/**
 * Full-text search of posts, each database its own way.
 *
 * `posts.skill_text` holds the names and aliases of the post's skills, kept in
 * step by triggers on post_skills, skills and skill_aliases (so a rename, a
 * merge or a new alias reaches every post without application code).
 *
 * PostgreSQL: a generated `search_vector` (title and skills weighted A and B,
 * description C) with a GIN index, queried with websearch_to_tsquery and
 * ranked with ts_rank. SQLite: an FTS5 external-content table `posts_fts`
 * over posts (title, skill_text, description), kept in step by triggers on
 * posts and ranked with bm25. The trigram indexes of the LIKE filter go.
 */

const PG_FUNCTIONS = [
  'skill_exchange_alias_changed()',
  'skill_exchange_skill_renamed()',
  'skill_exchange_refresh_skill(integer)',
  'skill_exchange_post_skills_inserted()',
  'skill_exchange_post_skills_deleted()',
  'skill_exchange_skill_text(integer)',
];

/** @type {Array<[string, string]>} */
const PG_TRIGGERS = [
  ['post_skills_text_insert', 'post_skills'],
  ['post_skills_text_delete', 'post_skills'],
  ['post_skills_text_update_old', 'post_skills'],
  ['post_skills_text_update_new', 'post_skills'],
  ['skills_text_rename', 'skills'],
  ['skill_aliases_text_insert', 'skill_aliases'],
  ['skill_aliases_text_delete', 'skill_aliases'],
  ['skill_aliases_text_update', 'skill_aliases'],
];

/** @param {import('knex').Knex} knex */
async function upPostgres(knex) {
  await knex.raw('DROP INDEX IF EXISTS posts_description_trgm_idx');
  await knex.raw('DROP INDEX IF EXISTS posts_title_trgm_idx');
  await knex.raw(`
    CREATE FUNCTION skill_exchange_skill_text(post integer) RETURNS text
    LANGUAGE sql STABLE AS $$
      SELECT COALESCE(string_agg(t, ' '), '') FROM (
        SELECT s.name AS t FROM post_skills ps
          JOIN skills s ON s.id = ps.skill_id WHERE ps.post_id = post
        UNION ALL
        SELECT a.alias_lower FROM post_skills ps
          JOIN skill_aliases a ON a.skill_id = ps.skill_id WHERE ps.post_id = post
      ) names
    $$`);
  // Statement-level triggers: a post with five skills is rewritten once.
  for (const [name, rows] of [
    ['inserted', 'new_rows'],
    ['deleted', 'old_rows'],
  ]) {
    await knex.raw(`
      CREATE FUNCTION skill_exchange_post_skills_${name}() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE posts SET skill_text = skill_exchange_skill_text(posts.id)
        WHERE posts.id IN (SELECT DISTINCT post_id FROM ${rows});
        RETURN NULL;
      END $$`);
  }
  await knex.raw(`
    CREATE FUNCTION skill_exchange_refresh_skill(skill integer) RETURNS void
    LANGUAGE sql AS $$
      UPDATE posts SET skill_text = skill_exchange_skill_text(posts.id)
      WHERE posts.id IN (SELECT post_id FROM post_skills WHERE skill_id = skill)
    $$`);
  await knex.raw(`
    CREATE FUNCTION skill_exchange_skill_renamed() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM skill_exchange_refresh_skill(NEW.id);
      RETURN NULL;
    END $$`);
  await knex.raw(`
    CREATE FUNCTION skill_exchange_alias_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('DELETE', 'UPDATE') THEN
        PERFORM skill_exchange_refresh_skill(OLD.skill_id);
      END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM skill_exchange_refresh_skill(NEW.skill_id);
      END IF;
      RETURN NULL;
    END $$`);
  const statement = (
    /** @type {string} */ trigger,
    /** @type {string} */ event,
    /** @type {string} */ transition,
    /** @type {string} */ fn,
  ) =>
    knex.raw(`CREATE TRIGGER ${trigger} AFTER ${event} ON post_skills
      REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
  await statement(
    'post_skills_text_insert',
    'INSERT',
    'NEW TABLE AS new_rows',
    'skill_exchange_post_skills_inserted',
  );
  await statement(
    'post_skills_text_delete',
    'DELETE',
    'OLD TABLE AS old_rows',
    'skill_exchange_post_skills_deleted',
  );
  await statement(
    'post_skills_text_update_old',
    'UPDATE',
    'OLD TABLE AS old_rows',
    'skill_exchange_post_skills_deleted',
  );
  await statement(
    'post_skills_text_update_new',
    'UPDATE',
    'NEW TABLE AS new_rows',
    'skill_exchange_post_skills_inserted',
  );
  await knex.raw(`CREATE TRIGGER skills_text_rename AFTER UPDATE OF name ON skills
    FOR EACH ROW EXECUTE FUNCTION skill_exchange_skill_renamed()`);
  for (const event of ['INSERT', 'DELETE', 'UPDATE']) {
    await knex.raw(`CREATE TRIGGER skill_aliases_text_${event.toLowerCase()}
      AFTER ${event} ON skill_aliases
      FOR EACH ROW EXECUTE FUNCTION skill_exchange_alias_changed()`);
  }
  await knex.raw(
    'UPDATE posts SET skill_text = skill_exchange_skill_text(posts.id)',
  );
  await knex.raw(`
    ALTER TABLE posts ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('english'::regconfig, title), 'A') ||
      setweight(to_tsvector('english'::regconfig, skill_text), 'B') ||
      setweight(to_tsvector('english'::regconfig, description), 'C')
    ) STORED`);
  await knex.raw(
    'CREATE INDEX posts_search_vector_idx ON posts USING gin (search_vector)',
  );
}

/** The names and aliases of the skills of post `post` (an SQL expression). */
const sqliteSkillText = (/** @type {string} */ post) => `(
  SELECT COALESCE(group_concat(t, ' '), '') FROM (
    SELECT s.name AS t FROM post_skills ps
      JOIN skills s ON s.id = ps.skill_id WHERE ps.post_id = ${post}
    UNION ALL
    SELECT a.alias_lower FROM post_skills ps
      JOIN skill_aliases a ON a.skill_id = ps.skill_id WHERE ps.post_id = ${post}
  ))`;

/** Posts of skill `skill` get their skill_text again. */
const sqliteRefreshSkill = (/** @type {string} */ skill) => `
  UPDATE posts SET skill_text = ${sqliteSkillText('posts.id')}
  WHERE id IN (SELECT post_id FROM post_skills WHERE skill_id = ${skill});`;

const FTS_INSERT = `INSERT INTO posts_fts (rowid, title, skill_text, description)
  VALUES (new.id, new.title, new.skill_text, new.description);`;
const FTS_DELETE = `INSERT INTO posts_fts (posts_fts, rowid, title, skill_text, description)
  VALUES ('delete', old.id, old.title, old.skill_text, old.description);`;

/** @type {Array<[string, string, string]>} name, event, body */
const SQLITE_TRIGGERS = [
  ['posts_fts_insert', 'AFTER INSERT ON posts', FTS_INSERT],
  ['posts_fts_delete', 'AFTER DELETE ON posts', FTS_DELETE],
  [
    'posts_fts_update',
    'AFTER UPDATE OF title, description, skill_text ON posts',
    FTS_DELETE + FTS_INSERT,
  ],
  [
    'post_skills_text_insert',
    'AFTER INSERT ON post_skills',
    `UPDATE posts SET skill_text = ${sqliteSkillText(
      'new.post_id',
    )} WHERE id = new.post_id;`,
  ],
  [
    'post_skills_text_delete',
    'AFTER DELETE ON post_skills',
    `UPDATE posts SET skill_text = ${sqliteSkillText(
      'old.post_id',
    )} WHERE id = old.post_id;`,
  ],
  [
    'post_skills_text_update',
    'AFTER UPDATE ON post_skills',
    `UPDATE posts SET skill_text = ${sqliteSkillText('posts.id')}
      WHERE id IN (old.post_id, new.post_id);`,
  ],
  [
    'skills_text_rename',
    'AFTER UPDATE OF name ON skills',
    sqliteRefreshSkill('new.id'),
  ],
  [
    'skill_aliases_text_insert',
    'AFTER INSERT ON skill_aliases',
    sqliteRefreshSkill('new.skill_id'),
  ],
  [
    'skill_aliases_text_delete',
    'AFTER DELETE ON skill_aliases',
    sqliteRefreshSkill('old.skill_id'),
  ],
  [
    'skill_aliases_text_update',
    'AFTER UPDATE ON skill_aliases',
    sqliteRefreshSkill('old.skill_id') + sqliteRefreshSkill('new.skill_id'),
  ],
];

/** @param {import('knex').Knex} knex */
async function upSqlite(knex) {
  await knex.raw(`CREATE VIRTUAL TABLE posts_fts USING fts5(
    title, skill_text, description,
    content='posts', content_rowid='id', tokenize='porter unicode61')`);
  // Existing posts first, then the triggers (an external-content 'delete'
  // of a row the index never had would corrupt it).
  await knex.raw(
    `UPDATE posts SET skill_text = ${sqliteSkillText('posts.id')}`,
  );
  await knex.raw(`INSERT INTO posts_fts (posts_fts) VALUES ('rebuild')`);
  for (const [name, event, body] of SQLITE_TRIGGERS) {
    await knex.raw(`CREATE TRIGGER ${name} ${event} BEGIN ${body} END`);
  }
}

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('posts', table => {
    table.text('skill_text').notNullable().defaultTo('');
  });
  if (knex.client.config.client === 'pg') {
    await upPostgres(knex);
  } else {
    await upSqlite(knex);
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (knex.client.config.client === 'pg') {
    for (const [trigger, table] of PG_TRIGGERS) {
      await knex.raw(`DROP TRIGGER IF EXISTS ${trigger} ON ${table}`);
    }
    for (const fn of PG_FUNCTIONS) {
      await knex.raw(`DROP FUNCTION IF EXISTS ${fn}`);
    }
    await knex.raw('DROP INDEX IF EXISTS posts_search_vector_idx');
    await knex.raw('ALTER TABLE posts DROP COLUMN IF EXISTS search_vector');
  } else {
    for (const [trigger] of SQLITE_TRIGGERS) {
      await knex.raw(`DROP TRIGGER IF EXISTS ${trigger}`);
    }
    await knex.raw('DROP TABLE IF EXISTS posts_fts');
  }
  // Native DROP COLUMN: knex would rebuild the SQLite table (and cascade).
  await knex.raw('ALTER TABLE posts DROP COLUMN skill_text');
  // The LIKE filter of the previous migration gets its trigram indexes back.
  await require('./20261126020000_text_search_indexes').up(knex);
};
