import { TestDatabases } from '@backstage/backend-test-utils';
import { downTo, migrationsDir } from '../__testUtils__/migrations';

const databases = TestDatabases.create();

/**
 * `interests.answered_at`: interests the owner accepted or declined before the
 * column existed take their last change as the answer; pending and withdrawn
 * ones have none. The column goes with the migration's `down`.
 */
describe.each(databases.eachSupportedId())(
  'the answered_at migration on %s',
  databaseId => {
    it('backfills answers from the last change and goes back down', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      await downTo(knex, '20261208010000_fill_full_posts.js');
      expect(await knex.schema.hasColumn('interests', 'answered_at')).toBe(
        false,
      );
      const created = new Date('2026-10-01T09:00:00Z');
      const changed = new Date('2026-10-03T15:00:00Z');
      const [row] = await knex('posts')
        .insert({
          kind: 'embed',
          title: 'Before answers were kept',
          title_lower: 'before answers were kept',
          owner: 'user:default/anna',
          headcount: 3,
          created_at: created,
          updated_at: created,
          status_changed_at: created,
        })
        .returning('id');
      const postId = (row.id ?? row) as number;
      const statuses = ['accepted', 'declined', 'pending', 'withdrawn'];
      await knex('interests').insert(
        statuses.map((status, i) => ({
          post_id: postId,
          user_ref: `user:default/p${i}`,
          status,
          created_at: created,
          updated_at: changed,
        })),
      );

      await knex.migrate.up({ directory: migrationsDir });
      const rows = await knex('interests')
        .orderBy('id')
        .select('status', 'answered_at');
      expect(
        rows.map(r => [
          r.status,
          r.answered_at ? new Date(r.answered_at).toISOString() : null,
        ]),
      ).toEqual([
        ['accepted', changed.toISOString()],
        ['declined', changed.toISOString()],
        ['pending', null],
        ['withdrawn', null],
      ]);

      await knex.migrate.down({ directory: migrationsDir });
      expect(await knex.schema.hasColumn('interests', 'answered_at')).toBe(
        false,
      );
      expect(await knex('interests').count({ n: '*' })).toEqual([
        { n: databaseId.startsWith('POSTGRES') ? '4' : 4 },
      ]);
    });
  },
);
