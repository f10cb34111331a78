import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

/** The plugin's migrations folder. */
export const migrationsDir = resolvePackagePath(
  '@onramp/backstage-plugin-skill-exchange-backend',
  'migrations',
);

/**
 * Steps down, one migration at a time, until `name` (a migration file name) is
 * the last one applied, so a test can stand just after it however many
 * migrations come later.
 */
export async function downTo(knex: Knex, name: string) {
  for (;;) {
    const [completed] = await knex.migrate.list({ directory: migrationsDir });
    const last = completed[completed.length - 1];
    if (!last) throw new Error(`Migration ${name} is not applied`);
    if ((last.name ?? last) === name) return;
    await knex.migrate.down({ directory: migrationsDir });
  }
}
