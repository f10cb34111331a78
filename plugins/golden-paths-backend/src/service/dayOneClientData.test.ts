import { HOUR, describeOnEachDatabase } from '../__testUtils__/services';

jest.setTimeout(60_000);

/*
 * The Client, Data Engineering and Data Science paths in the real evidence
 * service: the evidence their Day-1 template records, then what the local CI
 * records on a push of the repository it created (each ci.yaml step's key,
 * ci.passed) and the local git server on a merge (pr.merged). The scaffolder
 * module's clientData.template.e2e.test.ts proves the templates and the
 * skeletons' ci.yaml produce those keys.
 */
describeOnEachDatabase(
  'the Client, Data Engineering and Data Science paths',
  t => {
    it.each([
      {
        pathId: 'client-day-1',
        // [evidence key, the step it completes (or null while a check waits)]
        evidence: [
          ['template.succeeded', 'create-feature'],
          ['deploy.healthy', null],
          ['client.feature.visible', 'ship'],
          ['client.tests.passed', null],
          ['ci.passed', 'tests'],
          ['pr.merged', 'first-change'],
        ],
        templateRef: 'template:default/day-1-client-feature',
      },
      {
        pathId: 'data-engineering-day-1',
        evidence: [
          ['template.succeeded', 'create-pipeline'],
          ['pipeline.checks.passed', 'data-quality'],
          ['pipeline.table.loaded', 'first-partition'],
          ['pipeline.schedule.valid', 'schedule'],
          ['pr.merged', 'first-change'],
        ],
        templateRef: 'template:default/day-1-data-engineering',
      },
      {
        pathId: 'data-science-day-1',
        evidence: [
          ['template.succeeded', 'create-analysis'],
          ['analysis.report.rendered', null],
          ['ci.passed', 'report'],
          ['pr.merged', 'share-finding'],
        ],
        templateRef: 'template:default/day-1-data-science',
      },
    ])(
      '$pathId completes every step but the self-attested one from its evidence',
      async ({ pathId, evidence, templateRef }) => {
        const user = `user:default/${pathId}`;
        await t.gp.startJourney(user, pathId);
        for (const [key, stepId] of evidence) {
          t.now += HOUR;
          const result = await t.gp.recordEvidence({
            userEntityRef: user,
            key: key!,
            evidenceId: `${pathId}:${key}`,
            ...(key === 'template.succeeded'
              ? { taskId: 'task-1', templateRef }
              : { outputs: { commit: 'c0ffee' } }),
          });
          expect([key, result.completed]).toEqual([
            key,
            stepId ? [{ pathId, stepId }] : [],
          ]);
        }
        const [journey] = await t.gp.getMyJourneys(user);
        expect(journey.steps.map(s => [s.stepId, s.status])).toEqual([
          ['dev-environment', 'pending'],
          ...evidence.flatMap(([, s]) => (s ? [[s, 'completed']] : [])),
        ]);
        expect(journey.nextStepId).toBe('dev-environment');
      },
    );
  },
);
