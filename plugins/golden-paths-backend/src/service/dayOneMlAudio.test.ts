import { HOUR, describeOnEachDatabase } from '../__testUtils__/services';

jest.setTimeout(60_000);

/*
 * The Machine Learning and Audio Processing paths in the real evidence
 * service: the evidence their Day-1 template records (template.succeeded),
 * then what the local CI records on a push of the repository it created (the
 * ci.yaml step's key, ci.passed) and the local git server on a merge
 * (pr.merged). The scaffolder module's mlAudio.template.e2e.test.ts proves
 * the template and the skeleton's ci.yaml produce those keys.
 */
describeOnEachDatabase('the Machine Learning and Audio Processing paths', t => {
  it.each([
    {
      pathId: 'machine-learning-day-1',
      templateRef: 'template:default/day-1-machine-learning',
      steps: ['create-pipeline', 'train-evaluate', 'ci-green', 'first-change'],
      ciKey: 'ml.evaluated',
      details: { accuracy: 0.79, baselineAccuracy: 0.68, rows: 1200, seed: 42 },
    },
    {
      pathId: 'audio-processing-day-1',
      templateRef: 'template:default/day-1-audio-processing',
      steps: ['create-job', 'extract-features', 'ci-green', 'first-change'],
      ciKey: 'audio.features',
      details: { dominantFrequencyHz: 440, sampleRate: 16000 },
    },
  ])(
    '$pathId completes every step but the self-attested one from its evidence',
    async ({ pathId, templateRef, steps, ciKey, details }) => {
      const user = `user:default/${pathId}`;
      await t.gp.startJourney(user, pathId);
      const record = async (key: string, extra: object = {}) => {
        t.now += HOUR;
        return t.gp.recordEvidence({
          userEntityRef: user,
          key,
          evidenceId: `${pathId}:${key}`,
          ...extra,
        });
      };
      const journey = async () =>
        (await t.gp.getMyJourneys(user)).find(j => j.pathId === pathId)!;

      expect(
        await record('template.succeeded', { taskId: 'task-1', templateRef }),
      ).toMatchObject({ completed: [{ pathId, stepId: steps[0] }] });
      expect((await journey()).completedSteps).toBe(1);

      // A push: the ci.yaml step's evidence with its details, then ci.passed.
      expect(await record(ciKey, { outputs: details })).toMatchObject({
        completed: [{ pathId, stepId: steps[1] }],
      });
      expect(await record('ci.passed')).toMatchObject({
        completed: [{ pathId, stepId: steps[2] }],
      });
      expect(await record('pr.merged')).toMatchObject({
        completed: [{ pathId, stepId: steps[3] }],
      });

      const done = await journey();
      expect(done.steps.map(s => [s.stepId, s.status])).toEqual([
        ['dev-environment', 'pending'],
        ...steps.map(s => [s, 'completed']),
      ]);
      expect(done.steps[2].evidence).toMatchObject({
        evidenceId: `${pathId}:${ciKey}`,
        outputs: details,
      });
      expect(done.nextStepId).toBe('dev-environment');
    },
  );
});
