import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { MergedPullRequestSource } from '@onramp/backstage-plugin-golden-paths-node';
import path from 'node:path';
import { GithubMergedPullRequestSource } from './GithubMergedPullRequestSource';
import { LocalGitMergeSource } from './LocalGitMergeSource';

/**
 * The built-in merged pull request source chosen by
 * `goldenPaths.pullRequests.source`: `local-git` (the default; needs
 * `localGit.root`) or `github` (needs `github.organizations` and an
 * `integrations.github` entry for `github.host`).
 */
export function pullRequestSourceFromConfig(
  config: Config,
  logger: LoggerService,
): MergedPullRequestSource | undefined {
  const source =
    config.getOptionalString('goldenPaths.pullRequests.source') ?? 'local-git';
  if (source === 'github') {
    const github = GithubMergedPullRequestSource.fromConfig(config, {
      logger,
    });
    logger.info(
      `Merged pull requests for time to 10th merged PR come from GitHub (${github.id})`,
    );
    return github;
  }
  if (source !== 'local-git') {
    throw new Error(
      `goldenPaths.pullRequests.source must be local-git or github, not "${source}"`,
    );
  }
  const localGitRoot = config.getOptionalString(
    'goldenPaths.pullRequests.localGit.root',
  );
  return localGitRoot
    ? new LocalGitMergeSource(path.resolve(process.cwd(), localGitRoot))
    : undefined;
}
