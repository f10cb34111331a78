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

const databases = TestDatabases.create();

const embed = embedInput({ title: 'One place on Playback' });

/**
 * The places of embeds (headcount) and mentorships (capacity): accepts
 * beyond them are refused, the last place fills the post, a freed place
 * reopens it, and an edit cannot leave fewer places than people accepted.
 */
describe.each(databases.eachSupportedId())(
  'skill exchange places on %s',
  databaseId => {
    const sx = useSkillExchangeBackend(databases, databaseId, ownersOnlyOrg());

    beforeEach(() => {
      sx.sent.length = 0;
    });

    /** A post by ANNA, with the interest of each of `people`. */
    async function postWithInterest(body: object, people: string[]) {
      const post = (
        await sx.call('post', '/posts', ANNA).send(body).expect(201)
      ).body;
      const interests: Record<string, number> = {};
      for (const who of people) {
        interests[who] = (
          await sx
            .call('post', `/posts/${post.id}/interests`, who)
            .send({ message: 'me' })
            .expect(201)
        ).body.id;
      }
      sx.sent.length = 0;
      return { post, interests };
    }

    const answer = (id: number, what: string, who = ANNA) =>
      sx.call('post', `/interests/${id}/${what}`, who).send({});
    const getPost = async (id: number) =>
      (await sx.call('get', `/posts/${id}`, ANNA).expect(200)).body;
    const statuses = async (postId: number) =>
      Object.fromEntries(
        (await sx.knex('interests').where('post_id', postId).orderBy('id')).map(
          r => [r.user_ref, r.status],
        ),
      );

    it('refuses an accept beyond the headcount with a 409, changing nothing', async () => {
      const { post, interests } = await postWithInterest(embed, [BEN, CARA]);
      await answer(interests[BEN], 'accept').expect(200);
      const filled = await getPost(post.id);
      const refused = await answer(interests[CARA], 'accept').expect(409);
      expect(refused.body.error.message).toBe(
        'This embed has 1 place and it is taken. Withdraw an accepted person or raise the headcount first.',
      );
      expect(await statuses(post.id)).toEqual({
        [BEN]: 'accepted',
        [CARA]: 'pending',
      });
      expect(await getPost(post.id)).toEqual(filled);
    });

    it('fills the post with its last place and tells only the people still waiting', async () => {
      const { post, interests } = await postWithInterest(
        { ...embed, title: 'Two places', headcount: 2 },
        [BEN, CARA, DAN],
      );
      await answer(interests[BEN], 'accept').expect(200);
      expect(await getPost(post.id)).toMatchObject({
        status: 'open',
        acceptedCount: 1,
        headcount: 2,
        version: post.version,
      });
      await answer(interests[CARA], 'accept').expect(200);
      expect(await getPost(post.id)).toMatchObject({
        status: 'filled',
        acceptedCount: 2,
        version: post.version + 1,
      });
      const filled = sx.sent.filter(
        n => n.payload.topic === 'skill-exchange:post-filled',
      );
      expect(filled).toEqual([
        expect.objectContaining({
          recipients: { type: 'entity', entityRef: [DAN] },
          payload: expect.objectContaining({
            title: '"Two places" is filled',
            link: `/skill-exchange/posts/${post.id}`,
          }),
        }),
      ]);
      // New interest in a filled post is refused.
      await sx
        .call('post', `/posts/${post.id}/interests`, 'user:default/eve')
        .send({})
        .expect(409);
      // The filter and the listing know the status.
      const listed = await sx
        .call('get', '/posts?kind=embed&status=filled', ANNA)
        .expect(200);
      expect(listed.body.items.map((p: any) => p.id)).toContain(post.id);
    });

    it('reopens a full post when an accepted person withdraws or is withdrawn', async () => {
      const { post, interests } = await postWithInterest(
        {
          kind: 'mentorship',
          title: 'Mentoring in Go',
          skills: [],
          mode: 'offering',
          capacity: 1,
        },
        [BEN, CARA],
      );
      await answer(interests[BEN], 'accept').expect(200);
      expect((await getPost(post.id)).status).toBe('filled');
      const refused = await answer(interests[CARA], 'accept').expect(409);
      expect(refused.body.error.message).toMatch(
        /^This mentorship has 1 place and it is taken\. .* raise the capacity first\.$/,
      );

      // Ben withdraws himself: a place is free, the post is open again.
      await answer(interests[BEN], 'withdraw', BEN).expect(200);
      expect(await getPost(post.id)).toMatchObject({
        status: 'open',
        acceptedCount: 0,
      });
      await answer(interests[CARA], 'accept').expect(200);
      expect((await getPost(post.id)).status).toBe('filled');

      // Nobody else withdraws Cara, and Anna cannot withdraw a pending one.
      await answer(interests[CARA], 'withdraw', DAN).expect(403);
      // The owner releases Cara's place: she hears of it, the post reopens.
      sx.sent.length = 0;
      await answer(interests[CARA], 'withdraw').expect(200);
      expect(sx.sent).toEqual([
        expect.objectContaining({
          recipients: { type: 'entity', entityRef: CARA },
          payload: expect.objectContaining({
            topic: 'skill-exchange:place-released',
          }),
        }),
      ]);
      expect(await getPost(post.id)).toMatchObject({
        status: 'open',
        acceptedCount: 0,
      });
    });

    it('keeps a post its owner marked filled by hand filled when a place frees', async () => {
      const { post, interests } = await postWithInterest(
        { ...embed, title: 'Filled by hand', headcount: 3 },
        [BEN],
      );
      await answer(interests[BEN], 'accept').expect(200);
      const { version } = await getPost(post.id);
      await sx
        .call('post', `/posts/${post.id}/status`, ANNA)
        .send({ status: 'filled', version })
        .expect(200);
      await answer(interests[BEN], 'withdraw', BEN).expect(200);
      expect((await getPost(post.id)).status).toBe('filled');
    });

    it('refuses an edit below the people accepted with a 409 and changes nothing', async () => {
      const { post, interests } = await postWithInterest(
        { ...embed, title: 'Shrinking', headcount: 2 },
        [BEN, CARA, DAN],
      );
      await answer(interests[BEN], 'accept').expect(200);
      await answer(interests[CARA], 'accept').expect(200);
      const filled = await getPost(post.id);
      expect(filled.status).toBe('filled');
      const edit = (headcount: number, version = filled.version) =>
        sx
          .call('put', `/posts/${post.id}`, ANNA)
          .send({ ...embed, title: 'Shrunk', headcount, version });
      const refused = await edit(1).expect(409);
      expect(refused.body.error.message).toBe(
        'This embed has 2 people accepted; its headcount cannot be 1. Withdraw an accepted person first.',
      );
      expect(await getPost(post.id)).toEqual(filled);

      // The same places keep it filled; more places reopen it.
      const same = (await edit(2).expect(200)).body;
      expect(same).toMatchObject({ status: 'filled', title: 'Shrunk' });
      const raised = (await edit(3, same.version).expect(200)).body;
      expect(raised).toMatchObject({ status: 'open', acceptedCount: 2 });
      await answer(interests[DAN], 'accept').expect(200);
      expect((await getPost(post.id)).status).toBe('filled');
    });

    it('fills a post when an edit lowers its places to the people accepted, and tells those waiting', async () => {
      const { post, interests } = await postWithInterest(
        { ...embed, title: 'Lowered', headcount: 3 },
        [BEN, CARA, DAN],
      );
      await answer(interests[BEN], 'accept').expect(200);
      const before = sx.sent.length;
      const lowered = (
        await sx
          .call('put', `/posts/${post.id}`, ANNA)
          .send({
            ...embed,
            title: 'Lowered',
            headcount: 1,
            version: post.version,
          })
          .expect(200)
      ).body;
      expect(lowered).toMatchObject({ status: 'filled', acceptedCount: 1 });
      expect(sx.sent.slice(before)).toEqual([
        expect.objectContaining({
          recipients: { type: 'entity', entityRef: [CARA, DAN] },
          payload: expect.objectContaining({
            topic: 'skill-exchange:post-filled',
          }),
        }),
      ]);
    });

    it('leaves hacks without a limit', async () => {
      const hack = (
        await sx
          .call('post', '/posts', ANNA)
          .send({ kind: 'hack', title: 'No limit', skills: [] })
          .expect(201)
      ).body;
      for (const who of [BEN, CARA, DAN]) {
        await sx.call('post', `/posts/${hack.id}/members`, who).expect(201);
      }
      expect(await getPost(hack.id)).toMatchObject({ status: 'open' });
      expect((await getPost(hack.id)).acceptedCount).toBeUndefined();
    });
  },
);
