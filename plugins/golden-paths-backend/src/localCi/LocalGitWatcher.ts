import { LoggerService } from '@backstage/backend-plugin-api';
import path from 'node:path';
import { LocalCiStore } from '../database';
import { findBareRepositories } from '../scm/bareRepositories';
import { CI_FILE } from './ciFile';
import { AuthorEvidenceRecorder, localEvidenceId } from './evidence';
import {
  commitAuthor,
  defaultBranch,
  listBranches,
  newMerges,
  readFileAt,
} from './git';

/** What one pass over the repositories found. */
export type WatchSummary = {
  repositories: number;
  pushes: number;
  runsQueued: number;
  runsSkipped: number;
  opened: number;
  merged: number;
  unknownAuthors: number;
};

const short = (sha: string) => sha.slice(0, 12);

/** The catalog User ref of an author email, if there is one. */
export type UserByEmail = (email: string) => Promise<string | undefined>;

/**
 * Reads the branch tips of every bare repository under the root and turns
 * what changed since the last pass into evidence and CI runs:
 * - a new branch other than the default one: `pr.opened` for its tip's author;
 * - a merge commit new on the default branch's first-parent history:
 *   `pr.merged` for the author of the tip it merged;
 * - a new tip with `.onramp/ci.yaml`: a queued run of that commit.
 * The evidence ids and the runs' unique key make every pass idempotent; the
 * tips seen are stored last (compare-and-set), so a restart or another
 * replica redoes at most what was not finished, and records nothing twice.
 */
export class LocalGitWatcher {
  constructor(
    private readonly options: {
      root: string;
      store: LocalCiStore;
      logger: LoggerService;
      maxQueuedRuns: number;
      clock?: () => number;
    },
  ) {}

  async poll(
    users: UserByEmail,
    recorder: AuthorEvidenceRecorder,
  ): Promise<WatchSummary> {
    const repos = await findBareRepositories(this.options.root, 3);
    const summary: WatchSummary = {
      repositories: repos.length,
      pushes: 0,
      runsQueued: 0,
      runsSkipped: 0,
      opened: 0,
      merged: 0,
      unknownAuthors: 0,
    };
    const before = recorder.unknownAuthors;
    for (const gitDir of repos) {
      try {
        await this.pollRepository(gitDir, users, recorder, summary);
      } catch (error) {
        this.options.logger.warn(
          `Local git: could not read ${path.relative(
            this.options.root,
            gitDir,
          )}: ${error}`,
        );
      }
    }
    summary.unknownAuthors = recorder.unknownAuthors - before;
    return summary;
  }

  private async pollRepository(
    gitDir: string,
    users: UserByEmail,
    recorder: AuthorEvidenceRecorder,
    summary: WatchSummary,
  ) {
    const { store } = this.options;
    const now = (this.options.clock ?? Date.now)();
    const repository = path.relative(this.options.root, gitDir);
    const branches = await listBranches(gitDir);
    const seen = await store.getRefs(repository);
    const main = await defaultBranch(gitDir);
    for (const [branch, sha] of branches) {
      const old = seen.get(branch);
      if (old === sha) {
        continue;
      }
      summary.pushes += 1;
      const author = await commitAuthor(gitDir, sha);
      const user = await users(author.email);
      if (old === undefined && branch !== main) {
        summary.opened += 1;
        await recorder.record({
          user,
          key: 'pr.opened',
          // One pull request per branch name, whatever its tip.
          evidenceId: localEvidenceId(repository, branch, 'pr.opened'),
          summary: `Opened ${branch} in ${repository} (${short(sha)})`,
          outputs: { repository, branch, commit: sha },
          occurredAt: author.at,
        });
      }
      if (branch === main) {
        for (const merge of await newMerges(gitDir, old, sha)) {
          const tip = await commitAuthor(gitDir, merge.mergedTip);
          summary.merged += 1;
          await recorder.record({
            user: await users(tip.email),
            key: 'pr.merged',
            evidenceId: localEvidenceId(repository, merge.sha, 'pr.merged'),
            summary: `Merged ${short(
              merge.mergedTip,
            )} into ${branch} of ${repository} (${short(merge.sha)})`,
            outputs: {
              repository,
              branch,
              mergeCommit: merge.sha,
              mergedCommit: merge.mergedTip,
            },
            occurredAt: (await commitAuthor(gitDir, merge.sha)).at,
          });
        }
      }
      await this.queueRun(
        gitDir,
        repository,
        branch,
        sha,
        author.email,
        user,
        summary,
      );
      await store.claimRef(repository, branch, old, sha, now);
    }
    const gone = [...seen.keys()].filter(name => !branches.has(name));
    await store.deleteRefs(repository, gone);
  }

  /** A run for the pushed commit when it has a ci.yaml; skipped when the queue is full. */
  private async queueRun(
    gitDir: string,
    repository: string,
    branch: string,
    sha: string,
    authorEmail: string,
    user: string | undefined,
    summary: WatchSummary,
  ) {
    if ((await readFileAt(gitDir, sha, CI_FILE)) === undefined) {
      return;
    }
    const { store, maxQueuedRuns } = this.options;
    const full = (await store.countQueued()) >= maxQueuedRuns;
    const id = await store.insertRun(
      {
        repository,
        commit: sha,
        branch,
        authorEmail,
        userEntityRef: user ?? null,
        status: full ? 'skipped' : 'queued',
        ...(full
          ? {
              logTail: `[local-ci] skipped: ${maxQueuedRuns} runs were waiting`,
            }
          : {}),
      },
      (this.options.clock ?? Date.now)(),
    );
    if (id !== undefined) {
      if (full) {
        summary.runsSkipped += 1;
      } else {
        summary.runsQueued += 1;
      }
    }
  }
}
