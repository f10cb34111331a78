import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalCiConfig } from '../localCi';
import { LocalCi } from '../localCi/LocalCi';
import { catalogWithUsers, TestUser } from './catalog';
import { as, git } from './git';
import { createTestGoldenPaths } from './services';

/** Sofia's commits: her catalog email in another case. */
export const sofiaCommits = as(
  'Sofia',
  'Sofia.Marquez@onramp.example',
  '2026-11-02T10:00:00Z',
);

/**
 * A git root with one bare repository `<repository>.git` (`svc.git` unless
 * told) and a work tree whose `origin` it is, in a fresh temporary folder;
 * `commit` writes files and commits them (as Sofia unless told), `push`
 * pushes a branch.
 */
export function createLocalGitFixture(repository = 'svc') {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'local-ci-test-'));
  const root = path.join(tmp, 'git');
  const work = path.join(tmp, 'work');
  const bare = path.join(root, `${repository}.git`);
  fs.mkdirSync(bare, { recursive: true });
  fs.mkdirSync(work);
  git(bare, ['init', '--quiet', '--bare', '--initial-branch=main']);
  git(work, ['init', '--quiet', '--initial-branch=main']);
  git(work, ['remote', 'add', 'origin', bare]);
  const config: LocalCiConfig = {
    root,
    pollIntervalSeconds: 10,
    concurrency: 1,
    maxQueuedRuns: 50,
    defaultTimeoutSeconds: 60,
    logTailBytes: 4096,
  };
  return {
    tmp,
    root,
    work,
    config,
    commit(
      message: string,
      files: Record<string, string | Buffer>,
      env = sofiaCommits,
    ) {
      for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
        fs.writeFileSync(path.join(work, file), text);
      }
      git(work, ['add', '-A'], env);
      git(work, ['commit', '--quiet', '--allow-empty', '-m', message], env);
      return git(work, ['rev-parse', 'HEAD']).trim();
    },
    push(branch: string) {
      git(work, ['push', '--quiet', 'origin', branch]);
    },
    remove() {
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/**
 * A LocalCi as one backend replica has it, over the test's stores and
 * services, with these users in the catalog (unless told, Sofia:
 * sofia.marquez@onramp.example).
 */
export function localCiReplica(
  gp: Awaited<ReturnType<typeof createTestGoldenPaths>>,
  config: LocalCiConfig,
  users: TestUser[] = [
    { name: 'sofia.marquez', email: 'sofia.marquez@onramp.example' },
  ],
) {
  return new LocalCi({
    config,
    store: gp.stores.localCi,
    evidence: {
      recordEvidence: async request =>
        (await gp.services.evidence.recordEvidence(request)).response,
    },
    catalog: catalogWithUsers(users),
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
  });
}

/** One pass over the repositories, then every queued run. */
export async function pollAndRun(ci: LocalCi) {
  const summary = await ci.poll();
  await ci.drain();
  return summary;
}
