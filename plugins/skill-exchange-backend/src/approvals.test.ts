import { TestDatabases } from '@backstage/backend-test-utils';
import {
  ANNA,
  BEN,
  CARA,
  DAN,
  embedInput,
  ownersOnlyOrg,
  readConfigWith,
  useSkillExchangeBackend,
  type SkillExchangeTestBackend,
} from './__testUtils__';

const databases = TestDatabases.create();

/** Ben is in `client`, managed by Dan; Anna and Cara are in `backend`, which has no manager. */
function managedOrg(managerApproval: string) {
  const org = ownersOnlyOrg();
  return {
    ...org,
    config: { skillExchange: { embeds: { managerApproval } } },
    entities: [
      ...org.entities,
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: {
          name: 'client',
          namespace: 'default',
          annotations: { 'onramp.dev/manager': 'user:default/dan' },
        },
        spec: { type: 'team', children: [] },
        relations: [{ type: 'hasMember', targetRef: BEN }],
      },
    ],
  };
}

/** Anna's embed (40% for 2 weeks, or `extra`) and Ben's pending interest in it. */
async function embedWithInterest(
  sx: SkillExchangeTestBackend,
  extra: object = {},
) {
  const post = (
    await sx
      .call('post', '/posts', ANNA)
      .send(embedInput({ timeSharePercent: 40, headcount: 2, ...extra }))
      .expect(201)
  ).body;
  const interest = (
    await sx
      .call('post', `/posts/${post.id}/interests`, BEN)
      .send({ message: 'I would love to' })
      .expect(201)
  ).body;
  return { post, interest };
}

/** Anna's mentorship and Ben's pending interest in it (the interest). */
async function mentorshipWithInterest(sx: SkillExchangeTestBackend) {
  const mentorship = (
    await sx
      .call('post', '/posts', ANNA)
      .send({ kind: 'mentorship', title: 'Go mentoring', mode: 'offering' })
      .expect(201)
  ).body;
  return (
    await sx
      .call('post', `/posts/${mentorship.id}/interests`, BEN)
      .send({})
      .expect(201)
  ).body;
}

const ask = (sx: SkillExchangeTestBackend, id: number, who = BEN) =>
  sx.call('post', `/interests/${id}/approval`, who).send({});
const decide = (
  sx: SkillExchangeTestBackend,
  id: number,
  answer: 'approve' | 'decline',
  body: object = {},
  who = DAN,
) => sx.call('post', `/interests/${id}/approval/${answer}`, who).send(body);

describe('skillExchange.embeds.managerApproval', () => {
  const read = (value?: string) =>
    readConfigWith(value ? { embeds: { managerApproval: value } } : undefined)
      .managerApproval;

  it('is optional by default, and a wrong value stops the start', () => {
    expect(read()).toBe('optional');
    expect(read('required')).toBe('required');
    expect(() => read('always')).toThrow(
      "managerApproval must be one of off, optional, required, got 'always'",
    );
  });
});

