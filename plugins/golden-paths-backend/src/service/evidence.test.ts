import {
  createTestGoldenPaths,
  HOUR,
  T0,
  describeOnEachDatabase,
} from '../__testUtils__/services';
import { DAY1 } from '../__testUtils__/backend';
import { pathEntityYaml } from '../__testUtils__/paths';
import { GoldenPathRegistry, parseGoldenPaths } from './paths';

jest.setTimeout(60_000);

describeOnEachDatabase('evidence on journeys', t => {
  it('records evidence idempotently and matches by key and templateRef', async () => {
    await t.gp.startJourney('user:default/a', 'backend-day-1');
    const request = {
      userEntityRef: 'user:default/a',
      key: 'template.succeeded',
      evidenceId: 'task-1',
      taskId: 'task-1',
      templateRef: DAY1,
      link: '/create/tasks/task-1',
      outputs: { repoUrl: 'file:///repos/svc.git' },
    };
    const first = await t.gp.recordEvidence(request);
    expect(first).toEqual({
      recorded: true,
      completed: [{ pathId: 'backend-day-1', stepId: 'create-service' }],
      // The journey's counts after it, e.g. for "Backend path: 1 of 5 done".
      journeys: [
        {
          pathId: 'backend-day-1',
          title: 'Backend',
          completedSteps: 1,
          totalSteps: 5,
        },
      ],
    });
    t.now += HOUR;
    const second = await t.gp.recordEvidence(request);
    expect(second).toEqual(first);
    expect(await t.knex('gp_evidence').count({ n: '*' })).toEqual([
      { n: expect.anything() },
    ]);
    expect(Number((await t.knex('gp_evidence').count({ n: '*' }))[0].n)).toBe(
      1,
    );
    expect(
      Number((await t.knex('gp_step_progress').count({ n: '*' }))[0].n),
    ).toBe(1);

    const [journey] = await t.gp.getMyJourneys('user:default/a');
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
    await t.gp.startJourney('user:default/a', 'backend-day-1');
    await expect(
      t.gp.recordEvidence({
        userEntityRef: 'user:default/a',
        key: 'template.succeeded',
        evidenceId: 'other-template',
        templateRef: 'template:default/something-else',
      }),
    ).resolves.toMatchObject({ recorded: false, completed: [] });
    // The template reports endpoint.verified too, but no step asks for it.
    await expect(
      t.gp.recordEvidence({
        userEntityRef: 'user:default/a',
        key: 'endpoint.verified',
        evidenceId: 'verified',
      }),
    ).resolves.toMatchObject({ recorded: false, completed: [] });
    await expect(
      t.gp.recordEvidence({
        userEntityRef: 'user:default/a',
        key: 'deploy.healthy',
        evidenceId: 'healthy',
      }),
    ).resolves.toMatchObject({
      recorded: true,
      completed: [{ pathId: 'backend-day-1', stepId: 'deploy' }],
    });
  });

  it('completes an any-of step with the evidence that came; stronger evidence replaces a weaker proof, never the reverse', async () => {
    await t.gp.startJourney('user:default/a', 'backend-day-1');
    t.now = T0 + HOUR;
    await expect(
      t.gp.recordEvidence({
        userEntityRef: 'user:default/a',
        key: 'deploy.requested',
        evidenceId: 'task-1:deploy.requested',
        taskId: 'task-1',
        summary: 'Deploy of svc committed',
        outputs: { commitHash: 'abc1234def5678' },
      }),
    ).resolves.toMatchObject({
      recorded: true,
      completed: [{ pathId: 'backend-day-1', stepId: 'deploy' }],
    });
    const deployOf = async () =>
      (await t.gp.getMyJourneys('user:default/a'))[0].steps.find(
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

    t.now = T0 + 2 * HOUR;
    await t.gp.recordEvidence({
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
    t.now = T0 + 3 * HOUR;
    await t.gp.recordEvidence({
      userEntityRef: 'user:default/a',
      key: 'deploy.requested',
      evidenceId: 'task-2:deploy.requested',
    });
    expect((await deployOf()).evidence?.key).toBe('deploy.healthy');
    const [journey] = await t.gp.getMyJourneys('user:default/a');
    expect(journey.completedSteps).toBe(1);
    expect(
      Number((await t.knex('gp_step_progress').count({ n: '*' }))[0].n),
    ).toBe(1);
  });

  it('the evidence the Day-1 template records in the embedded default completes every step but the self-attested one', async () => {
    // The keys, in order, that the template's real run records with the
    // gitops providers (asserted by the scaffolder module's
    // template.e2e.test.ts against examples/golden-paths/backend-day-1.yaml).
    await t.gp.startJourney('user:default/a', 'backend-day-1');
    for (const key of [
      'deploy.requested',
      'monitoring.configured',
      'dns.requested',
      'template.succeeded',
    ]) {
      t.now += HOUR;
      await t.gp.recordEvidence({
        userEntityRef: 'user:default/a',
        key,
        evidenceId: `task-1:${key}`,
        taskId: 'task-1',
        templateRef: key === 'template.succeeded' ? DAY1 : undefined,
      });
    }
    const [journey] = await t.gp.getMyJourneys('user:default/a');
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
        pathEntityYaml(
          'any-of',
          `    - id: ship
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
        ),
        'any-of.yaml',
      ),
    );
    const svc = await createTestGoldenPaths(t.knex, {
      paths: anyOf,
      clock: t.clock,
    });
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
    await t.gp.startJourney('user:default/a', 'outputs-path');
    const base = {
      userEntityRef: 'user:default/a',
      key: 'template.succeeded',
      templateRef: 'template:default/with-outputs',
    };
    await expect(
      t.gp.recordEvidence({ ...base, evidenceId: 'no-outputs' }),
    ).resolves.toMatchObject({ recorded: false, completed: [] });
    await expect(
      t.gp.recordEvidence({
        ...base,
        evidenceId: 'with-outputs',
        outputs: { serviceUrl: 'http://svc' },
      }),
    ).resolves.toMatchObject({
      recorded: true,
      completed: [{ pathId: 'outputs-path', stepId: 'scaffold' }],
    });
  });

  it('applies evidence earned before the journey started', async () => {
    await expect(
      t.gp.recordEvidence({
        userEntityRef: 'user:default/b',
        key: 'dns.resolves',
        evidenceId: 'dns-1',
      }),
    ).resolves.toMatchObject({ recorded: false, completed: [] });
    t.now += HOUR;
    const { journey } = await t.gp.startJourney(
      'user:default/b',
      'backend-day-1',
    );
    expect(journey.steps.find(s => s.stepId === 'dns')?.status).toBe(
      'completed',
    );
    await expect(
      t.gp.recordEvidence({
        userEntityRef: 'user:default/b',
        key: 'dns.resolves',
        evidenceId: 'dns-1',
      }),
    ).resolves.toMatchObject({
      recorded: true,
      completed: [{ pathId: 'backend-day-1', stepId: 'dns' }],
    });
  });
});
