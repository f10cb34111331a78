import { TestDatabases } from '@backstage/backend-test-utils';
import { downTo, migrationsDir } from '../__testUtils__/migrations';

const databases = TestDatabases.create();

const BEFORE = '20261213010000_learning_resource_id_length.js';

/**
 * Hack events get a registration window and a phase; hacks a demo link and
 * a result summary. Events there are close registration on their last day
 * and start in planning; `down` drops the columns natively and leaves
 * `posts` (and its full-text triggers) alone.
 */
describe.each(databases.eachSupportedId())(
  'the event registration and phase migration on %s',
  databaseId => {
    it('fills the window of existing events, and goes back down', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      await downTo(knex, BEFORE);
      await knex('hack_events').insert({
        name: 'Older week',
        description: '',
        starts_on: '2026-10-12',
        ends_on: '2026-10-16',
        created_by: 'user:default/anna',
        created_at: new Date(),
      });

      await knex.migrate.latest({ directory: migrationsDir });
      expect(
        await knex('hack_events')
          .where('name', 'Older week')
          .first('registration_opens_on', 'registration_closes_on', 'phase'),
      ).toEqual({
        registration_opens_on: null,
        registration_closes_on: '2026-10-16',
        phase: 'planning',
      });
      const post = {
        kind: 'hack',
        title: 'A hack',
        title_lower: 'a hack',
        owner: 'user:default/anna',
        created_at: new Date(),
        updated_at: new Date(),
        status_changed_at: new Date(),
      };
      await knex('posts').insert({
        ...post,
        demo_url: 'https://example.com/demo',
        result_summary: 'It works',
      });

      await downTo(knex, BEFORE);
      for (const column of [
        'registration_opens_on',
        'registration_closes_on',
        'phase',
      ]) {
        expect(await knex.schema.hasColumn('hack_events', column)).toBe(false);
      }
      expect(await knex.schema.hasColumn('posts', 'demo_url')).toBe(false);
      expect(await knex.schema.hasColumn('posts', 'result_summary')).toBe(
        false,
      );
      // Posts still take writes (their full-text triggers are intact).
      await knex('posts').insert({ ...post, title: 'After the results went' });
      await knex.migrate.latest({ directory: migrationsDir });
      expect(await knex.schema.hasColumn('posts', 'demo_url')).toBe(true);
    });
  },
);
