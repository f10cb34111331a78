import { createBackendModule } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  GoldenPathsEvidenceService,
  goldenPathsEvidenceServiceRef,
} from '@onramp/backstage-plugin-golden-paths-node';
import { SOFIA, startGoldenPathsBackend } from './__testUtils__/backend';

jest.setTimeout(60_000);

describe('goldenPathsEvidenceServiceRef in the same backend', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'records evidence in-process from another plugin and the journey shows it, on %p',
    async databaseId => {
      let evidence: GoldenPathsEvidenceService | undefined;
      // A module of another plugin, as the Day-1 scaffolder module is.
      const recorderModule = createBackendModule({
        pluginId: 'scaffolder',
        moduleId: 'evidence-test',
        register(env) {
          env.registerInit({
            deps: { evidence: goldenPathsEvidenceServiceRef },
            async init(deps) {
              evidence = deps.evidence;
            },
          });
        },
      });
      const backend = await startGoldenPathsBackend({
        knex: await databases.init(databaseId),
        features: [recorderModule],
      });
      try {
        await backend
          .call('post', '/journeys', SOFIA)
          .send({ pathId: 'backend-day-1' });
        const body = {
          userEntityRef: SOFIA,
          key: 'deploy.healthy',
          evidenceId: 'task-1:deploy.healthy',
          taskId: 'task-1',
        };
        const expected = {
          recorded: true,
          completed: [{ pathId: 'backend-day-1', stepId: 'deploy' }],
          journeys: [
            {
              pathId: 'backend-day-1',
              title: 'Backend',
              completedSteps: 1,
              totalSteps: 5,
            },
          ],
        };
        await expect(evidence!.recordEvidence(body)).resolves.toEqual(expected);
        // Idempotent: the repeat answers the same and changes nothing.
        await expect(evidence!.recordEvidence(body)).resolves.toEqual(expected);
        // Same validation as POST /evidence.
        await expect(
          evidence!.recordEvidence({ ...body, userEntityRef: 'sofia' }),
        ).rejects.toMatchObject({ name: 'InputError' });
        await expect(
          evidence!.recordEvidence({ ...body, pathId: 'nope' }),
        ).rejects.toThrow('No golden path "nope"');

        const mine = await backend.call('get', '/journeys/me', SOFIA);
        const journey = mine.body.items[0];
        expect(journey.completedSteps).toBe(1);
        expect(
          journey.steps.find((s: any) => s.stepId === 'deploy').evidence,
        ).toMatchObject({ key: 'deploy.healthy', taskId: 'task-1' });
        expect(backend.auditor.createEvent).toHaveBeenCalledWith(
          expect.objectContaining({
            eventId: 'evidence-record',
            meta: expect.objectContaining({ via: 'in-process' }),
          }),
        );

        // Finishing the path notifies, as over HTTP.
        for (const key of ['monitoring.configured', 'dns.resolves']) {
          await evidence!.recordEvidence({
            userEntityRef: SOFIA,
            key,
            evidenceId: key,
          });
        }
        await evidence!.recordEvidence({
          userEntityRef: SOFIA,
          key: 'template.succeeded',
          evidenceId: 'task-1',
          templateRef: 'template:default/day-1-backend-service',
        });
        await backend
          .call(
            'post',
            '/journeys/backend-day-1/steps/dev-environment/complete',
            SOFIA,
          )
          .send({});
        expect(backend.send).toHaveBeenCalledWith(
          expect.objectContaining({
            payload: expect.objectContaining({ title: 'You finished Backend' }),
          }),
        );
      } finally {
        await backend.stop();
      }
    },
  );
});
