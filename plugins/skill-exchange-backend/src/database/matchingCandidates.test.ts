import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { PostInput } from '@onramp/backstage-plugin-skill-exchange-common';
import { ANNA, BEN } from '../__testUtils__';
import { DEFAULT_SKILLS } from '../seed/defaultSkills';
import { KnexMatchingStore } from './MatchingStore';
import { KnexSkillStore } from './SkillStore';
import { createStores } from '.';

const databases = TestDatabases.create();

const hack = (title: string, skills: string[]) =>
  ({
    kind: 'hack',
    title,
    description: '',
    skills,
    stage: 'idea',
  } as PostInput);

describe.each(databases.eachSupportedId())(
  '"posts for me" from bounded candidates on %s',
  databaseId => {
    it('scores the newest posts of each skill exactly and says when there are more', async () => {
      const knex = await databases.init(databaseId);
      const stores = await createStores({
        database: mockServices.database({ knex }),
      });
      await stores.skills.seedSkills(DEFAULT_SKILLS);
      const [go, rust] = await stores.skills.resolveSkills(['go', 'rust']);
      await knex('profiles').insert({
        user_ref: ANNA,
        updated_at: new Date(),
        open_to_hacks: true,
      });
      await knex('profile_skills').insert([
        { user_ref: ANNA, skill_id: go.id, level: 3, learning: false },
        { user_ref: ANNA, skill_id: rust.id, level: null, learning: true },
      ]);
      // Oldest first: the Go and Rust one scores highest but is the oldest.
      const both = await stores.posts.createPost(
        BEN,
        hack('Both languages', ['go', 'rust']),
      );
      for (let i = 1; i <= 4; i++) {
        await stores.posts.createPost(BEN, hack(`Go hack ${i}`, ['go']));
      }
      await stores.posts.createPost(ANNA, hack('My own Go hack', ['go']));

      const page = { limit: 2, offset: 0 };
      const exact = await stores.matching.matchPostsForUser(ANNA, {
        limit: 10,
        offset: 0,
      });
      expect(exact.totalItems).toBe(5);
      expect(exact.totalIsLowerBound).toBeUndefined();
      expect(exact.items.map(m => [m.post.title, m.score])).toEqual([
        ['Both languages', 6],
        ['Go hack 4', 3],
        ['Go hack 3', 3],
        ['Go hack 2', 3],
        ['Go hack 1', 3],
      ]);

      const bounded = KnexMatchingStore.create(
        knex,
        KnexSkillStore.create(knex),
        {
          candidatesPerSkill: 2,
        },
      );
      const capped = await bounded.matchPostsForUser(ANNA, page);
      // Go: its 2 newest; Rust: its one post (also a Go post, outside Go's 2).
      expect(capped.totalItems).toBe(3);
      expect(capped.totalIsLowerBound).toBe(true);
      expect(capped.items.map(m => [m.post.title, m.score])).toEqual([
        ['Both languages', 6],
        ['Go hack 4', 3],
      ]);
      // Scores and reasons are those of the exact ranking.
      expect(capped.items[0]).toEqual(exact.items[0]);
      expect(capped.items[0].post.id).toBe(both.id);
      // A page past the bound widens it: offset + limit posts per skill.
      const wide = await bounded.matchPostsForUser(ANNA, {
        limit: 2,
        offset: 3,
      });
      expect(wide.totalItems).toBe(5);
      expect(wide.totalIsLowerBound).toBeUndefined();
      expect(wide.items.map(m => m.post.title)).toEqual([
        'Go hack 2',
        'Go hack 1',
      ]);
    });
  },
);
