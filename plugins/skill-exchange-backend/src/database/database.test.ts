import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { DEFAULT_SKILLS } from '../seed/defaultSkills';
import { seedDemoData } from '../seed/demoData';
import { createStores } from '.';

const databases = TestDatabases.create();
const migrations = resolvePackagePath(
  '@onramp/backstage-plugin-skill-exchange-backend',
  'migrations',
);

describe.each(databases.eachSupportedId())(
  'the Skill Exchange database on %s',
  databaseId => {
    it('migrates up and back down', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrations });
      expect(await knex.schema.hasTable('posts')).toBe(true);
      expect(await knex.schema.hasTable('profile_skills')).toBe(true);
      expect(await knex.schema.hasColumn('hack_events', 'organisers')).toBe(
        true,
      );
      // PostgreSQL gets trigram indexes for text search; SQLite has none.
      const isPg = databaseId.startsWith('POSTGRES');
      const trigramIndexes = async () =>
        isPg
          ? (
              await knex('pg_indexes')
                .whereIn('indexname', [
                  'posts_title_trgm_idx',
                  'posts_description_trgm_idx',
                ])
                .pluck('indexname')
            ).sort()
          : 'none';
      expect(await trigramIndexes()).toEqual(
        isPg ? ['posts_description_trgm_idx', 'posts_title_trgm_idx'] : 'none',
      );
      await knex.migrate.down({ directory: migrations });
      expect(await trigramIndexes()).toEqual(isPg ? [] : 'none');
      // Step by step: each later migration goes down and up again.
      await knex.migrate.down({ directory: migrations });
      expect(await knex.schema.hasColumn('hack_events', 'organisers')).toBe(
        false,
      );
      expect(await knex.schema.hasColumn('hack_events', 'version')).toBe(false);
      await knex.migrate.up({ directory: migrations });
      expect(await knex.schema.hasColumn('hack_events', 'version')).toBe(true);
      await knex.migrate.up({ directory: migrations });
      await knex.migrate.rollback({ directory: migrations }, true);
      for (const table of [
        'posts',
        'skills',
        'profiles',
        'interests',
        'saves',
      ]) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }
    });

    it('seeds the taxonomy once, keeping names and aliases unique', async () => {
      const knex = await databases.init(databaseId);
      const stores = await createStores({
        database: mockServices.database({ knex }),
      });
      const added = await stores.skills.seedSkills(DEFAULT_SKILLS);
      expect(added).toBe(DEFAULT_SKILLS.length);
      expect(DEFAULT_SKILLS.length).toBeGreaterThanOrEqual(150);
      expect(await stores.skills.seedSkills(DEFAULT_SKILLS)).toBe(0);
      // An alias of an existing skill is not added as a new skill.
      expect(
        await stores.skills.seedSkills([
          { name: 'K8S', category: 'infrastructure' },
        ]),
      ).toBe(0);
      const [kubernetes] = await stores.skills.listSkills({ q: 'k8s' });
      expect(kubernetes).toMatchObject({
        name: 'Kubernetes',
        aliases: ['k8s'],
      });
      await expect(
        stores.skills.resolveSkills(['GOLANG', 'nope']),
      ).rejects.toThrow('Unknown skill: nope');
    });

    it('fills an empty exchange with demo data, once', async () => {
      const knex = await databases.init(databaseId);
      const stores = await createStores({
        database: mockServices.database({ knex }),
      });
      await stores.skills.seedSkills(DEFAULT_SKILLS);
      expect(await seedDemoData(stores)).toBe(true);
      expect(await seedDemoData(stores)).toBe(false);
      const page = await stores.posts.listPosts(
        {
          kind: 'hack',
          skillsMatch: 'any',
          sort: 'newest',
          limit: 20,
          offset: 0,
          past: true,
        },
        undefined,
      );
      expect(page.items.map(p => p.title)).toEqual([
        'Loudness normalisation explorer',
      ]);
      const events = await stores.events.listEvents();
      expect(events.map(e => e.name)).toContain('HacktoberFest 2026');
      const experts = await stores.matching.findExperts({
        skills: ['kotlin'],
        minLevel: 4,
        limit: 10,
        offset: 0,
      });
      expect(experts.items.map(e => e.user)).toEqual([
        'user:default/elin.berg',
        'user:default/lars.lindqvist',
      ]);
    });
  },
);
