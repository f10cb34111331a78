import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DEFAULT_FUZZ_RUNS, DEFAULT_FUZZ_SEED } from '@onramp/test-utils';
import fc from 'fast-check';
import type { Knex } from 'knex';
import { downTo, migrationsDir } from '../__testUtils__/migrations';
import { DEFAULT_SKILLS } from '../seed/defaultSkills';
import { createStores } from '.';
import { matchPeopleForPost } from './peopleForPost';

const INDEX = 'profile_skills_match_idx';

const databases = TestDatabases.create();

interface Person {
  ref: string;
  available: boolean;
  /** Per skill index: [level or null, learning], or undefined. */
  skills: Array<[number | null, boolean] | undefined>;
}

/** The ranking by its definition, in JavaScript: score, then ref. */
function expected(people: Person[], postSkills: number[]) {
  return people
    .filter(p => postSkills.some(i => p.skills[i]))
    .map(p => ({
      user: p.ref,
      score:
        postSkills.reduce((sum, i) => {
          const s = p.skills[i];
          return s ? sum + (s[0] ?? 0) + (s[1] ? 2 : 0) : sum;
        }, 0) + (p.available ? 2 : 0),
    }))
    .sort((a, b) => b.score - a.score || (a.user < b.user ? -1 : 1));
}

const person = (n: number) =>
  fc.record({
    ref: fc.constant(`user:default/p${String(n).padStart(3, '0')}`),
    available: fc.boolean(),
    skills: fc.array(
      // A level, or none for a learning goal (the column's rule).
      fc.option(
        fc.oneof(
          // Mostly high levels: many ties at the bound.
          fc.tuple(
            fc.oneof(
              { weight: 4, arbitrary: fc.integer({ min: 4, max: 5 }) },
              fc.integer({ min: 1, max: 3 }),
            ),
            fc.boolean(),
          ),
          fc.constant([null, true] as [null, boolean]),
        ),
        { nil: undefined },
      ),
      { minLength: 3, maxLength: 3 },
    ),
  });

describe.each(databases.eachSupportedId())(
  'people for a post on %s',
  databaseId => {
    let knex: Knex;
    let skillIds: number[];

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const stores = await createStores({
        database: mockServices.database({ knex }),
      });
      await stores.skills.seedSkills(DEFAULT_SKILLS);
      skillIds = (
        await stores.skills.resolveSkills(['go', 'rust', 'java'])
      ).map(s => s.id);
    });

    /** Replaces everyone with `people` and one post by p000 with `postSkills`. */
    async function given(people: Person[], postSkills: number[]) {
      for (const table of ['post_skills', 'posts', 'profile_skills']) {
        await knex(table).delete();
      }
      await knex('profiles').delete();
      const now = new Date();
      await knex.batchInsert(
        'profiles',
        people.map(p => ({
          user_ref: p.ref,
          updated_at: now,
          open_to_hacks: p.available,
        })),
        200,
      );
      await knex.batchInsert(
        'profile_skills',
        people.flatMap(p =>
          p.skills.flatMap((s, i) =>
            s
              ? [
                  {
                    user_ref: p.ref,
                    skill_id: skillIds[i],
                    level: s[0],
                    learning: s[1],
                  },
                ]
              : [],
          ),
        ),
        200,
      );
      const [inserted] = await knex('posts')
        .insert({
          kind: 'hack',
          title: 'A hack',
          title_lower: 'a hack',
          owner: 'user:default/p000',
          created_at: now,
          updated_at: now,
          status_changed_at: now,
        })
        .returning('id');
      const postId = typeof inserted === 'object' ? inserted.id : inserted;
      await knex('post_skills').insert(
        postSkills.map(i => ({ post_id: postId, skill_id: skillIds[i] })),
      );
      return postId as number;
    }

    it('pages the exact ranking, with the availability bonus deciding places', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc
            .integer({ min: 2, max: 40 })
            .chain(n =>
              fc.tuple(...Array.from({ length: n }, (_, i) => person(i))),
            ),
          fc.subarray([0, 1, 2], { minLength: 1 }),
          fc.integer({ min: 1, max: 6 }),
          fc.integer({ min: 0, max: 12 }),
          async (people, postSkills, limit, offset) => {
            const postId = await given(people, postSkills);
            const want = expected(
              people.filter(p => p.ref !== 'user:default/p000'),
              postSkills,
            );
            const found = await matchPeopleForPost(knex, postId, {
              limit,
              offset,
            });
            expect(found.totalItems).toBe(want.length);
            expect(
              found.ranked.map(r => ({ user: r.user_ref, score: r.score })),
            ).toEqual(want.slice(offset, offset + limit));
          },
        ),
        {
          numRuns:
            8 * (Number(process.env.ONRAMP_FUZZ_RUNS) || DEFAULT_FUZZ_RUNS),
          seed: Number(process.env.ONRAMP_FUZZ_SEED) || DEFAULT_FUZZ_SEED,
        },
      );
    });

    it('the index migration goes down and up again', async () => {
      const db = await databases.init(databaseId);
      await db.migrate.latest({ directory: migrationsDir });
      const hasIndex = async () =>
        (databaseId === 'SQLITE_3'
          ? await db('sqlite_master').where({ type: 'index', name: INDEX })
          : await db('pg_indexes').where('indexname', INDEX)
        ).length === 1;
      expect(await hasIndex()).toBe(true);
      await downTo(db, '20261214020000_event_registration_phase.js');
      expect(await hasIndex()).toBe(false);
      await db.migrate.latest({ directory: migrationsDir });
      expect(await hasIndex()).toBe(true);
    });

    if (databaseId === 'SQLITE_3') {
      it("sums each person's shares from the covering index", async () => {
        const plan = await knex.raw(
          `EXPLAIN QUERY PLAN SELECT ps.user_ref,
              SUM(COALESCE(ps.level, 0) + CASE WHEN ps.learning THEN 2 ELSE 0 END)
            FROM profile_skills ps
            WHERE ps.skill_id IN (?, ?) AND ps.user_ref <> ?
            GROUP BY ps.user_ref`,
          [skillIds[0], skillIds[1], 'user:default/p000'],
        );
        const detail = plan.map((r: { detail: string }) => r.detail).join('\n');
        expect(detail).toContain(`USING COVERING INDEX ${INDEX}`);
      });
    }
  },
);
