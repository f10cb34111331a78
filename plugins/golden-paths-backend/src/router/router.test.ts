import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  AMARA,
  asService,
  DAY1,
  LARS,
  SOFIA,
  useGoldenPathsBackend,
} from '../__testUtils__/backend';

jest.setTimeout(60_000);

const service = asService;

describe('golden-paths router', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    const backend = useGoldenPathsBackend(databases, databaseId);

    it('lists the demo paths and gets one', async () => {
      const list = await backend.call('get', '/paths', SOFIA);
      expect(list.status).toBe(200);
      // By title: the mock catalog puts Sofia in no group, so none is hers.
      expect(list.body.items.map((p: any) => p.discipline)).toEqual([
        'Audio Processing',
        'Backend',
        'Client',
        'Data Engineering',
        'Data Science',
        'Machine Learning',
      ]);
      expect(list.body.items.every((p: any) => p.forYou === false)).toBe(true);
      const one = await backend.call('get', '/paths/backend-day-1', SOFIA);
      expect(one.body.steps.map((s: any) => s.id)).toEqual([
        'dev-environment',
        'create-service',
        'deploy',
        'monitoring',
        'dns',
      ]);
      const missing = await backend.call('get', '/paths/nope', SOFIA);
      expect(missing.status).toBe(404);
      expect(missing.body.error.name).toBe('NotFoundError');
    });

    it('starts journeys for the caller and rejects bad input', async () => {
      const created = await backend
        .call('post', '/journeys', SOFIA)
        .send({ pathId: 'backend-day-1' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        pathId: 'backend-day-1',
        userEntityRef: SOFIA,
        status: 'active',
        completedSteps: 0,
        totalSteps: 5,
        nextStepId: 'dev-environment',
      });
      const again = await backend
        .call('post', '/journeys', SOFIA)
        .send({ pathId: 'backend-day-1' });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(created.body.id);

      for (const body of [{}, { pathId: 'Not An Id' }, { pathId: 'nope' }]) {
        const bad = await backend.call('post', '/journeys', SOFIA).send(body);
        expect(bad.status).toBe(400);
        expect(bad.body.error.name).toBe('InputError');
      }
      const mine = await backend.call('get', '/journeys/me', SOFIA);
      expect(mine.body.items).toHaveLength(1);
    });

    it('lets people see only their own journeys', async () => {
      const mine = await backend.call('get', '/journeys/me', SOFIA);
      const id = mine.body.items[0].id;
      const own = await backend.call('get', `/journeys/${id}`, SOFIA);
      expect(own.status).toBe(200);
      const other = await backend.call('get', `/journeys/${id}`, LARS);
      expect(other.status).toBe(403);
      const larsJourneys = await backend.call('get', '/journeys/me', LARS);
      expect(larsJourneys.body.items).toEqual([]);
    });

    it('completes manual steps for their owner only, 400 for the others', async () => {
      const completeDevEnvironment = (who: string, body: object) =>
        backend
          .call(
            'post',
            '/journeys/backend-day-1/steps/dev-environment/complete',
            who,
          )
          .send(body);
      const evidenceStep = await backend
        .call('post', '/journeys/backend-day-1/steps/deploy/complete', SOFIA)
        .send({});
      expect(evidenceStep.status).toBe(400);
      expect(evidenceStep.body.error.message).toMatch(/deploy\.healthy/);

      const notStarted = await completeDevEnvironment(LARS, {});
      expect(notStarted.status).toBe(404);

      const badBody = await completeDevEnvironment(SOFIA, { unexpected: true });
      expect(badBody.status).toBe(400);

      const done = await completeDevEnvironment(SOFIA, {
        note: 'Devcontainer works',
      });
      expect(done.status).toBe(200);
      expect(done.body.steps[0]).toMatchObject({
        stepId: 'dev-environment',
        status: 'completed',
        evidence: { source: 'manual', summary: 'Devcontainer works' },
      });
      expect(done.body.nextStepId).toBe('create-service');
    });

    it('accepts evidence from services only', async () => {
      const body = {
        userEntityRef: SOFIA,
        key: 'deploy.healthy',
        evidenceId: 'forged',
      };
      const fromUser = await backend
        .call('post', '/evidence', SOFIA)
        .send(body);
      expect(fromUser.status).toBe(403);
      const anonymous = await request(backend.server)
        .post('/api/golden-paths/evidence')
        .set({ Authorization: mockCredentials.none.header() })
        .send(body);
      expect(anonymous.status).toBe(401);
      const mine = await backend.call('get', '/journeys/me', SOFIA);
      expect(
        mine.body.items[0].steps.find((s: any) => s.stepId === 'deploy').status,
      ).toBe('pending');
    });

    it('rejects bad evidence with 400 and changes nothing', async () => {
      const bodies = [
        {},
        { userEntityRef: 'sofia', key: 'deploy.healthy', evidenceId: 'x' },
        { userEntityRef: SOFIA, key: 'Deploy Healthy', evidenceId: 'x' },
        { userEntityRef: SOFIA, key: 'deploy.healthy' },
        {
          userEntityRef: SOFIA,
          key: 'deploy.healthy',
          evidenceId: 'x',
          extra: 1,
        },
        {
          userEntityRef: SOFIA,
          key: 'deploy.healthy',
          evidenceId: 'x',
          occurredAt: 'yesterday',
        },
        {
          userEntityRef: SOFIA,
          key: 'deploy.healthy',
          evidenceId: 'x',
          stepId: 'deploy',
        },
        {
          userEntityRef: SOFIA,
          key: 'deploy.healthy',
          evidenceId: 'x',
          pathId: 'nope',
        },
        {
          userEntityRef: SOFIA,
          key: 'deploy.healthy',
          evidenceId: 'x',
          pathId: 'backend-day-1',
          stepId: 'nope',
        },
        {
          userEntityRef: SOFIA,
          key: 'dns.resolves',
          evidenceId: 'x',
          pathId: 'backend-day-1',
          stepId: 'deploy',
        },
        {
          userEntityRef: SOFIA,
          key: 'deploy.healthy',
          evidenceId: 'x',
          outputs: ['not', 'a', 'record'],
        },
      ];
      for (const body of bodies) {
        const res = await request(backend.server)
          .post('/api/golden-paths/evidence')
          .set(service)
          .send(body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expect(res.body.error.name).toBe('InputError');
      }
      const mine = await backend.call('get', '/journeys/me', SOFIA);
      expect(mine.body.items[0].completedSteps).toBe(1);
    });

    it('records the Day-1 evidence idempotently and finishes the journey', async () => {
      const template = {
        userEntityRef: SOFIA,
        key: 'template.succeeded',
        evidenceId: 'task-42',
        taskId: 'task-42',
        templateRef: DAY1,
        link: 'http://localhost:3000/create/tasks/task-42',
        summary: 'Created service sofia-svc',
        outputs: { repoUrl: 'file:///repos/sofia-svc.git' },
        occurredAt: '2026-11-26T10:00:00Z',
      };
      const first = await request(backend.server)
        .post('/api/golden-paths/evidence')
        .set(service)
        .send(template);
      expect(first.status).toBe(201);
      expect(first.body).toEqual({
        recorded: true,
        completed: [{ pathId: 'backend-day-1', stepId: 'create-service' }],
        journeys: [
          {
            pathId: 'backend-day-1',
            title: 'Backend',
            completedSteps: 2,
            totalSteps: 5,
          },
        ],
      });
      const second = await request(backend.server)
        .post('/api/golden-paths/evidence')
        .set(service)
        .send(template);
      expect(second.status).toBe(200);
      expect(second.body).toEqual(first.body);

      const wrongTemplate = await request(backend.server)
        .post('/api/golden-paths/evidence')
        .set(service)
        .send({
          ...template,
          evidenceId: 'task-43',
          templateRef: 'template:default/other',
        });
      expect(wrongTemplate.body).toMatchObject({
        recorded: false,
        completed: [],
      });

      // Targeted evidence for one step.
      const deploy = await request(backend.server)
        .post('/api/golden-paths/evidence')
        .set(service)
        .send({
          userEntityRef: SOFIA,
          key: 'deploy.healthy',
          evidenceId: 'task-42:deploy',
          pathId: 'backend-day-1',
          stepId: 'deploy',
          link: 'http://sofia-svc.apps.onramp.test',
        });
      expect(deploy.body).toMatchObject({
        recorded: true,
        completed: [{ pathId: 'backend-day-1', stepId: 'deploy' }],
        journeys: [{ pathId: 'backend-day-1', completedSteps: 3 }],
      });

      for (const key of ['monitoring.configured', 'dns.resolves']) {
        const res = await request(backend.server)
          .post('/api/golden-paths/evidence')
          .set(service)
          .send({ userEntityRef: SOFIA, key, evidenceId: `task-42:${key}` });
        expect(res.body.completed).toHaveLength(1);
      }

      const mine = await backend.call('get', '/journeys/me', SOFIA);
      const journey = mine.body.items[0];
      expect(journey.status).toBe('completed');
      expect(journey.completedSteps).toBe(5);
      expect(
        journey.steps.find((s: any) => s.stepId === 'create-service').evidence,
      ).toMatchObject({
        taskId: 'task-42',
        link: 'http://localhost:3000/create/tasks/task-42',
        outputs: { repoUrl: 'file:///repos/sofia-svc.git' },
      });
      expect(backend.auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({
          eventId: 'evidence-record',
          meta: expect.objectContaining({
            evidenceId: 'task-42',
            key: 'template.succeeded',
          }),
        }),
      );
      expect(backend.send).toHaveBeenCalledTimes(1);
      expect(backend.send).toHaveBeenCalledWith(
        expect.objectContaining({
          recipients: { type: 'entity', entityRef: SOFIA },
          payload: expect.objectContaining({ title: 'You finished Backend' }),
        }),
      );
    });

    it('shows metrics to viewers only, as JSON and CSV', async () => {
      const denied = await backend.call('get', '/metrics', SOFIA);
      expect(denied.status).toBe(403);

      const metrics = await backend.call('get', '/metrics', AMARA);
      expect(metrics.status).toBe(200);
      const backendPath = metrics.body.paths.find(
        (p: any) => p.pathId === 'backend-day-1',
      );
      // One person so far: hidden under the default minimum group size (5).
      expect(backendPath).toMatchObject({
        started: null,
        completed: null,
        rate: null,
        suppressed: true,
      });
      expect(metrics.body.timeToDay1Complete).toMatchObject({
        count: null,
        suppressed: true,
      });
      // No pull request source is configured.
      expect(metrics.body.timeToTenthMergedPr).toBeNull();

      const csv = await backend.call(
        'get',
        '/metrics?format=csv&discipline=Backend',
        AMARA,
      );
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      expect(csv.text).toContain('path,backend-day-1,Backend,true,,,,,,,,,');
      expect(csv.text).not.toContain('client-day-1');

      const bad = await backend.call('get', '/metrics?from=not-a-date', AMARA);
      expect(bad.status).toBe(400);
    });

    it('manages cohorts for viewers with optimistic concurrency', async () => {
      const cohort = {
        id: 'bootcamp-2026-11',
        title: 'Engineering Bootcamp 2026-11',
        startDate: '2026-11-02',
        owner: AMARA,
        members: [SOFIA],
      };
      const denied = await backend.call('post', '/cohorts', SOFIA).send(cohort);
      expect(denied.status).toBe(403);
      const created = await backend
        .call('post', '/cohorts', AMARA)
        .send(cohort);
      expect(created.status).toBe(201);
      expect(created.body.version).toBe(1);
      const duplicate = await backend
        .call('post', '/cohorts', AMARA)
        .send(cohort);
      expect(duplicate.status).toBe(409);

      const { id, ...rest } = cohort;
      const updated = await backend
        .call('put', `/cohorts/${id}`, AMARA)
        .send({ ...rest, members: [SOFIA, LARS], version: 1 });
      expect(updated.status).toBe(200);
      expect(updated.body.version).toBe(2);
      const stale = await backend
        .call('put', `/cohorts/${id}`, AMARA)
        .send({ ...rest, version: 1 });
      expect(stale.status).toBe(409);
      // The largest version a column holds: a conflict, not an overflow (500 on PostgreSQL).
      const highest = await backend
        .call('put', `/cohorts/${id}`, AMARA)
        .send({ ...rest, version: 2147483647 });
      expect(highest.status).toBe(409);

      const metrics = await backend.call(
        'get',
        `/metrics?cohortId=${id}`,
        AMARA,
      );
      // A cohort of one: listed, and hidden (goldenPaths.metrics.minimumGroupSize).
      expect(metrics.body.cohorts).toEqual([
        {
          cohortId: id,
          title: cohort.title,
          people: null,
          started: null,
          completed: null,
          rate: null,
          suppressed: true,
        },
      ]);
    });
  });
});
