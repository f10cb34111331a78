import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@onramp/backstage-plugin-skill-exchange-backend',
  'migrations',
);

/**
 * The plugin's database client, migrated to the latest schema once (unless
 * the database service says migrations are skipped). Every store is built on it.
 */
export async function openDatabase(options: {
  database: DatabaseService;
}): Promise<Knex> {
  const client = await options.database.getClient();
  if (!options.database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}
