import { TestDatabases } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { as, git } from '../__testUtils__/git';
import {
  createLocalGitFixture,
  localCiReplica,
  pollAndRun,
} from '../__testUtils__/localCi';
import { createTestGoldenPaths } from '../__testUtils__/services';
import { LocalCi } from './LocalCi';

jest.setTimeout(120_000);

const SOFIA = 'user:default/sofia.marquez';
const lead = as('Lead', 'lead@onramp.example', '2026-11-03T12:00:00Z');
const stranger = as(
  'Stranger',
  'someone@elsewhere.example',
  '2026-11-03T13:00:00Z',
);

/** Whether a process runs (a zombie waiting for its parent does not). */
function running(pid: number) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** A ci.yaml with these steps (YAML flow style, one per line). */
const ciYaml = (...steps: string[]) =>
  `steps:\n${steps.map(s => `  - ${s}\n`).join('')}`;
const py = (name: string, code: string, extra = '') =>
  `{ name: ${name}, run: [/usr/bin/python3, -c, ${JSON.stringify(
    code,
  )}]${extra} }`;

const PASSING = ciYaml(
  py('Unit tests', "import unittest, json; print('ok')"),
  `{ name: Node, run: [node, -e, "if (!process.version.startsWith('v2')) process.exit(1); console.log(process.env.ONRAMP_BRANCH)"] }`,
  py(
    'Evaluate',
    "import json, os; json.dump({'accuracy': 0.93}, open(os.environ['ONRAMP_EVIDENCE_FILE'], 'w'))",
    ', evidence: ml.evaluated',
  ),
);

