import { TestDatabases } from '@backstage/backend-test-utils';
import {
  ANNA,
  BEN,
  CARA,
  DAN,
  embedInput,
  ownersOnlyOrg,
  useSkillExchangeBackend,
} from './__testUtils__';
import { summariseAnswers } from './service/PostService';

const databases = TestDatabases.create();

describe('summariseAnswers', () => {
  it('says nothing under three answers', () => {
    expect(summariseAnswers([])).toBeUndefined();
    expect(summariseAnswers([1, 2])).toBeUndefined();
  });

  it('takes the median: the middle one, or the mean of the two middle ones', () => {
    expect(summariseAnswers([50, 2, 10])).toEqual({
      answered: 3,
      medianHours: 10,
    });
    expect(summariseAnswers([1, 4, 2, 100])).toEqual({
      answered: 4,
      medianHours: 3,
    });
  });
});

/**
 * How soon an owner answers: the answer time is kept when the owner accepts
 * or declines (not when the person withdraws), and a post says "usually
 * answers within" once its owner answered three times.
 */
describe.each(databases.eachSupportedId())(
  'owner answer times on %s',
  databaseId => {
    const sx = useSkillExchangeBackend(databases, databaseId, ownersOnlyOrg());
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

    async function interestFrom(postId: number, who: string, hours: number) {
      const { id } = (
        await sx
          .call('post', `/posts/${postId}/interests`, who)
          .send({ message: 'me' })
          .expect(201)
      ).body;
      await sx
        .knex('interests')
        .where({ id })
        .update({
          created_at: hoursAgo(hours),
        });
      return id as number;
    }
    const answer = (id: number, what: string, who = ANNA) =>
      sx.call('post', `/interests/${id}/${what}`, who).send({}).expect(200);
    const getPost = async (id: number) =>
      (await sx.call('get', `/posts/${id}`, BEN).expect(200)).body;

    it('keeps when the owner answered and shows the median from three answers', async () => {
      const post = (
        await sx
          .call('post', '/posts', ANNA)
          .send(embedInput({ title: 'Answer times', headcount: 3 }))
          .expect(201)
      ).body;
      const ben = await interestFrom(post.id, BEN, 10);
      const cara = await interestFrom(post.id, CARA, 30);
      const dan = await interestFrom(post.id, DAN, 50);

      await answer(ben, 'accept');
      await answer(cara, 'decline');
      // Two answers are not a habit.
      expect((await getPost(post.id)).ownerAnswers).toBeUndefined();

      await answer(dan, 'accept');
      const { ownerAnswers } = await getPost(post.id);
      expect(ownerAnswers.answered).toBe(3);
      // 10, 30 and 50 hours before the answers (given or taken the test's own
      // seconds): the median is 30.
      expect(ownerAnswers.medianHours).toBeGreaterThan(29.5);
      expect(ownerAnswers.medianHours).toBeLessThan(30.5);

      const listed = (
        await sx.call('get', `/posts/${post.id}/interests`, ANNA).expect(200)
      ).body;
      expect(listed.every((i: any) => typeof i.answeredAt === 'string')).toBe(
        true,
      );
    });

    it('does not count a withdrawal as an answer', async () => {
      const post = (
        await sx
          .call('post', '/posts', CARA)
          .send(embedInput({ title: 'Withdrawn' }))
          .expect(201)
      ).body;
      const ben = await interestFrom(post.id, BEN, 5);
      await answer(ben, 'withdraw', BEN);
      const row = await sx.knex('interests').where({ id: ben }).first();
      expect(row.status).toBe('withdrawn');
      expect(row.answered_at).toBeNull();
    });

    it('leaves hacks without answer times', async () => {
      const hack = (
        await sx
          .call('post', '/posts', ANNA)
          .send({ kind: 'hack', title: 'A hack', skills: [] })
          .expect(201)
      ).body;
      expect((await getPost(hack.id)).ownerAnswers).toBeUndefined();
    });
  },
);
