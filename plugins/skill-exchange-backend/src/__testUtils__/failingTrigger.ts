import type { Knex } from 'knex';
import { isPostgres } from '../database/postSearch';

/**
 * Makes every `event` (DELETE or UPDATE) on `table` fail inside the
 * database, so a test can see that a change made of many statements is all
 * or nothing. Returns the undo.
 */
export async function failEvery(
  knex: Knex,
  event: 'DELETE' | 'UPDATE',
  table: string,
): Promise<() => Promise<void>> {
  const name = `test_fail_${event.toLowerCase()}_${table}`;
  if (isPostgres(knex)) {
    await knex.raw(
      `CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'failed on purpose'; END $$ LANGUAGE plpgsql`,
    );
    await knex.raw(
      `CREATE TRIGGER ${name} BEFORE ${event} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`,
    );
    return async () => {
      await knex.raw(`DROP TRIGGER ${name} ON ${table}`);
      await knex.raw(`DROP FUNCTION ${name}()`);
    };
  }
  await knex.raw(
    `CREATE TRIGGER ${name} BEFORE ${event} ON ${table} BEGIN SELECT RAISE(ABORT, 'failed on purpose'); END`,
  );
  return async () => {
    await knex.raw(`DROP TRIGGER ${name}`);
  };
}

/** Every row of `tables`, in a stable order, to compare before and after. */
export async function snapshot(knex: Knex, tables: string[]) {
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) {
    rows[table] = await knex(table).select('*').orderByRaw('1, 2');
  }
  return rows;
}
