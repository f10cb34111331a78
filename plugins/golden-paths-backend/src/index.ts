/**
 * The Onramp Golden Paths backend plugin.
 *
 * @packageDocumentation
 */
export { goldenPathsPlugin as default } from './plugin';
export { GoldenPathRegistry, parseGoldenPaths } from './service/paths';
export { LocalGitMergeSource } from './scm/LocalGitMergeSource';
export {
  GithubMergedPullRequestSource,
  GithubRateLimitError,
  GithubRequestError,
  GITHUB_USER_LOGIN_ANNOTATION,
  type GithubMergedPullRequestSourceOptions,
} from './scm/GithubMergedPullRequestSource';
/**
 * Moved to `@onramp/backstage-plugin-golden-paths-node`; re-exported here
 * for modules written against the backend package.
 */
export {
  goldenPathsPullRequestSourceExtensionPoint,
  type GoldenPathsPullRequestSourceExtensionPoint,
  type MergedPullRequest,
  type MergedPullRequestSource,
  type PullRequestSourceUser,
} from '@onramp/backstage-plugin-golden-paths-node';