describe('local CI over the local git server (real git)', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let fx: ReturnType<typeof createLocalGitFixture>;
    let work: string;
    let tmp: string;
    let gp: Awaited<ReturnType<typeof createTestGoldenPaths>>;
    const cis: LocalCi[] = [];

    /** A LocalCi as one backend replica has it. */
    const replica = () => {
      const ci = localCiReplica(gp, fx.config);
      cis.push(ci);
      return ci;
    };
    const evidence = async (key: string) =>
      (await gp.stores.journeys.listEvidence(SOFIA)).filter(e => e.key === key);
    const runs = async () =>
      (await gp.stores.localCi.listRuns('svc.git', { limit: 100, offset: 0 }))
        .items;
    const commit = (...args: Parameters<typeof fx.commit>) =>
      fx.commit(...args);
    const push = (branch: string) => fx.push(branch);

    beforeAll(async () => {
      gp = await createTestGoldenPaths(await databases.init(databaseId));
      fx = createLocalGitFixture();
      work = fx.work;
      tmp = fx.tmp;
    });
    afterAll(async () => {
      for (const ci of cis) {
        await ci.stop();
      }
      fx.remove();
    });

    it('runs a passing ci.yaml on a push: ci.passed with details, and the step evidence with its JSON', async () => {
      const sha = commit('initial', { '.onramp/ci.yaml': PASSING });
      push('main');
      const summary = await pollAndRun(replica());
      expect(summary).toMatchObject({
        pushes: 1,
        runsQueued: 1,
        opened: 0,
        merged: 0,
      });
      const [run] = await runs();
      expect(run).toMatchObject({
        commit: sha,
        branch: 'main',
        status: 'passed',
        userEntityRef: SOFIA,
        authorEmail: 'sofia.marquez@onramp.example',
      });
      expect(run.steps.map(s => s.status)).toEqual([
        'passed',
        'passed',
        'passed',
      ]);
      expect(run.logTail).toContain('ok\n');
      expect(run.logTail).toContain('main\n');
      const [passed] = await evidence('ci.passed');
      expect(passed.outputs).toEqual({
        repository: 'svc.git',
        commit: sha,
        branch: 'main',
        runId: run.id,
        steps: [
          { name: 'Unit tests', durationMs: expect.any(Number) },
          { name: 'Node', durationMs: expect.any(Number) },
          { name: 'Evaluate', durationMs: expect.any(Number) },
        ],
      });
      const [evaluated] = await evidence('ml.evaluated');
      expect(evaluated.outputs).toEqual({
        accuracy: 0.93,
        localCi: {
          repository: 'svc.git',
          commit: sha,
          branch: 'main',
          runId: run.id,
        },
      });
    });

    it('a new branch is pr.opened for its author; a failing step records no ci.passed and leaves a failed run with its log', async () => {
      git(work, ['checkout', '--quiet', '-b', 'feature']);
      const sha = commit('broken tests', {
        '.onramp/ci.yaml': ciYaml(
          py('Unit tests', "import sys; print('boom'); sys.exit(3)"),
          py('Never', "print('not reached')"),
        ),
      });
      push('feature');
      const summary = await pollAndRun(replica());
      expect(summary).toMatchObject({ pushes: 1, opened: 1, runsQueued: 1 });
      const [opened] = await evidence('pr.opened');
      expect(opened.outputs).toEqual({
        repository: 'svc.git',
        branch: 'feature',
        commit: sha,
      });
      const [run] = await runs();
      expect(run).toMatchObject({ commit: sha, status: 'failed' });
      expect(run.steps.map(s => [s.status, s.exitCode])).toEqual([
        ['failed', 3],
        ['not-run', undefined],
      ]);
      expect(run.logTail).toContain('boom');
      expect(run.logTail).toContain('exited with 3');
      expect(run.logTail).not.toContain('not reached');
      expect(
        (await evidence('ci.passed')).map(e => e.outputs?.commit),
      ).not.toContain(sha);
    });

    it('a step that hangs is timed out and killed with what it started', async () => {
      const pidFile = path.join(tmp, 'hang.pid');
      commit('hang', {
        '.onramp/ci.yaml': ciYaml(
          py(
            'Hang',
            `import os, subprocess, time; c = subprocess.Popen(['sleep', '600']); open(${JSON.stringify(
              pidFile,
            )}, 'w').write(f'{os.getpid()} {c.pid}'); time.sleep(600)`,
            ', timeoutSeconds: 2',
          ),
        ),
      });
      push('feature');
      await pollAndRun(replica());
      const [run] = await runs();
      expect(run.status).toBe('failed');
      expect(run.steps[0].status).toBe('timed-out');
      expect(run.logTail).toContain('timed out after 2s, killed');
      const pids = fs.readFileSync(pidFile, 'utf8').split(' ').map(Number);
      expect(pids.map(running)).toEqual([false, false]);
    });

    it("a merge into main is pr.merged for the merged tip's author, whoever merges", async () => {
      commit('fixed', { '.onramp/ci.yaml': PASSING });
      push('feature');
      const tip = git(work, ['rev-parse', 'HEAD']).trim();
      git(work, ['checkout', '--quiet', 'main']);
      git(
        work,
        ['merge', '--quiet', '--no-ff', '-m', 'Merge feature', 'feature'],
        lead,
      );
      const merge = git(work, ['rev-parse', 'HEAD']).trim();
      push('main');
      const summary = await pollAndRun(replica());
      expect(summary).toMatchObject({
        pushes: 2,
        opened: 0,
        merged: 1,
        runsQueued: 2,
      });
      const [merged] = await evidence('pr.merged');
      expect(merged.outputs).toEqual({
        repository: 'svc.git',
        branch: 'main',
        mergeCommit: merge,
        mergedCommit: tip,
      });
      // The merge commit's run is the lead's: not in the catalog, no evidence.
      const mergeRun = (await runs()).find(r => r.commit === merge)!;
      expect(mergeRun).toMatchObject({ status: 'passed', userEntityRef: null });
      expect((await evidence('ci.passed')).map(e => e.outputs?.commit)).toEqual(
        expect.arrayContaining([tip]),
      );
      expect(
        (await evidence('ci.passed')).map(e => e.outputs?.commit),
      ).not.toContain(merge);
    });

    it('an unknown author is counted and dropped, never guessed', async () => {
      git(work, ['checkout', '--quiet', '-b', 'strangers-branch']);
      commit('not ours', {}, stranger);
      push('strangers-branch');
      const before = await gp.knex('gp_evidence').count({ n: '*' });
      const summary = await pollAndRun(replica());
      expect(summary).toMatchObject({
        pushes: 1,
        opened: 1,
        unknownAuthors: 1,
      });
      expect(await gp.knex('gp_evidence').count({ n: '*' })).toEqual(before);
      expect((await runs())[0]).toMatchObject({
        branch: 'strangers-branch',
        authorEmail: 'someone@elsewhere.example',
        userEntityRef: null,
      });
    });

    it('the same commits seen again (a restart, a second replica without the remembered refs) are run and recorded once', async () => {
      const count = async () => ({
        runs: (await runs()).length,
        evidence: Number((await gp.knex('gp_evidence').count({ n: '*' }))[0].n),
      });
      const before = await count();
      // A restart: the refs are remembered, nothing is new.
      expect(await pollAndRun(replica())).toMatchObject({
        pushes: 0,
        runsQueued: 0,
      });
      // A second replica that read the repositories before the first stored
      // the tips: every tip looks new, and only the unique key keeps the runs once.
      await gp.knex('gp_local_git_refs').delete();
      const again = await pollAndRun(replica());
      expect(again.pushes).toBeGreaterThan(0);
      expect(again.runsQueued).toBe(0);
      expect(await count()).toEqual(before);
    });
  });
});
