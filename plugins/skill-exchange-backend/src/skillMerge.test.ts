import { TestDatabases } from '@backstage/backend-test-utils';
import {
  ADMIN,
  adminPolicy,
  ANNA,
  BEN,
  CARA,
  catalogUser,
  expectAllOrNothing,
  snapshot,
  useSkillExchangeBackend,
} from './__testUtils__';

const databases = TestDatabases.create();

/** Every table that points at a skill, and the skills themselves. */
const TABLES = [
  'skills',
  'skill_aliases',
  'post_skills',
  'profile_skills',
  'retro_skills',
  'skill_evidence',
  'skill_suggestion_rejections',
];

/**
 * Merging skills (issue 13): every table that points at the merged skill is
 * rewritten to the target in one transaction, with an audit entry; a
 * refusal (403), bad input (400) or a failure half-way changes nothing.
 */
describe.each(databases.eachSupportedId())(
  'merging skills on %s',
  databaseId => {
    const sx = useSkillExchangeBackend(databases, databaseId, {
      policy: adminPolicy({ ownersOnly: false }),
      entities: ['anna', 'ben', 'cara', 'admin'].map(name => catalogUser(name)),
    });

    /** A new skill, used by a post, two profiles, a retro, evidence and a "not me". */
    async function usedSkill(name: string, alias: string) {
      const skill = (
        await sx
          .call('post', '/skills', ADMIN)
          .send({ name, category: 'language', aliases: [alias] })
          .expect(201)
      ).body;
      const post = (
        await sx
          .call('post', '/posts', ANNA)
          .send({ kind: 'hack', title: `${name} day`, skills: [alias] })
          .expect(201)
      ).body;
      await sx
        .call('put', '/profiles/me', BEN)
        .send({
          skills: [
            { skill: name, level: 5, canHelp: true },
            { skill: 'Go', level: 2 },
          ],
        })
        .expect(200);
      await sx
        .call('put', '/profiles/me', CARA)
        .send({ skills: [{ skill: name, level: 1 }] })
        .expect(200);
      const [retro] = await sx
        .knex('retros')
        .insert({
          post_id: post.id,
          user_ref: BEN,
          kind: 'hack',
          usefulness: 4,
          created_at: new Date(),
        })
        .returning('id');
      const retroId = typeof retro === 'object' ? retro.id : retro;
      await sx
        .knex('retro_skills')
        .insert({ retro_id: retroId, skill_id: skill.id });
      const now = new Date();
      await sx.knex('skill_evidence').insert({
        user_ref: BEN,
        skill_id: skill.id,
        kind: 'practised',
        count: 1,
        places: 0,
        refreshed_at: now,
      });
      await sx
        .knex('skill_suggestion_rejections')
        .insert({ user_ref: CARA, skill_id: skill.id, rejected_at: now });
      return { skill, post, retroId };
    }

    const using = async (skillId: number) => {
      const counts: Record<string, number> = {};
      for (const table of TABLES.slice(2)) {
        const [{ n }] = await sx
          .knex(table)
          .where('skill_id', skillId)
          .count({ n: '*' });
        counts[table] = Number(n);
      }
      return counts;
    };

    it('rewrites posts, profiles, retros, evidence and "not me" to the target, audited', async () => {
      const { skill, post } = await usedSkill('Gopher craft', 'gophering');
      const go = (
        await sx.call('get', '/skills?q=go', ANNA).expect(200)
      ).body.find((s: any) => s.name === 'Go');
      expect(
        (await sx.call('get', '/skills?q=gopher', ANNA).expect(200)).body[0],
      ).toMatchObject({ id: skill.id, usage: { posts: 1, profiles: 2 } });
      const goBefore = await using(go.id);

      const merged = await sx
        .call('post', `/skills/${skill.id}/merge`, ADMIN)
        .send({ into: 'Go' })
        .expect(200);
      expect(merged.body).toMatchObject({ id: go.id, name: 'Go' });
      expect(merged.body.aliases).toEqual(
        expect.arrayContaining(['gopher craft', 'gophering']),
      );
      expect(await using(skill.id)).toEqual({
        post_skills: 0,
        profile_skills: 0,
        retro_skills: 0,
        skill_evidence: 0,
        skill_suggestion_rejections: 0,
      });
      expect(await using(go.id)).toEqual({
        post_skills: goBefore.post_skills + 1,
        // Ben had both: one row, the higher level.
        profile_skills: goBefore.profile_skills + 1,
        retro_skills: goBefore.retro_skills + 1,
        skill_evidence: goBefore.skill_evidence + 1,
        skill_suggestion_rejections: goBefore.skill_suggestion_rejections + 1,
      });
      const ben = await sx
        .knex('profile_skills')
        .where({ user_ref: BEN, skill_id: go.id })
        .first();
      expect(ben.level).toBe(5);
      expect(
        (await sx.call('get', `/posts/${post.id}`, ANNA).expect(200)).body
          .skills,
      ).toEqual(['Go']);
      expect(
        sx.audits.filter(a => a.eventId === 'skill-merge').at(-1),
      ).toMatchObject({
        meta: { skillId: String(skill.id) },
        outcome: 'success',
      });
    });

    it('changes nothing for a non-admin (403) or bad input (400)', async () => {
      const { skill } = await usedSkill('Rustacean', 'crab');
      const before = await snapshot(sx.knex, TABLES);
      const merge = (id: number, user: string, body: object) =>
        sx.call('post', `/skills/${id}/merge`, user).send(body);
      await merge(skill.id, BEN, { into: 'Go' }).expect(403);
      for (const body of [
        {},
        { into: '' },
        { into: 7 },
        { into: 'Go', x: 1 },
        { into: 'no such skill' },
        // Into itself, by its own alias.
        { into: 'crab' },
      ]) {
        await merge(skill.id, ADMIN, body).expect(400);
      }
      await merge(0, ADMIN, { into: 'Go' }).expect(400);
      expect(await snapshot(sx.knex, TABLES)).toEqual(before);
    });

    it('rewrites everything or nothing: a failure at the last step rolls all back', async () => {
      const { skill } = await usedSkill('Zig craft', 'ziggy');
      // The merge's last statement (deleting the merged skill) fails.
      await expectAllOrNothing(sx, {
        tables: TABLES,
        fail: ['DELETE', 'skills'],
        request: () =>
          sx
            .call('post', `/skills/${skill.id}/merge`, ADMIN)
            .send({ into: 'Go' }),
        eventId: 'skill-merge',
      });
      // The skill is still there, with everything that used it.
      expect(await using(skill.id)).toEqual({
        post_skills: 1,
        profile_skills: 2,
        retro_skills: 1,
        skill_evidence: 1,
        skill_suggestion_rejections: 1,
      });
    });
  },
);
