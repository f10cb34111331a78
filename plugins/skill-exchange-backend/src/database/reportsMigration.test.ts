import { TestDatabases } from '@backstage/backend-test-utils';
import { downTo, insertHack, migrationsDir } from '../__testUtils__/migrations';

const databases = TestDatabases.create();

const now = () => new Date();

/**
 * `post_reports` and `posts.hidden_at`: one open report per person and
 * post (a resolved one does not count), removed with their post; `down`
 * drops both natively and leaves the full-text triggers of `posts` alone.
 */
describe.each(databases.eachSupportedId())(
  'the post reports migration on %s',
  databaseId => {
    it('keeps one open report per person and post, and goes back down', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      const postId = await insertHack(knex);
      expect((await knex('posts').where('id', postId).first()).hidden_at).toBe(
        null,
      );
      const report = {
        post_id: postId,
        reporter: 'user:default/ben',
        reason: 'spam',
        created_at: now(),
      };
      await knex('post_reports').insert(report);
      // A second open report of the same person and post breaks the key
      // (matched by message: SQLite's error comes from another realm).
      await expect(
        knex('post_reports').insert(report).then(),
      ).rejects.toMatchObject({
        message: expect.stringMatching(/UNIQUE|duplicate key/),
      });
      // Once resolved, the same person may report it again.
      await knex('post_reports')
        .where('post_id', postId)
        .update({ resolved_at: now(), resolution: 'dismiss' });
      await knex('post_reports').insert(report);
      // Deleting the post deletes its reports.
      await knex('posts').where('id', postId).delete();
      const count = await knex('post_reports').count({ n: '*' });
      expect(Number(count[0].n)).toBe(0);

      await downTo(knex, '20261213010000_learning_resource_id_length.js');
      expect(await knex.schema.hasTable('post_reports')).toBe(false);
      expect(await knex.schema.hasColumn('posts', 'hidden_at')).toBe(false);
      // Posts still take writes (their full-text triggers are intact).
      await insertHack(knex, 'After the reports went');
      await knex.migrate.latest({ directory: migrationsDir });
      expect(await knex.schema.hasTable('post_reports')).toBe(true);
    });
  },
);
