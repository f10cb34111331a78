import { TestDatabases } from '@backstage/backend-test-utils';
import { as, git } from '../__testUtils__/git';
import {
  createLocalGitFixture,
  localCiReplica,
  pollAndRun,
} from '../__testUtils__/localCi';
import { createTestGoldenPaths } from '../__testUtils__/services';
import { renderSkeleton } from '../__testUtils__/skeletons';
import { CI_FILE, parseCiFile } from './ciFile';

// Three real CI runs per template (the first push, the branch, the merge);
// the Machine Learning and Data Science steps take about 10 s each here.
jest.setTimeout(300_000);

/**
 * Each Day-1 template on one machine, end to end through the REAL local CI
 * runner: the template's skeleton (filled in as fetch:template fills it) is
 * pushed to a bare repository by the newcomer; the runner runs its
 * `.onramp/ci.yaml` and records ci.passed and each step's evidence key for
 * them; then they open a change (a new branch) and merge it with --no-ff as
 * the handbook's local-changes page says, and their journey on the
 * discipline's path shows every evidence step done. What only the template
 * run itself records (template.succeeded, and for Backend and Client the
 * local runtime's deploy, monitoring and DNS evidence) is recorded here as
 * the Day-1 actions record it; the scaffolder module's *.template.e2e tests
 * prove those.
 */
const TEMPLATES: {
  template: string;
  pathId: string;
  user: string;
  /** Evidence of the template run itself, besides template.succeeded. */
  runEvidence: string[];
  /** The step pr.merged completes (Backend has none). */
  mergeStep?: string;
  values?: Record<string, string | boolean>;
}[] = [
  {
    template: 'day-1-backend-service',
    pathId: 'backend-day-1',
    user: 'sofia.marquez',
    runEvidence: ['deploy.healthy', 'monitoring.scraped', 'dns.requested'],
    values: {
      practiceRun: true,
      taskId: 'task-1',
      port: '8080',
      host: 'svc.apps.onramp.localhost',
      image: 'registry.onramp.localhost/svc:0.1.0',
    },
  },
  {
    template: 'day-1-client-feature',
    pathId: 'client-day-1',
    mergeStep: 'first-change',
    user: 'chloe.dubois',
    runEvidence: ['deploy.healthy', 'client.feature.visible'],
  },
  {
    template: 'day-1-data-engineering',
    pathId: 'data-engineering-day-1',
    mergeStep: 'first-change',
    user: 'mei.chen',
    runEvidence: [],
  },
  {
    template: 'day-1-data-science',
    pathId: 'data-science-day-1',
    mergeStep: 'share-finding',
    user: 'emma.larsson',
    runEvidence: [],
  },
  {
    template: 'day-1-machine-learning',
    pathId: 'machine-learning-day-1',
    mergeStep: 'first-change',
    user: 'samuel.adeyemi',
    runEvidence: [],
  },
  {
    template: 'day-1-audio-processing',
    pathId: 'audio-processing-day-1',
    mergeStep: 'first-change',
    user: 'jonas.weber',
    runEvidence: [],
  },
];

/** The evidence keys the skeleton's ci.yaml steps claim. */
function ciStepKeys(files: Record<string, string | Buffer>) {
  return parseCiFile(String(files[CI_FILE])).steps.flatMap(s =>
    s.evidence ? [s.evidence] : [],
  );
}

