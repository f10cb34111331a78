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

/** A hack's row as the migrations know it, titled `title`. */
export const hackRow = (title = 'A hack') => {
  const now = new Date();
  return {
    kind: 'hack',
    title,
    title_lower: title.toLowerCase(),
    owner: 'user:default/anna',
    created_at: now,
    updated_at: now,
    status_changed_at: now,
  };
};

/** Inserts a hack (`hackRow`) straight into `posts`; its id. */
export async function insertHack(knex: Knex, title?: string): Promise<number> {
  const [inserted] = await knex('posts').insert(hackRow(title)).returning('id');
  return typeof inserted === 'object' ? inserted.id : inserted;
}
