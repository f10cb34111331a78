import { TestDatabases } from '@backstage/backend-test-utils';
import { downTo, insertHack, migrationsDir } from '../__testUtils__/migrations';

const databases = TestDatabases.create();

const now = () => new Date();

/**
 * `retros`, `retro_skills` and `retro_asks`: one retro per person and post,
 * removed with their post; `down` drops the three natively and leaves
 * `posts` (and its full-text triggers) alone.
 */
describe.each(databases.eachSupportedId())(
  'the stint retros migration on %s',
  databaseId => {
    it('keeps one retro per person and post, and goes back down', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      const postId = await insertHack(knex);
      const retro = {
        post_id: postId,
        user_ref: 'user:default/ben',
        kind: 'hack',
        usefulness: 4,
        created_at: now(),
      };
      await knex('retros').insert(retro);
      // A second retro of the same person and post breaks the unique key
      // (matched by message: SQLite's error comes from another realm).
      await expect(knex('retros').insert(retro).then()).rejects.toMatchObject({
        message: expect.stringMatching(/UNIQUE|duplicate key/),
      });
      await knex('retro_asks').insert({
        post_id: postId,
        user_ref: 'user:default/ben',
        asked_at: now(),
      });
      // Deleting the post deletes its retros and asks.
      await knex('posts').where('id', postId).delete();
      expect(Number((await knex('retros').count({ n: '*' }))[0].n)).toBe(0);
      expect(Number((await knex('retro_asks').count({ n: '*' }))[0].n)).toBe(0);

      await downTo(knex, '20261211010000_learning_completions.js');
      for (const table of ['retros', 'retro_skills', 'retro_asks']) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }
      // Posts still take writes (their full-text triggers are intact).
      await insertHack(knex, 'After the retros went');
      await knex.migrate.latest({ directory: migrationsDir });
      expect(await knex.schema.hasTable('retros')).toBe(true);
    });
  },
);