describe('every Day-1 template completes its path through the real local CI', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it.each(TEMPLATES)(
      '$template: CI evidence, pr.opened and pr.merged from pushes complete $pathId',
      async ({ template, pathId, user, runEvidence, mergeStep, values }) => {
        const gp = await createTestGoldenPaths(
          await databases.init(databaseId),
        );
        const ref = `user:default/${user}`;
        const email = `${user}@onramp.example`;
        const author = as(user, email, new Date().toISOString());
        const fx = createLocalGitFixture('svc');
        const ci = localCiReplica(gp, fx.config, [{ name: user, email }]);
        const evidence = async () =>
          (await gp.stores.journeys.listEvidence(ref)).filter(e =>
            e.evidenceId.startsWith('local-git:'),
          );
        const journey = async () =>
          (await gp.getMyJourneys(ref)).find(j => j.pathId === pathId)!;
        const pending = async () =>
          (await journey()).steps
            .filter(s => s.status !== 'completed')
            .map(s => s.stepId);
        try {
          await gp.startJourney(ref, pathId);
          // The template run, as its Day-1 actions record it.
          await gp.recordEvidence({
            userEntityRef: ref,
            key: 'template.succeeded',
            evidenceId: `${template}:task-1`,
            taskId: 'task-1',
            templateRef: `template:default/${template}`,
          });
          for (const key of runEvidence) {
            await gp.recordEvidence({
              userEntityRef: ref,
              key,
              evidenceId: `${template}:task-1:${key}`,
              outputs: { commit: 'c0ffee' },
            });
          }

          // goldenpath:publish: the skeleton, committed as the newcomer.
          const files = renderSkeleton(template, {
            name: 'svc',
            description: 'Created on Day 1',
            owner: 'group:default/onramp',
            system: 'system:default/onramp',
            ...values,
          });
          const stepKeys = ciStepKeys(files);
          const first = fx.commit(`Create svc from ${template}`, files, author);
          fx.push('main');
          await pollAndRun(ci);
          const [firstRun] = (
            await gp.stores.localCi.listRuns('svc.git', {
              limit: 10,
              offset: 0,
            })
          ).items;
          expect([firstRun.status, firstRun.logTail]).toEqual([
            'passed',
            expect.any(String),
          ]);
          expect(firstRun).toMatchObject({ commit: first, userEntityRef: ref });
          expect(
            (await evidence()).map(e => [e.key, e.outputs?.commit ?? null]),
          ).toEqual(
            expect.arrayContaining([
              ['ci.passed', first],
              ...stepKeys.map(key => [key, null]),
            ]),
          );
          for (const key of stepKeys) {
            const e = (await evidence()).find(x => x.key === key)!;
            expect(e.outputs?.localCi).toMatchObject({ commit: first });
          }
          // Every step but the merge (and the self-attested set-up) is done.
          expect(await pending()).toEqual([
            'dev-environment',
            ...(mergeStep ? [mergeStep] : []),
          ]);

          // The handbook's local change: a branch, pushed; merged with
          // --no-ff into main, pushed.
          git(fx.work, ['switch', '--quiet', '-c', 'first-change']);
          const tip = fx.commit(
            'A first change',
            { 'CHANGES.md': 'A first change on Day 1.\n' },
            author,
          );
          fx.push('first-change');
          git(fx.work, ['switch', '--quiet', 'main']);
          git(
            fx.work,
            [
              'merge',
              '--quiet',
              '--no-ff',
              '-m',
              'Merge first-change',
              'first-change',
            ],
            author,
          );
          fx.push('main');
          const summary = await pollAndRun(ci);
          expect(summary).toMatchObject({
            opened: 1,
            merged: 1,
            runsQueued: 2,
          });
          const runs = (
            await gp.stores.localCi.listRuns('svc.git', {
              limit: 10,
              offset: 0,
            })
          ).items;
          expect(runs.map(r => r.status)).toEqual([
            'passed',
            'passed',
            'passed',
          ]);
          const keys = (await evidence()).map(e => e.key);
          expect(keys).toEqual(
            expect.arrayContaining(['pr.opened', 'pr.merged']),
          );
          const merged = (await evidence()).find(e => e.key === 'pr.merged')!;
          expect(merged.outputs).toMatchObject({ mergedCommit: tip });

          // Every evidence step is done; only the self-attested one waits.
          const done = await journey();
          expect(await pending()).toEqual(['dev-environment']);
          expect(done.completedSteps).toBe(done.totalSteps - 1);
        } finally {
          await ci.stop();
          fx.remove();
        }
      },
    );
  });
});
