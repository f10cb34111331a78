import { TestDatabases } from '@backstage/backend-test-utils';
import { downTo, migrationsDir } from '../__testUtils__/migrations';

const databases = TestDatabases.create();

const post = (title: string) => ({
  kind: 'pairing',
  title,
  title_lower: title.toLocaleLowerCase(),
  owner: 'user:default/anna',
  created_at: new Date(),
  updated_at: new Date(),
  status_changed_at: new Date(),
});

/**
 * `pairing_slots` and `posts.duration_minutes`: slots go with their post;
 * `down` drops both natively and leaves the full-text triggers on `posts`
 * working.
 */
describe.each(databases.eachSupportedId())(
  'the pairing_sessions migration on %s',
  databaseId => {
    it('stores slots of a post, deletes them with it, and goes back down', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      if (knex.client.config.client.includes('sqlite')) {
        await knex.raw('PRAGMA foreign_keys = ON');
      }
      const [inserted] = await knex('posts')
        .insert({ ...post('Kotlin pairing'), duration_minutes: 90 })
        .returning('id');
      const postId = typeof inserted === 'object' ? inserted.id : inserted;
      const startsAt = new Date('2027-01-05T14:00:00Z');
      await knex('pairing_slots').insert([
        {
          post_id: postId,
          starts_at: startsAt,
          ends_at: new Date('2027-01-05T15:30:00Z'),
          booked_by: 'user:default/ben',
          booked_at: new Date(),
        },
        {
          post_id: postId,
          starts_at: new Date('2027-01-06T14:00:00Z'),
          ends_at: new Date('2027-01-06T15:30:00Z'),
        },
      ]);
      const [row] = await knex('posts').where('id', postId);
      expect(row.duration_minutes).toBe(90);
      const booked = await knex('pairing_slots').whereNotNull('booked_by');
      expect(booked).toHaveLength(1);
      expect(new Date(booked[0].starts_at).toISOString()).toBe(
        startsAt.toISOString(),
      );
      await knex('posts').where('id', postId).delete();
      expect(Number((await knex('pairing_slots').count({ n: '*' }))[0].n)).toBe(
        0,
      );

      await downTo(knex, '20261211010000_learning_completions.js');
      expect(await knex.schema.hasTable('pairing_slots')).toBe(false);
      expect(await knex.schema.hasColumn('posts', 'duration_minutes')).toBe(
        false,
      );
      // Posts still take writes (their full-text triggers are intact).
      await knex('posts').insert(post('After the pairing tables went'));

      await knex.migrate.latest({ directory: migrationsDir });
      expect(await knex.schema.hasColumn('posts', 'duration_minutes')).toBe(
        true,
      );
    });
  },
);
