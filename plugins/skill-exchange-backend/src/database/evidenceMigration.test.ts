import { TestDatabases } from '@backstage/backend-test-utils';
import { downTo, migrationsDir } from '../__testUtils__/migrations';

const databases = TestDatabases.create();

/**
 * `skill_evidence`, `skill_suggestion_rejections` and
 * `profiles.share_evidence`: one row per person, skill and kind; `down` drops
 * them natively and leaves `posts` (and its full-text triggers) alone.
 */
describe.each(databases.eachSupportedId())(
  'the skill_evidence migration on %s',
  databaseId => {
    it('keeps one row per person, skill and kind, and goes back down', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      const [{ id: skillId }] = await knex('skills')
        .insert({ name: 'Rust', name_lower: 'rust', category: 'language' })
        .returning('id');
      const row = {
        user_ref: 'user:default/anna',
        skill_id: skillId,
        kind: 'pull_requests',
        count: 3,
        places: 1,
        refreshed_at: new Date(),
      };
      await knex('skill_evidence').insert(row);
      // (The SQLite driver's error is not an Error of the test's realm.)
      await expect(
        knex('skill_evidence')
          .insert(row)
          .then(() => 'inserted'),
      ).rejects.toHaveProperty('message', expect.stringMatching(/unique|dup/i));
      await knex('skill_suggestion_rejections').insert({
        user_ref: 'user:default/anna',
        skill_id: skillId,
        rejected_at: new Date(),
      });
      await knex('profiles').insert({
        user_ref: 'user:default/anna',
        updated_at: new Date(),
      });
      const profile = await knex('profiles').first('share_evidence');
      expect(Boolean(profile.share_evidence)).toBe(false);

      await downTo(knex, '20261211010000_learning_completions.js');
      expect(await knex.schema.hasTable('skill_evidence')).toBe(false);
      expect(await knex.schema.hasTable('skill_suggestion_rejections')).toBe(
        false,
      );
      expect(await knex.schema.hasColumn('profiles', 'share_evidence')).toBe(
        false,
      );
      expect(Number((await knex('profiles').count({ n: '*' }))[0].n)).toBe(1);
      // Posts still take writes (their full-text triggers are intact).
      await knex('posts').insert({
        kind: 'hack',
        title: 'After the evidence tables went',
        title_lower: 'after the evidence tables went',
        owner: 'user:default/anna',
        headcount: 3,
        created_at: new Date(),
        updated_at: new Date(),
        status_changed_at: new Date(),
      });

      await knex.migrate.latest({ directory: migrationsDir });
      expect(
        Number((await knex('skill_evidence').count({ n: '*' }))[0].n),
      ).toBe(0);
    });
  },
);
