import { createHash } from 'node:crypto';
import type { Knex } from 'knex';

/** The tables of the database `knex` points at (SQLite or PostgreSQL). */
export async function listTables(knex: Knex): Promise<string[]> {
  const client = String(knex.client.config.client);
  if (/pg|postgres/.test(client)) {
    const rows = await knex
      .select('tablename')
      .from('pg_catalog.pg_tables')
      .whereRaw('schemaname = current_schema()');
    return rows.map((r: { tablename: string }) => r.tablename).sort();
  }
  if (/sqlite/.test(client)) {
    const rows = await knex
      .select('name')
      .from('sqlite_master')
      .where('type', 'table')
      .andWhereNot('name', 'like', 'sqlite_%');
    return rows.map((r: { name: string }) => r.name).sort();
  }
  throw new Error(`No table listing for the ${client} client`);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(
          Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

/**
 * A function that hashes every row of every table of a database, in a
 * stable order (tables by name, rows by their JSON), so two calls answer
 * the same digest exactly when no row changed.
 */
export function databaseSnapshot(knex: Knex): () => Promise<string> {
  return async () => {
    const digest = createHash('sha256');
    for (const table of await listTables(knex)) {
      const rows = (await knex.select('*').from(table)).map(stableJson).sort();
      digest.update(`${table}\n${rows.join('\n')}\n`);
    }
    return digest.digest('hex');
  };
}
