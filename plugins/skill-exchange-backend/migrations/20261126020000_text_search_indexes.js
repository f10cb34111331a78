// @ts-check

/**
 * PostgreSQL: trigram indexes for the text filter of GET /posts
 * (`title_lower LIKE '%q%' OR LOWER(description) LIKE '%q%'`), so it does
 * not scan every post. Needs the pg_trgm extension: it is used when already
 * installed, and installed when this database user may (a superuser, or
 * PostgreSQL 13+ where pg_trgm is a trusted extension and the user may
 * create in the database). Otherwise, and on SQLite, the filter works
 * without these indexes.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') return;
  const {
    rows: [state],
  } = await knex.raw(`
    SELECT
      EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS installed,
      EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') AS available,
      (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
      has_database_privilege(current_user, current_database(), 'CREATE') AS can_create,
      current_setting('server_version_num')::int AS version
  `);
  if (!state.installed) {
    const allowed =
      state.available &&
      (state.superuser || (state.can_create && state.version >= 130000));
    if (!allowed) return;
    await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  }
  await knex.raw(
    'CREATE INDEX IF NOT EXISTS posts_title_trgm_idx ON posts USING gin (title_lower gin_trgm_ops)',
  );
  await knex.raw(
    'CREATE INDEX IF NOT EXISTS posts_description_trgm_idx ON posts USING gin ((LOWER(description)) gin_trgm_ops)',
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') return;
  // The extension stays: other plugins may use it.
  await knex.raw('DROP INDEX IF EXISTS posts_description_trgm_idx');
  await knex.raw('DROP INDEX IF EXISTS posts_title_trgm_idx');
};
