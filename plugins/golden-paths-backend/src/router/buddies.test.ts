import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import {
  GoldenPathsTestBackend,
  startGoldenPathsBackend,
} from '../__testUtils__/backend';
import { skillExchangeStandIn } from '../__testUtils__/skillExchange';

jest.setTimeout(60_000);

const NEWCOMER = 'user:default/newcomer';
const SECOND = 'user:default/second';
const MANAGER = 'user:default/manager';
const STRANGER = 'user:default/stranger';
const ANNA = 'user:default/anna';
const BEN = 'user:default/ben';
const PATH = 'backend-day-1';

/** The newcomers in a group whose manager is MANAGER. */
const entities: Entity[] = [
  ...[NEWCOMER, SECOND].map(ref => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: ref.split('/')[1], namespace: 'default' },
    spec: {},
    relations: [{ type: 'memberOf', targetRef: 'group:default/backend' }],
  })),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'backend',
      namespace: 'default',
      annotations: { 'onramp.dev/manager': MANAGER },
    },
    spec: { type: 'team', children: [] },
  },
];

const candidates = [
  { user: ANNA, reason: 'Backend, Expert; can help with TypeScript (Expert)' },
  { user: BEN, reason: 'Backend, Practitioner' },
];

describe('onboarding buddies over HTTP', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let backend: GoldenPathsTestBackend;
    let knex: Knex;
    const skillExchange = skillExchangeStandIn(candidates);
    beforeAll(async () => {
      knex = await databases.init(databaseId);
      backend = await startGoldenPathsBackend({
        knex,
        catalogEntities: entities,
        config: { goldenPaths: { buddies: { maxPerBuddy: 1 } } },
        features: [skillExchange.plugin],
      });
    });
    afterAll(() => backend.stop());
    const rows = () =>
      knex('gp_journey_buddies')
        .orderBy(['journey_id', 'buddy_ref'])
        .select('journey_id', 'buddy_ref', 'status', 'confirmed_by');
    const start = async (user: string) => {
      const res = await backend
        .call('post', '/journeys', user)
        .send({ pathId: PATH });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };

    it('suggests the best candidate on start; the manager confirms, both hear, the buddy sees their person', async () => {
      const journeyId = await start(NEWCOMER);
      expect(skillExchange.state.queries[0]).toEqual({
        discipline: 'Backend',
        skills: 'TypeScript,Docker,Kubernetes,Prometheus,day-1,backend',
        exclude: NEWCOMER,
        limit: '20',
      });
      const seen = await backend.call(
        'get',
        `/journeys/${journeyId}/buddy`,
        NEWCOMER,
      );
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({
        enabled: true,
        canDecide: true,
        declined: [],
        buddy: {
          userEntityRef: ANNA,
          status: 'suggested',
          reason: candidates[0].reason,
        },
      });
      // Strangers neither see nor decide; nothing changes.
      const before = await rows();
      expect(
        (await backend.call('get', `/journeys/${journeyId}/buddy`, STRANGER))
          .status,
      ).toBe(403);
      for (const action of ['confirm', 'decline']) {
        const res = await backend
          .call('post', `/journeys/${journeyId}/buddy/${action}`, STRANGER)
          .send({ buddyRef: ANNA });
        expect(res.status).toBe(403);
      }
      // Bad input: 400 and nothing changes.
      for (const body of [
        {},
        { buddyRef: 'group:default/backend' },
        { buddyRef: ANNA, extra: 1 },
      ]) {
        const res = await backend
          .call('post', `/journeys/${journeyId}/buddy/confirm`, NEWCOMER)
          .send(body);
        expect(res.status).toBe(400);
      }
      // Someone who is not the suggestion: 409, nothing changes.
      const wrong = await backend
        .call('post', `/journeys/${journeyId}/buddy/confirm`, NEWCOMER)
        .send({ buddyRef: BEN });
      expect(wrong.status).toBe(409);
      expect(await rows()).toEqual(before);
      expect(backend.send).not.toHaveBeenCalled();

      const confirmed = await backend
        .call('post', `/journeys/${journeyId}/buddy/confirm`, MANAGER)
        .send({ buddyRef: ANNA });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.buddy).toMatchObject({
        userEntityRef: ANNA,
        status: 'confirmed',
        confirmedBy: MANAGER,
      });
      const recipients = backend.send.mock.calls.map(
        ([n]: any) => n.recipients.entityRef,
      );
      expect(recipients).toEqual([NEWCOMER, ANNA]);

      const mine = await backend.call('get', '/buddies/me', ANNA);
      expect(mine.body.items).toEqual([
        expect.objectContaining({
          journeyId,
          userEntityRef: NEWCOMER,
          pathId: PATH,
          completedSteps: 0,
          totalSteps: expect.any(Number),
          nextStepTitle: expect.any(String),
        }),
      ]);
      // The buddy sees the journey's buddy too, without deciding.
      const asBuddy = await backend.call(
        'get',
        `/journeys/${journeyId}/buddy`,
        ANNA,
      );
      expect(asBuddy.body.canDecide).toBe(false);
      expect(
        (await backend.call('get', '/buddies/me', BEN)).body.items,
      ).toEqual([]);
    });

    it('passes over a full buddy, answers 409 when the suggestion filled up meanwhile, and suggests another on decline', async () => {
      // Anna has her one person (maxPerBuddy 1): Ben is suggested.
      const journeyId = await start(SECOND);
      const seen = await backend.call(
        'get',
        `/journeys/${journeyId}/buddy`,
        SECOND,
      );
      expect(seen.body.buddy.userEntityRef).toBe(BEN);
      // Force the full case: suggest Anna by hand (as if she had room then).
      await knex('gp_journey_buddies')
        .where({ journey_id: journeyId })
        .update({ buddy_ref: ANNA });
      const before = await rows();
      const full = await backend
        .call('post', `/journeys/${journeyId}/buddy/confirm`, SECOND)
        .send({ buddyRef: ANNA });
      expect(full.status).toBe(409);
      expect(full.body.error.message).toBe(
        `${ANNA} is already the onboarding buddy of 1 people, the most one buddy has (1); ask for another suggestion`,
      );
      expect(await rows()).toEqual(before);
      // Decline: the next with room (Ben) is suggested.
      const declined = await backend
        .call('post', `/journeys/${journeyId}/buddy/decline`, SECOND)
        .send({ buddyRef: ANNA });
      expect(declined.status).toBe(200);
      expect(declined.body).toMatchObject({
        declined: [ANNA],
        buddy: { userEntityRef: BEN, status: 'suggested' },
      });
      expect(skillExchange.state.queries.at(-1)?.exclude).toBe(
        `${SECOND},${ANNA}`,
      );
    });

    it('starts the journey without a buddy when the Skill Exchange fails, and logs it', async () => {
      skillExchange.state.status = 500;
      try {
        const journeyId = await start(STRANGER);
        const seen = await backend.call(
          'get',
          `/journeys/${journeyId}/buddy`,
          STRANGER,
        );
        expect(seen.body.buddy).toBeUndefined();
        expect(backend.logs.lines).toContainEqual(
          expect.objectContaining({
            message: expect.stringContaining(
              `Could not suggest an onboarding buddy for ${STRANGER} on ${PATH}`,
            ),
          }),
        );
      } finally {
        skillExchange.state.status = 200;
      }
    });
  });

  describe.each(databases.eachSupportedId())(
    'without the Skill Exchange on %p',
    databaseId => {
      it('starts journeys without a suggestion and says why at startup', async () => {
        const backend = await startGoldenPathsBackend({
          knex: await databases.init(databaseId),
        });
        try {
          const started = await backend
            .call('post', '/journeys', NEWCOMER)
            .send({ pathId: PATH });
          expect(started.status).toBe(201);
          const seen = await backend.call(
            'get',
            `/journeys/${started.body.id}/buddy`,
            NEWCOMER,
          );
          expect(seen.body).toEqual({
            journeyId: started.body.id,
            enabled: true,
            declined: [],
            canDecide: true,
          });
          expect(backend.logs.lines.map(l => l.message)).toContainEqual(
            expect.stringContaining('onboarding buddies are off'),
          );
        } finally {
          await backend.stop();
        }
      });
    },
  );
});