describe.each(databases.eachSupportedId())(
  'manager approval of embeds on %s',
  databaseId => {
    const sx = useSkillExchangeBackend(
      databases,
      databaseId,
      managedOrg('optional'),
    );

    it('keeps the time share of an embed, in tens of percent', async () => {
      const { post } = await embedWithInterest(sx);
      expect(post.timeSharePercent).toBe(40);
      const read = await sx.call('get', `/posts/${post.id}`, CARA).expect(200);
      expect(read.body.timeSharePercent).toBe(40);
      for (const bad of [0, 45, 110]) {
        await sx
          .call('post', '/posts', ANNA)
          .send(embedInput({ timeSharePercent: bad }))
          .expect(400);
      }
      const full = await sx.call('post', '/posts', ANNA).send(embedInput());
      expect(full.body.timeSharePercent).toBe(100);
    });

    it('hides interest from the manager on every route until it is asked for or accepted', async () => {
      const { post, interest } = await embedWithInterest(sx);
      const ben = /user:default\/ben/;
      const seenByDan = async () => {
        await sx.call('get', `/posts/${post.id}/interests`, DAN).expect(403);
        const texts = [
          (await sx.call('get', `/posts/${post.id}`, DAN).expect(200)).text,
          (await sx.call('get', '/posts?q=embed', DAN).expect(200)).text,
          (await sx.call('get', '/insights', DAN).expect(200)).text,
          (await sx.call('get', '/insights.csv', DAN).expect(200)).text,
        ];
        texts.forEach(text => expect(text).not.toMatch(ben));
        const approvals = await sx.call('get', '/approvals', DAN).expect(200);
        const activities = await sx
          .call('get', `/profiles/${encodeURIComponent(BEN)}/activities`, DAN)
          .expect(200);
        return {
          approvals: approvals.body.filter(
            (a: any) => a.interest.id === interest.id,
          ),
          accepted: activities.body.items.filter(
            (a: any) => a.post?.id === post.id || a.postId === post.id,
          ),
        };
      };
      expect(await seenByDan()).toEqual({ approvals: [], accepted: [] });

      // Nobody but the applicant asks; nobody answers what was not asked.
      await ask(sx, interest.id, CARA).expect(403);
      await decide(sx, interest.id, 'approve').expect(403);

      const asked = await ask(sx, interest.id).expect(201);
      expect(asked.body.managerApproval).toMatchObject({
        status: 'requested',
        manager: DAN,
        answeredAt: null,
      });
      const toDan = sx.sent.filter(
        n => n.payload.topic === 'skill-exchange:approval-requested',
      );
      expect(toDan.at(-1)).toMatchObject({
        recipients: { entityRef: DAN },
        payload: {
          description: expect.stringContaining(
            '2 days a week (40%) for 2 weeks',
          ),
          link: '/skill-exchange/approvals',
        },
      });
      await ask(sx, interest.id).expect(200);
      expect(
        sx.sent.filter(
          n => n.payload.topic === 'skill-exchange:approval-requested',
        ),
      ).toHaveLength(toDan.length);

      const now = await seenByDan();
      expect(now.approvals).toHaveLength(1);
      expect(now.approvals[0].post).toMatchObject({
        id: post.id,
        timeSharePercent: 40,
        durationWeeks: 2,
      });
      expect(now.accepted).toEqual([]);
      expect((await sx.call('get', '/approvals', CARA)).body).toEqual([]);

      await sx
        .call('post', `/interests/${interest.id}/accept`, ANNA)
        .send({})
        .expect(200);
      expect((await seenByDan()).accepted).toHaveLength(1);
    });

    it('lets the manager asked decline with a reason, and the applicant ask again', async () => {
      const { interest } = await embedWithInterest(sx);
      await ask(sx, interest.id).expect(201);
      await decide(sx, interest.id, 'approve', {}, CARA).expect(403);
      await decide(sx, interest.id, 'approve', {}, ANNA).expect(403);
      await decide(sx, interest.id, 'decline').expect(400);
      await decide(sx, interest.id, 'decline', { reason: 'x\u0000' }).expect(
        400,
      );
      const mine = () =>
        sx
          .knex('interests')
          .where('id', interest.id)
          .first()
          .then(r => r.approval_status);
      expect(await mine()).toBe('requested');

      const declined = await decide(sx, interest.id, 'decline', {
        reason: 'Release month: after March',
      }).expect(200);
      expect(declined.body.managerApproval).toMatchObject({
        status: 'declined',
        reason: 'Release month: after March',
      });
      expect(sx.sent.at(-1)).toMatchObject({
        recipients: { entityRef: [BEN, ANNA] },
        payload: {
          topic: 'skill-exchange:approval-declined',
          description: expect.stringContaining('Release month: after March'),
        },
      });
      await decide(sx, interest.id, 'approve').expect(409);

      await ask(sx, interest.id).expect(201);
      await decide(sx, interest.id, 'approve').expect(200);
      const owners = await sx
        .call('get', `/posts/${interest.postId}/interests`, ANNA)
        .expect(200);
      expect(owners.body[0].managerApproval).toMatchObject({
        status: 'approved',
        manager: DAN,
        reason: null,
      });
      // Ben's own view of the post carries it too.
      const bens = await sx.call('get', `/posts/${interest.postId}`, BEN);
      expect(bens.body.myInterest.managerApproval.status).toBe('approved');
    });

    it('says why it cannot ask: not an embed, no manager, answered interest', async () => {
      const onMentorship = await mentorshipWithInterest(sx);
      await ask(sx, onMentorship.id).expect(400);

      const carasPost = (
        await sx.call('post', '/posts', BEN).send(embedInput()).expect(201)
      ).body;
      const caras = (
        await sx
          .call('post', `/posts/${carasPost.id}/interests`, CARA)
          .send({})
          .expect(201)
      ).body;
      const noManager = await ask(sx, caras.id, CARA).expect(409);
      expect(noManager.body.error.message).toMatch(/onramp.dev\/manager/);

      const { interest } = await embedWithInterest(sx);
      await sx
        .call('post', `/interests/${interest.id}/decline`, ANNA)
        .send({})
        .expect(200);
      await ask(sx, interest.id).expect(409);
      await ask(sx, 999999).expect(404);
    });

    it('tells the frontend the policy', async () => {
      const settings = await sx.call('get', '/settings', BEN).expect(200);
      expect(settings.body).toEqual({ managerApproval: 'optional' });
    });
  },
);

describe.each(databases.eachSupportedId())(
  'required manager approval on %s',
  databaseId => {
    const sx = useSkillExchangeBackend(
      databases,
      databaseId,
      managedOrg('required'),
    );

    it('lets the owner accept an embed only once the manager approved', async () => {
      const { post, interest } = await embedWithInterest(sx);
      const accept = () =>
        sx.call('post', `/interests/${interest.id}/accept`, ANNA).send({});
      const refused = await accept().expect(409);
      expect(refused.body.error.message).toMatch(/manager's approval/);
      await ask(sx, interest.id).expect(201);
      await accept().expect(409);
      const stored = await sx
        .knex('interests')
        .where('id', interest.id)
        .first();
      expect(stored.status).toBe('pending');

      await decide(sx, interest.id, 'approve').expect(200);
      const accepted = await accept().expect(200);
      expect(accepted.body.status).toBe('accepted');
      expect(
        (await sx.call('get', `/posts/${post.id}`, ANNA)).body.acceptedCount,
      ).toBe(1);
    });

    it('does not ask for mentorships', async () => {
      const interest = await mentorshipWithInterest(sx);
      await sx
        .call('post', `/interests/${interest.id}/accept`, ANNA)
        .send({})
        .expect(200);
    });
  },
);

describe.each(databases.eachSupportedId())(
  'manager approval turned off on %s',
  databaseId => {
    const sx = useSkillExchangeBackend(
      databases,
      databaseId,
      managedOrg('off'),
    );

    it('refuses requests and says so', async () => {
      const { interest } = await embedWithInterest(sx);
      const refused = await ask(sx, interest.id).expect(400);
      expect(refused.body.error.message).toMatch(/off in this portal/);
      await sx
        .call('post', `/interests/${interest.id}/accept`, ANNA)
        .send({})
        .expect(200);
      expect((await sx.call('get', '/settings', BEN)).body).toEqual({
        managerApproval: 'off',
      });
    });
  },
);
