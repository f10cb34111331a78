import { TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import { testRegistry } from '../__fixtures__/paths';
import { GoldenPathsService } from '../service/GoldenPathsService';
import { computeMetrics, metricsToCsv } from '../service/metrics';
import { GoldenPathRegistry, parseGoldenPaths } from '../service/paths';
import { GoldenPathsStore } from './GoldenPathsStore';
import { MetricsStore } from './MetricsStore';

jest.setTimeout(60_000);

const HOUR = 60 * 60 * 1000;
const T0 = Date.parse('2026-11-02T09:00:00Z');
const DAY1 = 'template:default/day-1-backend-service';

describe.each([['migrations']])('GoldenPathsStore %s', () => {
  const databases = TestDatabases.create();

  it('runs on PostgreSQL in CI', () => {
    const ids = databases.eachSupportedId().map(([id]) => id as string);
    // In CI (the test command sets CI=true) PostgreSQL must not be skipped.
    expect(!process.env.CI || ids.includes('POSTGRES_15')).toBe(true);
    expect(databases.eachSupportedId().length).toBeGreaterThan(0);
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let store: GoldenPathsStore;
    let paths: GoldenPathRegistry;
    let now: number;
    let service: GoldenPathsService;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      store = await GoldenPathsStore.create({
        database: { getClient: async () => knex },
      });
      paths = await testRegistry();
    });

    beforeEach(async () => {
      await knex('gp_stuck_notices').delete();
      await knex('gp_step_progress').delete();
      await knex('gp_evidence').delete();
      await knex('gp_cohort_members').delete();
      await knex('gp_cohorts').delete();
      await knex('gp_journeys').delete();
      now = T0;
      service = new GoldenPathsService(store, paths, () => now);
    });

    it('migrates down and up again', async () => {
      const directory = require('node:path').resolve(
        __dirname,
        '../../migrations',
      );
      await knex.migrate.rollback({ directory }, true);
      expect(await knex.schema.hasTable('gp_journeys')).toBe(false);
      expect(await knex.schema.hasTable('gp_evidence')).toBe(false);
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable('gp_journeys')).toBe(true);
      expect(await knex.schema.hasTable('gp_stuck_notices')).toBe(true);
    });

    it('starts a journey once and lists steps in path order', async () => {
      const first = await service.startJourney(
        'user:default/a',
        'backend-day-1',
      );
      const again = await service.startJourney(
        'user:default/a',
        'backend-day-1',
      );
      expect(first.created).toBe(true);
      expect(again.created).toBe(false);
      expect(again.journey.id).toBe(first.journey.id);
      expect(first.journey.steps.map(s => s.stepId)).toEqual([
        'dev-environment',
        'create-service',
        'deploy',
        'monitoring',
        'dns',
      ]);
      expect(first.journey.nextStepId).toBe('dev-environment');
      expect(first.journey.completedSteps).toBe(0);
    });

    it('records evidence idempotently and matches by key and templateRef', async () => {
      await service.startJourney('user:default/a', 'backend-day-1');
      const request = {
        userEntityRef: 'user:default/a',
        key: 'template.succeeded',
        evidenceId: 'task-1',
        taskId: 'task-1',
        templateRef: DAY1,
        link: '/create/tasks/task-1',
        outputs: { repoUrl: 'file:///repos/svc.git' },
      };
      const first = await service.recordEvidence(request);
      expect(first).toEqual({
        recorded: true,
        completed: [{ pathId: 'backend-day-1', stepId: 'create-service' }],
      });
      now += HOUR;
      const second = await service.recordEvidence(request);
      expect(second).toEqual(first);
      expect(await knex('gp_evidence').count({ n: '*' })).toEqual([
        { n: expect.anything() },
      ]);
      expect(Number((await knex('gp_evidence').count({ n: '*' }))[0].n)).toBe(
        1,
      );
      expect(
        Number((await knex('gp_step_progress').count({ n: '*' }))[0].n),
      ).toBe(1);

      const [journey] = await service.getMyJourneys('user:default/a');
      const step = journey.steps.find(s => s.stepId === 'create-service')!;
      expect(step.status).toBe('completed');
      expect(step.evidence).toMatchObject({
        source: 'evidence',
        evidenceId: 'task-1',
        taskId: 'task-1',
        link: '/create/tasks/task-1',
        outputs: { repoUrl: 'file:///repos/svc.git' },
        occurredAt: new Date(T0).toISOString(),
      });
    });

    it('does not complete a template step for another template or key', async () => {
      await service.startJourney('user:default/a', 'backend-day-1');
      await expect(
        service.recordEvidence({
          userEntityRef: 'user:default/a',
          key: 'template.succeeded',
          evidenceId: 'other-template',
          templateRef: 'template:default/something-else',
        }),
      ).resolves.toEqual({ recorded: false, completed: [] });
      // The template reports endpoint.verified too, but no step asks for it.
      await expect(
        service.recordEvidence({
          userEntityRef: 'user:default/a',
          key: 'endpoint.verified',
          evidenceId: 'verified',
        }),
      ).resolves.toEqual({ recorded: false, completed: [] });
      await expect(
        service.recordEvidence({
          userEntityRef: 'user:default/a',
          key: 'deploy.healthy',
          evidenceId: 'healthy',
        }),
      ).resolves.toEqual({
        recorded: true,
        completed: [{ pathId: 'backend-day-1', stepId: 'deploy' }],
      });
    });

    it('completes an any-of step with the evidence that came; stronger evidence replaces a weaker proof, never the reverse', async () => {
      await service.startJourney('user:default/a', 'backend-day-1');
      now = T0 + HOUR;
      await expect(
        service.recordEvidence({
          userEntityRef: 'user:default/a',
          key: 'deploy.requested',
          evidenceId: 'task-1:deploy.requested',
          taskId: 'task-1',
          summary: 'Deploy of svc committed',
          outputs: { commitHash: 'abc1234def5678' },
        }),
      ).resolves.toEqual({
        recorded: true,
        completed: [{ pathId: 'backend-day-1', stepId: 'deploy' }],
      });
      const deployOf = async () =>
        (await service.getMyJourneys('user:default/a'))[0].steps.find(
          s => s.stepId === 'deploy',
        )!;
      expect(await deployOf()).toMatchObject({
        status: 'completed',
        completedAt: new Date(T0 + HOUR).toISOString(),
        evidence: {
          key: 'deploy.requested',
          outputs: { commitHash: 'abc1234def5678' },
        },
      });

      now = T0 + 2 * HOUR;
      await service.recordEvidence({
        userEntityRef: 'user:default/a',
        key: 'deploy.healthy',
        evidenceId: 'task-1:deploy.healthy',
        taskId: 'task-1',
        link: 'http://svc.apps.onramp.test',
      });
      const upgraded = await deployOf();
      expect(upgraded).toMatchObject({
        status: 'completed',
        // Done when it was first proven: the metrics do not move.
        completedAt: new Date(T0 + HOUR).toISOString(),
        evidence: {
          key: 'deploy.healthy',
          evidenceId: 'task-1:deploy.healthy',
          link: 'http://svc.apps.onramp.test',
        },
      });
      expect(upgraded.evidence?.outputs).toBeUndefined();

      // A later practice run that only commits does not weaken the proof.
      now = T0 + 3 * HOUR;
      await service.recordEvidence({
        userEntityRef: 'user:default/a',
        key: 'deploy.requested',
        evidenceId: 'task-2:deploy.requested',
      });
      expect((await deployOf()).evidence?.key).toBe('deploy.healthy');
      const [journey] = await service.getMyJourneys('user:default/a');
      expect(journey.completedSteps).toBe(1);
      expect(
        Number((await knex('gp_step_progress').count({ n: '*' }))[0].n),
      ).toBe(1);
    });

    it('the evidence the Day-1 template records in the embedded default completes every step but the self-attested one', async () => {
      // The keys, in order, that the template's real run records with the
      // gitops providers (asserted by the scaffolder module's
      // template.e2e.test.ts against examples/golden-paths/backend-day-1.yaml).
      await service.startJourney('user:default/a', 'backend-day-1');
      for (const key of [
        'deploy.requested',
        'monitoring.configured',
        'dns.requested',
        'template.succeeded',
      ]) {
        now += HOUR;
        await service.recordEvidence({
          userEntityRef: 'user:default/a',
          key,
          evidenceId: `task-1:${key}`,
          taskId: 'task-1',
          templateRef: key === 'template.succeeded' ? DAY1 : undefined,
        });
      }
      const [journey] = await service.getMyJourneys('user:default/a');
      expect(
        journey.steps.map(s => [s.stepId, s.status, s.evidence?.key]),
      ).toEqual([
        ['dev-environment', 'pending', undefined],
        ['create-service', 'completed', 'template.succeeded'],
        ['deploy', 'completed', 'deploy.requested'],
        ['monitoring', 'completed', 'monitoring.configured'],
        ['dns', 'completed', 'dns.requested'],
      ]);
      expect(journey.completedSteps).toBe(4);
      expect(journey.nextStepId).toBe('dev-environment');
    });

    it('applies any-of evidence to checks and explains the keys it needs', async () => {
      const anyOf = new GoldenPathRegistry(
        parseGoldenPaths(
          `
id: any-of
title: Any of
discipline: Platform
owner: group:default/backend
description: Checks with any-of evidence.
steps:
  - id: ship
    title: Ship
    rule:
      type: checks
      checks:
        - id: deployed
          title: Deployed
          rule: { type: evidence, anyOf: [deploy.healthy, deploy.requested] }
        - id: by-hand
          title: By hand
          rule: { type: manual }
`,
          'any-of.yaml',
        ),
      );
      const svc = new GoldenPathsService(store, anyOf, () => now);
      await svc.startJourney('user:default/d', 'any-of');
      await svc.recordEvidence({
        userEntityRef: 'user:default/d',
        key: 'deploy.requested',
        evidenceId: 'r',
      });
      await svc.recordEvidence({
        userEntityRef: 'user:default/d',
        key: 'deploy.healthy',
        evidenceId: 'h',
      });
      const [journey] = await svc.getMyJourneys('user:default/d');
      expect(journey.steps[0].checks).toMatchObject([
        {
          checkId: 'deployed',
          status: 'completed',
          evidence: { key: 'deploy.healthy' },
        },
        { checkId: 'by-hand', status: 'pending' },
      ]);
      await expect(
        svc.completeManualStep('user:default/d', 'any-of', 'ship', {
          checkId: 'deployed',
        }),
      ).rejects.toThrow(
        'Check "deployed" of step "ship" is proven by evidence "deploy.healthy" or "deploy.requested", not by hand',
      );
      await expect(
        svc.recordEvidence({
          userEntityRef: 'user:default/d',
          key: 'dns.resolves',
          evidenceId: 'x',
          pathId: 'any-of',
          stepId: 'ship',
        }),
      ).rejects.toThrow(
        'needs its checks: deployed (evidence "deploy.healthy" or "deploy.requested"), by-hand (manual)',
      );
    });

    it('needs the required outputs of a template rule', async () => {
      await service.startJourney('user:default/a', 'outputs-path');
      const base = {
        userEntityRef: 'user:default/a',
        key: 'template.succeeded',
        templateRef: 'template:default/with-outputs',
      };
      await expect(
        service.recordEvidence({ ...base, evidenceId: 'no-outputs' }),
      ).resolves.toEqual({ recorded: false, completed: [] });
      await expect(
        service.recordEvidence({
          ...base,
          evidenceId: 'with-outputs',
          outputs: { serviceUrl: 'http://svc' },
        }),
      ).resolves.toEqual({
        recorded: true,
        completed: [{ pathId: 'outputs-path', stepId: 'scaffold' }],
      });
    });

    it('applies evidence earned before the journey started', async () => {
      await expect(
        service.recordEvidence({
          userEntityRef: 'user:default/b',
          key: 'dns.resolves',
          evidenceId: 'dns-1',
        }),
      ).resolves.toEqual({ recorded: false, completed: [] });
      now += HOUR;
      const { journey } = await service.startJourney(
        'user:default/b',
        'backend-day-1',
      );
      expect(journey.steps.find(s => s.stepId === 'dns')?.status).toBe(
        'completed',
      );
      await expect(
        service.recordEvidence({
          userEntityRef: 'user:default/b',
          key: 'dns.resolves',
          evidenceId: 'dns-1',
        }),
      ).resolves.toEqual({
        recorded: true,
        completed: [{ pathId: 'backend-day-1', stepId: 'dns' }],
      });
    });

    it('completes checks one by one and the step with the last', async () => {
      await service.startJourney('user:default/c', 'client-day-1');
      await service.recordEvidence({
        userEntityRef: 'user:default/c',
        key: 'ci.unit.passed',
        evidenceId: 'ci-1',
      });
      let [journey] = await service.getMyJourneys('user:default/c');
      let tests = journey.steps.find(s => s.stepId === 'tests')!;
      expect(tests.status).toBe('pending');
      expect(tests.checks?.map(c => c.status)).toEqual([
        'completed',
        'pending',
      ]);
      const result = await service.recordEvidence({
        userEntityRef: 'user:default/c',
        key: 'ci.ui.passed',
        evidenceId: 'ci-2',
      });
      expect(result.completed).toEqual([
        { pathId: 'client-day-1', stepId: 'tests' },
      ]);
      [journey] = await service.getMyJourneys('user:default/c');
      tests = journey.steps.find(s => s.stepId === 'tests')!;
      expect(tests.status).toBe('completed');
    });

    it('completes manual steps only, and the journey when all are done', async () => {
      const completed = jest.fn(async () => {});
      service.onJourneyCompleted(completed);
      await service.startJourney('user:default/a', 'backend-day-1');
      await expect(
        service.completeManualStep(
          'user:default/a',
          'backend-day-1',
          'deploy',
          {},
        ),
      ).rejects.toThrow(/only manual steps/);
      await expect(
        service.completeManualStep(
          'user:default/zz',
          'backend-day-1',
          'dev-environment',
          {},
        ),
      ).rejects.toThrow(/not started/);

      now += HOUR;
      await service.completeManualStep(
        'user:default/a',
        'backend-day-1',
        'dev-environment',
        {},
      );
      const evidence = [
        ['template.succeeded', 2],
        ['deploy.healthy', 3],
        ['monitoring.configured', 4],
      ] as const;
      for (const [key, hours] of evidence) {
        now = T0 + hours * HOUR;
        await service.recordEvidence({
          userEntityRef: 'user:default/a',
          key,
          evidenceId: key,
          templateRef: DAY1,
        });
      }
      expect(completed).not.toHaveBeenCalled();
      now = T0 + 6 * HOUR;
      await service.recordEvidence({
        userEntityRef: 'user:default/a',
        key: 'dns.resolves',
        evidenceId: 'dns',
      });
      expect(completed).toHaveBeenCalledTimes(1);
      const [journey] = await service.getMyJourneys('user:default/a');
      expect(journey.status).toBe('completed');
      expect(journey.completedAt).toBe(new Date(T0 + 6 * HOUR).toISOString());
      expect(journey.nextStepId).toBeUndefined();

      // A repeated evidence call does not complete (or notify) twice.
      await service.recordEvidence({
        userEntityRef: 'user:default/a',
        key: 'dns.resolves',
        evidenceId: 'dns',
      });
      expect(completed).toHaveBeenCalledTimes(1);
    });

    it('keeps progress when steps are renamed and reordered', async () => {
      await service.startJourney('user:default/a', 'backend-day-1');
      await service.recordEvidence({
        userEntityRef: 'user:default/a',
        key: 'deploy.healthy',
        evidenceId: 'd1',
      });
      const original = paths.get('backend-day-1')!;
      const renamed = new GoldenPathRegistry([
        {
          ...original,
          version: 2,
          steps: [...original.steps]
            .reverse()
            .map(s => ({ ...s, title: `${s.title} (v2)` })),
        },
      ]);
      const v2 = new GoldenPathsService(store, renamed, () => now);
      const [journey] = await v2.getMyJourneys('user:default/a');
      expect(journey.steps.map(s => s.stepId)).toEqual([
        'dns',
        'monitoring',
        'deploy',
        'create-service',
        'dev-environment',
      ]);
      expect(journey.steps.find(s => s.stepId === 'deploy')?.status).toBe(
        'completed',
      );
    });

    it('guards journey updates with the version column', async () => {
      const { journey } = await service.startJourney(
        'user:default/a',
        'backend-day-1',
      );
      const row = (await store.getJourneyById(journey.id))!;
      const stale = { ...row };
      await store.touchJourney(row, now + 1);
      await expect(store.touchJourney(stale, now + 2)).rejects.toThrow(
        ConflictError,
      );
    });

    it('handles concurrent evidence for the same journey', async () => {
      await service.startJourney('user:default/a', 'backend-day-1');
      const keys = ['deploy.healthy', 'monitoring.configured', 'dns.resolves'];
      const results = await Promise.all(
        keys.map(key =>
          service.recordEvidence({
            userEntityRef: 'user:default/a',
            key,
            evidenceId: key,
          }),
        ),
      );
      expect(results.map(r => r.completed.length)).toEqual([1, 1, 1]);
      const [journey] = await service.getMyJourneys('user:default/a');
      expect(journey.completedSteps).toBe(3);
    });

    it('updates cohorts with optimistic concurrency', async () => {
      const cohort = await store.createCohort(
        {
          id: 'bootcamp-2026-11',
          title: 'Engineering Bootcamp 2026-11',
          startDate: '2026-11-02',
          owner: 'user:default/amara.okafor',
          members: ['user:default/a', 'user:default/b', 'user:default/a'],
        },
        now,
      );
      expect(cohort.members).toEqual(['user:default/a', 'user:default/b']);
      await expect(
        store.createCohort({ ...cohort, members: [] }, now),
      ).rejects.toThrow(ConflictError);
      const updated = await store.updateCohort(
        cohort.id,
        { ...cohort, members: ['user:default/c'], version: 1 },
        now + 1,
      );
      expect(updated.version).toBe(2);
      expect(updated.members).toEqual(['user:default/c']);
      await expect(
        store.updateCohort(cohort.id, { ...cohort, version: 1 }, now + 2),
      ).rejects.toThrow(/version 2, not 1/);
    });

    it('computes onboarding metrics in SQL', async () => {
      // Three people on the Backend path, one on Client.
      // a: finishes everything in 6h; b: dev-env + template at 2h, then stops;
      // c: only starts.
      const people = ['user:default/a', 'user:default/b', 'user:default/c'];
      for (const person of people) {
        await service.startJourney(person, 'backend-day-1');
      }
      await service.startJourney('user:default/d', 'client-day-1');
      await store.createCohort(
        {
          id: 'bootcamp',
          title: 'Bootcamp',
          startDate: '2026-11-02',
          owner: 'user:default/amara.okafor',
          members: ['user:default/a', 'user:default/b'],
        },
        now,
      );
      const step = async (person: string, hours: number, key: string) => {
        now = T0 + hours * HOUR;
        if (key === 'manual') {
          await service.completeManualStep(
            person,
            'backend-day-1',
            'dev-environment',
            {},
          );
          return;
        }
        await service.recordEvidence({
          userEntityRef: person,
          key,
          evidenceId: `${person}-${key}`,
          templateRef: DAY1,
        });
      };
      await step('user:default/a', 1, 'manual');
      await step('user:default/a', 2, 'template.succeeded');
      await step('user:default/a', 3, 'deploy.healthy');
      await step('user:default/a', 5, 'monitoring.configured');
      await step('user:default/a', 6, 'dns.resolves');
      await step('user:default/b', 1, 'manual');
      await step('user:default/b', 4, 'template.succeeded');

      const metrics = await computeMetrics({
        store: new MetricsStore(knex),
        paths,
        query: {},
        deployEvidenceKey: 'deploy.healthy',
        now,
      });
      // Templates at 2h (a) and 4h (b) after starting: median 3h.
      expect(metrics.timeToFirstTemplate).toEqual({
        count: 2,
        medianMs: 3 * HOUR,
      });
      expect(metrics.timeToFirstDeploy).toEqual({
        count: 1,
        medianMs: 3 * HOUR,
      });
      expect(metrics.timeToDay1Complete).toEqual({
        count: 1,
        medianMs: 6 * HOUR,
      });
      const backend = metrics.paths.find(p => p.pathId === 'backend-day-1')!;
      expect(backend).toMatchObject({ started: 3, completed: 1 });
      expect(backend.rate).toBeCloseTo(1 / 3);
      expect(
        backend.steps.map(s => [s.stepId, s.completed, s.dropOff, s.medianMs]),
      ).toEqual([
        ['dev-environment', 2, 1, 1 * HOUR],
        ['create-service', 2, 0, 2 * HOUR], // a: 1h after dev-env, b: 3h
        ['deploy', 1, 1, 1 * HOUR],
        ['monitoring', 1, 0, 2 * HOUR],
        ['dns', 1, 0, 1 * HOUR],
      ]);
      expect(metrics.disciplines).toEqual(
        expect.arrayContaining([
          { discipline: 'Backend', started: 3, completed: 1, rate: 1 / 3 },
          { discipline: 'Client', started: 1, completed: 0, rate: 0 },
        ]),
      );
      expect(metrics.cohorts).toEqual([
        {
          cohortId: 'bootcamp',
          title: 'Bootcamp',
          started: 2,
          completed: 1,
          rate: 0.5,
        },
      ]);

      const cohortOnly = await computeMetrics({
        store: new MetricsStore(knex),
        paths,
        query: { cohortId: 'bootcamp', discipline: 'backend' },
        deployEvidenceKey: 'deploy.healthy',
        now,
      });
      expect(cohortOnly.paths.map(p => [p.pathId, p.started])).toEqual([
        ['backend-day-1', 2],
      ]);
      expect(cohortOnly.timeToFirstTemplate.count).toBe(2);

      const csv = metricsToCsv(metrics);
      expect(csv.split('\n')[0]).toBe(
        'scope,id,title,started,completed,completion_rate,drop_off,count,median_ms',
      );
      expect(csv).toContain(
        'path,backend-day-1,Backend,3,1,0.3333,,1,21600000',
      );
      expect(csv).toContain('cohort,bootcamp,Bootcamp,2,1,0.5000');
    });

    it('finds idle cohort journeys and claims each notice once', async () => {
      await service.startJourney('user:default/a', 'backend-day-1');
      await service.startJourney('user:default/x', 'backend-day-1');
      await store.createCohort(
        {
          id: 'bootcamp',
          title: 'Bootcamp',
          startDate: '2026-11-02',
          owner: 'user:default/amara.okafor',
          members: ['user:default/a'],
        },
        now,
      );
      const idle = await store.listIdleCohortJourneys(T0 + 1, 10);
      expect(idle.map(i => i.userEntityRef)).toEqual(['user:default/a']);
      expect(idle[0].cohortOwner).toBe('user:default/amara.okafor');
      expect(await store.listIdleCohortJourneys(T0, 10)).toEqual([]);
      expect(await store.claimStuckNotice(idle[0].journeyId, 'x', now)).toBe(
        true,
      );
      expect(await store.claimStuckNotice(idle[0].journeyId, 'x', now)).toBe(
        false,
      );
    });
  });
});
