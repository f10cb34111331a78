import { TestDatabases } from '@backstage/backend-test-utils';
import { downTo, migrationsDir } from '../__testUtils__/migrations';

const databases = TestDatabases.create();

/**
 * `learning_completions`: one row per person and resource; `down` drops the
 * table natively and leaves `posts` (and its full-text triggers) alone.
 */
describe.each(databases.eachSupportedId())(
  'the learning_completions migration on %s',
  databaseId => {
    it('keeps one completion per person and resource, and goes back down', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      const row = {
        user_ref: 'user:default/anna',
        resource_id: 'go-tour',
        completed_at: new Date(),
      };
      await knex('learning_completions').insert(row);
      // A repeat is ignored by the unique key (the store's upsert needs it).
      await knex('learning_completions')
        .insert(row)
        .onConflict(['user_ref', 'resource_id'])
        .ignore();
      await knex('learning_completions').insert({
        ...row,
        user_ref: 'user:default/ben',
      });
      const rows = await knex('learning_completions')
        .orderBy('user_ref')
        .select('user_ref');
      expect(rows.map(r => r.user_ref)).toEqual([
        'user:default/anna',
        'user:default/ben',
      ]);

      await downTo(
        knex,
        '20261210010000_embed_time_share_and_manager_approval.js',
      );
      expect(await knex.schema.hasTable('learning_completions')).toBe(false);
      // Posts still take writes (their full-text triggers are intact).
      await knex('posts').insert({
        kind: 'hack',
        title: 'After the learning table went',
        title_lower: 'after the learning table went',
        owner: 'user:default/anna',
        headcount: 3,
        created_at: new Date(),
        updated_at: new Date(),
        status_changed_at: new Date(),
      });

      await knex.migrate.latest({ directory: migrationsDir });
      expect(
        Number((await knex('learning_completions').count({ n: '*' }))[0].n),
      ).toBe(0);
    });

    it('takes entity refs up to 255 characters as resource ids, and goes back to 100', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      const row = (resourceId: string) => ({
        user_ref: 'user:default/anna',
        resource_id: resourceId,
        completed_at: new Date(),
      });
      const long = `component:${'n'.repeat(63)}/${'n'.repeat(63)}`;
      await knex('learning_completions').insert([
        row('go-tour'),
        row(long),
        row('x'.repeat(255)),
      ]);
      await downTo(knex, '20261211010000_learning_completions.js');
      const ids = async () =>
        (await knex('learning_completions').orderBy('resource_id'))
          .map(r => r.resource_id.length)
          .sort((a, b) => a - b);
      // PostgreSQL's column is 100 again: longer completions cannot stay.
      const pg = knex.client.config.client === 'pg';
      expect(await ids()).toEqual(pg ? [7] : [7, long.length, 255]);
      const insertLong = knex('learning_completions')
        .insert({ ...row(long), user_ref: 'user:default/ben' })
        .then(
          () => 'stored',
          () => 'refused',
        );
      expect(await insertLong).toBe(pg ? 'refused' : 'stored');
      await knex.migrate.latest({ directory: migrationsDir });
      await knex('learning_completions').insert(row(`${long}/again`));
    });
  },
);
