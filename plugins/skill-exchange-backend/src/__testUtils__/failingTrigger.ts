import type { Knex } from 'knex';
import type { Test } from 'supertest';
import { isPostgres } from '../database/postSearch';
import type { SkillExchangeTestBackend } from './startSkillExchangeBackend';

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

/**
 * Makes `event` on `table` fail, sends `request` (a 500, then), and expects
 * every row of `tables` as it was and the audit event `eventId` failed: the
 * change was all or nothing.
 */
export async function expectAllOrNothing(
  sx: SkillExchangeTestBackend,
  options: {
    tables: string[];
    fail: ['DELETE' | 'UPDATE', string];
    request: () => Test;
    eventId: string;
  },
) {
  const before = await snapshot(sx.knex, options.tables);
  const undo = await failEvery(sx.knex, ...options.fail);
  try {
    await options.request().expect(500);
  } finally {
    await undo();
  }
  expect(await snapshot(sx.knex, options.tables)).toEqual(before);
  expect(sx.audits.at(-1)).toMatchObject({
    eventId: options.eventId,
    outcome: 'fail',
  });
}
