import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { downTo, migrationsDir } from '../__testUtils__/migrations';
import { DEFAULT_SKILLS } from '../seed/defaultSkills';
import { seedDemoData } from '../seed/demoData';
import { createStores } from '.';

const databases = TestDatabases.create();
const migrations = migrationsDir;
const FULL_TEXT = '20261207050000_full_text_search.js';

describe.each(databases.eachSupportedId())(
  'the Skill Exchange database on %s',
  databaseId => {
    it('migrates up and back down', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrations });
      // The later migrations have tests of their own: stand after full text.
      await downTo(knex, FULL_TEXT);
      expect(await knex.schema.hasTable('posts')).toBe(true);
      expect(await knex.schema.hasTable('profile_skills')).toBe(true);
      expect(await knex.schema.hasColumn('hack_events', 'organisers')).toBe(
        true,
      );
      // Full text: a tsvector column with a GIN index on PostgreSQL, an FTS5
      // table on SQLite; the trigram indexes of the LIKE filter come back
      // when the full-text migration goes down.
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
      const fullText = async () =>
        isPg
          ? (
              await knex('pg_indexes')
                .where('indexname', 'posts_search_vector_idx')
                .pluck('indexname')
            ).length === 1 &&
            (await knex.schema.hasColumn('posts', 'search_vector'))
          : (await knex('sqlite_master')
              .where({ type: 'table', name: 'posts_fts' })
              .first()) !== undefined;
      expect(await fullText()).toBe(true);
      expect(await trigramIndexes()).toEqual(isPg ? [] : 'none');
      // A post with a skill survives down and up, and is found again.
      const [skill] = await knex('skills')
        .insert({ name: 'Zig', name_lower: 'zig', category: 'language' })
        .returning('id');
      const now = new Date();
      const [post] = await knex('posts')
        .insert({
          kind: 'hack',
          title: 'Quokka',
          title_lower: 'quokka',
          owner: 'user:default/anna',
          created_at: now,
          updated_at: now,
          status_changed_at: now,
        })
        .returning('id');
      await knex('post_skills').insert({
        post_id: post.id ?? post,
        skill_id: skill.id ?? skill,
      });
      await knex.migrate.down({ directory: migrations });
      expect(await fullText()).toBe(false);
      expect(await knex.schema.hasColumn('posts', 'skill_text')).toBe(false);
      expect(await trigramIndexes()).toEqual(
        isPg ? ['posts_description_trgm_idx', 'posts_title_trgm_idx'] : 'none',
      );
      expect(await knex('post_skills').count({ n: '*' })).toEqual([
        { n: isPg ? '1' : 1 },
      ]);
      await knex.migrate.up({ directory: migrations });
      expect(await fullText()).toBe(true);
      const found = isPg
        ? await knex('posts').whereRaw(
            "search_vector @@ websearch_to_tsquery('english', 'quokka zig')",
          )
        : await knex('posts_fts').whereRaw(`posts_fts MATCH '"quokka" "zig"'`);
      expect(found).toHaveLength(1);
      await knex.migrate.down({ directory: migrations });
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

    it('fills the open posts that were already full before places were kept', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrations });
      // Just before the migration that fills full posts.
      await downTo(knex, FULL_TEXT);
      const now = new Date();
      const post = async (title: string, kind: string, places: object) => {
        const [row] = await knex('posts')
          .insert({
            kind,
            title,
            title_lower: title.toLocaleLowerCase(),
            owner: 'user:default/anna',
            created_at: now,
            updated_at: now,
            status_changed_at: now,
            ...places,
          })
          .returning('id');
        return (row.id ?? row) as number;
      };
      const accept = (postId: number, people: string[], status = 'accepted') =>
        knex('interests').insert(
          people.map(user_ref => ({
            post_id: postId,
            user_ref,
            status,
            created_at: now,
            updated_at: now,
          })),
        );
      const over = await post('Three on one place', 'embed', { headcount: 1 });
      await accept(over, [
        'user:default/a',
        'user:default/b',
        'user:default/c',
      ]);
      const full = await post('Full', 'mentorship', { capacity: 2 });
      await accept(full, ['user:default/a', 'user:default/b']);
      const free = await post('A place free', 'embed', { headcount: 2 });
      await accept(free, ['user:default/a']);
      await accept(free, ['user:default/b', 'user:default/c'], 'pending');
      const hack = await post('A hack', 'hack', {});

      await knex.migrate.up({ directory: migrations });
      const rows = await knex('posts')
        .orderBy('id')
        .select('id', 'status', 'version');
      expect(rows.map(r => [r.id, r.status, r.version])).toEqual([
        [over, 'filled', 2],
        [full, 'filled', 2],
        [free, 'open', 1],
        [hack, 'open', 1],
      ]);
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
      expect(events.map(e => e.name)).toContain('Hack Week #7');
      const experts = await stores.matching.findExperts({
        skills: ['kotlin'],
        minLevel: 4,
        rank: 'level',
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
