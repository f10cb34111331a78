import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  MergedPullRequest,
  MergedPullRequestSource,
} from '@onramp/backstage-plugin-golden-paths-node';
import { findBareRepositories } from './bareRepositories';

const exec = promisify(execFile);

/**
 * Reads merges into the default branch (HEAD) of the bare git repositories
 * under a folder, e.g. the local repositories the Day-1 template publishes
 * to in the embedded default. A merge commit on the first-parent history of
 * the default branch is one merged pull request, attributed to the author of
 * the merged branch's tip; plain commits are never counted.
 * @public
 */
export class LocalGitMergeSource implements MergedPullRequestSource {
  readonly id = 'local-git';

  constructor(
    private readonly root: string,
    private readonly options: { maxDepth?: number } = {},
  ) {}

  async listMergedPullRequests(): Promise<MergedPullRequest[]> {
    const repos = await findBareRepositories(
      this.root,
      this.options.maxDepth ?? 3,
    );
    const result: MergedPullRequest[] = [];
    for (const repo of repos) {
      result.push(...(await this.listMerges(repo)));
    }
    return result;
  }

  private async listMerges(gitDir: string): Promise<MergedPullRequest[]> {
    let stdout: string;
    try {
      ({ stdout } = await exec(
        'git',
        [
          '--git-dir',
          gitDir,
          'log',
          '--merges',
          '--first-parent',
          '--format=%H%x09%P%x09%ct',
          'HEAD',
        ],
        { maxBuffer: 64 * 1024 * 1024 },
      ));
    } catch (error) {
      // An empty repository has no HEAD yet: no merges. Anything else (a
      // broken repository, git missing) must not silently count as zero.
      const stderr = String((error as { stderr?: string }).stderr ?? '');
      if (
        /does not have any commits|unknown revision|bad default revision|ambiguous argument 'HEAD'/.test(
          stderr,
        )
      ) {
        return [];
      }
      throw error;
    }
    const repository = path.relative(this.root, gitDir);
    const merges: MergedPullRequest[] = [];
    for (const line of stdout.split('\n').filter(Boolean)) {
      const [sha, parents, committedAt] = line.split('\t');
      const mergedTip = parents.split(' ')[1];
      if (!mergedTip) {
        continue;
      }
      const { stdout: email } = await exec('git', [
        '--git-dir',
        gitDir,
        'log',
        '-1',
        '--format=%ae',
        mergedTip,
      ]);
      merges.push({
        id: `${repository}@${sha}`,
        repository,
        authorEmail: email.trim().toLocaleLowerCase(),
        mergedAt: Number(committedAt) * 1000,
      });
    }
    return merges;
  }
}
