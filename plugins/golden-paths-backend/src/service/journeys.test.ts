import {
  createTestGoldenPaths,
  HOUR,
  T0,
  describeOnEachDatabase,
} from '../__testUtils__/services';
import { DAY1 } from '../__testUtils__/backend';
import { GoldenPathRegistry } from './paths';

jest.setTimeout(60_000);

describeOnEachDatabase('journeys', t => {
  it('starts a journey once and lists steps in path order', async () => {
    const first = await t.gp.startJourney('user:default/a', 'backend-day-1');
    const again = await t.gp.startJourney('user:default/a', 'backend-day-1');
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

  it('completes checks one by one and the step with the last', async () => {
    await t.gp.startJourney('user:default/c', 'client-day-1');
    await t.gp.recordEvidence({
      userEntityRef: 'user:default/c',
      key: 'client.tests.passed',
      evidenceId: 'ci-1',
    });
    let [journey] = await t.gp.getMyJourneys('user:default/c');
    let tests = journey.steps.find(s => s.stepId === 'tests')!;
    expect(tests.status).toBe('pending');
    expect(tests.checks?.map(c => c.status)).toEqual(['completed', 'pending']);
    const result = await t.gp.recordEvidence({
      userEntityRef: 'user:default/c',
      key: 'ci.passed',
      evidenceId: 'ci-2',
    });
    expect(result.completed).toEqual([
      { pathId: 'client-day-1', stepId: 'tests' },
    ]);
    [journey] = await t.gp.getMyJourneys('user:default/c');
    tests = journey.steps.find(s => s.stepId === 'tests')!;
    expect(tests.status).toBe('completed');
  });

  it('completes manual steps only, and the journey when all are done', async () => {
    const completed = () =>
      t.gp.notifications.send.mock.calls.filter((c: any[]) =>
        c[0].payload.title.startsWith('You finished'),
      );
    await t.gp.startJourney('user:default/a', 'backend-day-1');
    await expect(
      t.gp.completeManualStep('user:default/a', 'backend-day-1', 'deploy', {}),
    ).rejects.toThrow(/only manual steps/);
    await expect(
      t.gp.completeManualStep(
        'user:default/zz',
        'backend-day-1',
        'dev-environment',
        {},
      ),
    ).rejects.toThrow(/not started/);

    t.now += HOUR;
    await t.gp.completeManualStep(
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
      t.now = T0 + hours * HOUR;
      await t.gp.recordEvidence({
        userEntityRef: 'user:default/a',
        key,
        evidenceId: key,
        templateRef: DAY1,
      });
    }
    expect(completed()).toHaveLength(0);
    t.now = T0 + 6 * HOUR;
    await t.gp.recordEvidence({
      userEntityRef: 'user:default/a',
      key: 'dns.resolves',
      evidenceId: 'dns',
    });
    expect(completed()).toHaveLength(1);
    const [journey] = await t.gp.getMyJourneys('user:default/a');
    expect(journey.status).toBe('completed');
    expect(journey.completedAt).toBe(new Date(T0 + 6 * HOUR).toISOString());
    expect(journey.nextStepId).toBeUndefined();

    // A repeated evidence call does not complete (or notify) twice.
    await t.gp.recordEvidence({
      userEntityRef: 'user:default/a',
      key: 'dns.resolves',
      evidenceId: 'dns',
    });
    expect(completed()).toHaveLength(1);
  });

  it('keeps progress when steps are renamed and reordered', async () => {
    await t.gp.startJourney('user:default/a', 'backend-day-1');
    await t.gp.recordEvidence({
      userEntityRef: 'user:default/a',
      key: 'deploy.healthy',
      evidenceId: 'd1',
    });
    const original = t.gp.paths.get('backend-day-1')!;
    const renamed = new GoldenPathRegistry([
      {
        ...original,
        version: 2,
        steps: [...original.steps]
          .reverse()
          .map(s => ({ ...s, title: `${s.title} (v2)` })),
      },
    ]);
    const v2 = await createTestGoldenPaths(t.knex, {
      paths: renamed,
      clock: t.clock,
    });
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

  it('handles concurrent evidence for the same journey', async () => {
    await t.gp.startJourney('user:default/a', 'backend-day-1');
    const keys = ['deploy.healthy', 'monitoring.configured', 'dns.resolves'];
    const results = await Promise.all(
      keys.map(key =>
        t.gp.recordEvidence({
          userEntityRef: 'user:default/a',
          key,
          evidenceId: key,
        }),
      ),
    );
    expect(results.map(r => r.completed.length)).toEqual([1, 1, 1]);
    const [journey] = await t.gp.getMyJourneys('user:default/a');
    expect(journey.completedSteps).toBe(3);
  });
});
