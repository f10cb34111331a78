import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import {
  AMARA,
  GoldenPathsTestBackend,
  LARS,
  SOFIA,
  startGoldenPathsBackend,
} from '../__testUtils__/backend';
import { userEntities } from '../__testUtils__/catalog';

jest.setTimeout(60_000);

const LUCIA = 'user:default/lucia.rossi';
const AISHA = 'user:default/aisha.bello';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Machine Learning: managed by Aisha, with Lucia, Sofia and Aisha herself. */
const mlGroup = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'machine-learning',
    namespace: 'default',
    title: 'Machine Learning',
    annotations: { 'onramp.dev/manager': AISHA },
  },
  spec: { type: 'team', children: [] },
  relations: [LUCIA, SOFIA, AISHA].map(targetRef => ({
    type: 'hasMember',
    targetRef,
  })),
};

const cohort = {
  id: 'ml-bootcamp',
  title: 'ML Bootcamp',
  startDate: '2026-12-01',
  endDate: '2026-12-19',
  owner: AMARA,
  pathId: 'machine-learning-day-1',
  group: 'group:default/machine-learning',
};

const count = async (knex: Knex, table: string) =>
  Number((await knex(table).count({ n: '*' }))[0].n);

describe('bootcamps and managers', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let backend: GoldenPathsTestBackend;
    let knex: Knex;
    beforeAll(async () => {
      knex = await databases.init(databaseId);
      backend = await startGoldenPathsBackend({
        knex,
        catalogEntities: [
          ...userEntities([
            { name: 'lucia.rossi' },
            { name: 'sofia.marquez' },
            { name: 'aisha.bello' },
          ]),
          mlGroup,
        ],
      });
    });
    afterAll(() => backend.stop());

    it('creates a cohort from a catalog group; bad input 400, non-admins 403, nothing made', async () => {
      const denied = await backend.call('post', '/cohorts', SOFIA).send(cohort);
      expect(denied.status).toBe(403);
      for (const bad of [
        { ...cohort, group: 'group:default/nobody' },
        { ...cohort, pathId: 'no-such-path' },
        { ...cohort, endDate: '2026-11-30' },
      ]) {
        const res = await backend.call('post', '/cohorts', AMARA).send(bad);
        expect(res.status).toBe(400);
      }
      expect(await count(knex, 'gp_cohorts')).toBe(0);

      const created = await backend
        .call('post', '/cohorts', AMARA)
        .send(cohort);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        pathId: 'machine-learning-day-1',
        endDate: '2026-12-19',
        group: 'group:default/machine-learning',
        members: [AISHA, LUCIA, SOFIA],
      });
      const mine = await backend.call('get', '/cohorts/mine', LUCIA);
      expect(mine.body.items).toEqual([
        {
          id: 'ml-bootcamp',
          title: 'ML Bootcamp',
          startDate: '2026-12-01',
          endDate: '2026-12-19',
          pathId: 'machine-learning-day-1',
        },
      ]);
    });

    it('shows a board with steps done, current step and days stuck', async () => {
      await backend
        .call('post', '/journeys', SOFIA)
        .send({ pathId: 'machine-learning-day-1' })
        .expect(201);
      await knex('gp_journeys')
        .where({ user_entity_ref: SOFIA })
        .update({ last_activity_at: Date.now() - 5 * DAY_MS - 1000 });

      expect(
        (await backend.call('get', '/cohorts/ml-bootcamp/board', SOFIA)).status,
      ).toBe(403);
      const board = await backend.call(
        'get',
        '/cohorts/ml-bootcamp/board',
        AMARA,
      );
      expect(board.status).toBe(200);
      expect(board.body.pathTitle).toBeTruthy();
      const sofia = board.body.rows.find((r: any) => r.userEntityRef === SOFIA);
      expect(sofia).toMatchObject({
        status: 'active',
        completedSteps: 0,
        stuckDays: 5,
        nudgedToday: false,
        currentStep: { id: expect.any(String) },
      });
      expect(sofia.totalSteps).toBeGreaterThan(0);
      const lucia = board.body.rows.find((r: any) => r.userEntityRef === LUCIA);
      expect(lucia).toMatchObject({
        status: 'not-started',
        nudgedToday: false,
      });
      expect(lucia.stuckDays).toBeUndefined();
    });

    it('nudges a member at most once a day: 409 on a repeat, 403/400 change nothing', async () => {
      backend.send.mockClear();
      const url = '/cohorts/ml-bootcamp/nudges';
      const denied = await backend
        .call('post', url, SOFIA)
        .send({ userEntityRef: LUCIA });
      expect(denied.status).toBe(403);
      const stranger = await backend
        .call('post', url, AMARA)
        .send({ userEntityRef: LARS });
      expect(stranger.status).toBe(400);
      const bad = await backend.call('post', url, AMARA).send({ who: LUCIA });
      expect(bad.status).toBe(400);
      expect(await count(knex, 'gp_nudges')).toBe(0);
      expect(backend.send).not.toHaveBeenCalled();

      const first = await backend
        .call('post', url, AMARA)
        .send({ userEntityRef: LUCIA });
      expect(first.status).toBe(204);
      expect(backend.send).toHaveBeenCalledWith({
        recipients: { type: 'entity', entityRef: LUCIA },
        payload: expect.objectContaining({
          title: 'A nudge from your bootcamp ML Bootcamp',
          link: '/golden-paths/machine-learning-day-1',
        }),
      });
      const again = await backend
        .call('post', url, AMARA)
        .send({ userEntityRef: LUCIA });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toBe(
        `${LUCIA} was already nudged today; one nudge a day is enough, try again tomorrow`,
      );
      expect(await count(knex, 'gp_nudges')).toBe(1);
      expect(backend.send).toHaveBeenCalledTimes(1);

      // "Nudge all stuck": Sofia (stuck 5 days) once, then nobody.
      const all = await backend.call('post', `${url}/stuck`, AMARA).send({});
      expect(all.body).toEqual({ nudged: [SOFIA], alreadyNudged: [] });
      const repeat = await backend.call('post', `${url}/stuck`, AMARA).send({});
      expect(repeat.body).toEqual({ nudged: [], alreadyNudged: [SOFIA] });
      expect(backend.send).toHaveBeenCalledTimes(2);
      const board = await backend.call(
        'get',
        '/cohorts/ml-bootcamp/board',
        AMARA,
      );
      expect(
        board.body.rows
          .filter((r: any) => r.nudgedToday)
          .map((r: any) => r.userEntityRef),
      ).toEqual([LUCIA, SOFIA]);
    });

    it('shows a manager their reports from the catalog and lets only them assign a path', async () => {
      const empty = await backend.call('get', '/team/onboarding', LARS);
      expect(empty.body).toEqual({ items: [], totalItems: 0 });

      const team = await backend.call('get', '/team/onboarding', AISHA);
      expect(team.status).toBe(200);
      expect(team.body.items.map((m: any) => m.userEntityRef)).toEqual([
        LUCIA,
        SOFIA,
      ]);
      expect(team.body.items[1]).toMatchObject({
        displayName: 'sofia.marquez',
        groups: ['Machine Learning'],
        sharesSkillExchange: false,
        journeys: [
          {
            pathId: 'machine-learning-day-1',
            status: 'active',
            completedSteps: 0,
          },
        ],
      });

      const assignment = { userEntityRef: LUCIA, pathId: 'backend-day-1' };
      const url = '/team/onboarding/assignments';
      const notManager = await backend.call('post', url, LARS).send(assignment);
      expect(notManager.status).toBe(403);
      const unknown = await backend
        .call('post', url, AISHA)
        .send({ ...assignment, pathId: 'no-such-path' });
      expect(unknown.status).toBe(400);
      const bad = await backend
        .call('post', url, AISHA)
        .send({ ...assignment, extra: 1 });
      expect(bad.status).toBe(400);
      const lucias = await knex('gp_journeys').where({
        user_entity_ref: LUCIA,
      });
      expect(lucias).toEqual([]);

      const assigned = await backend.call('post', url, AISHA).send(assignment);
      expect(assigned.status).toBe(201);
      expect(assigned.body).toMatchObject({
        userEntityRef: LUCIA,
        pathId: 'backend-day-1',
        status: 'active',
      });
      expect(backend.send).toHaveBeenCalledWith(
        expect.objectContaining({
          recipients: { type: 'entity', entityRef: LUCIA },
        }),
      );
    });

    it('keeps the Skill Exchange sharing setting per person, default off', async () => {
      const me = await backend.call('get', '/me', LUCIA);
      expect(me.body).toEqual({
        userEntityRef: LUCIA,
        settings: { shareSkillExchange: false },
        canManageCohorts: false,
      });
      expect(
        (await backend.call('get', '/me', AMARA)).body.canManageCohorts,
      ).toBe(true);
      const bad = await backend
        .call('put', '/me/settings', LUCIA)
        .send({ shareSkillExchange: 'yes' });
      expect(bad.status).toBe(400);
      expect(await count(knex, 'gp_person_settings')).toBe(0);
      await backend
        .call('put', '/me/settings', LUCIA)
        .send({ shareSkillExchange: true })
        .expect(200);
      const team = await backend.call('get', '/team/onboarding', AISHA);
      expect(
        team.body.items.map((m: any) => [
          m.userEntityRef,
          m.sharesSkillExchange,
        ]),
      ).toEqual([
        [LUCIA, true],
        [SOFIA, false],
      ]);
    });
  });
});
