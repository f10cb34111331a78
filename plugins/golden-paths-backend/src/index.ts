/**
 * The Onramp Golden Paths backend plugin.
 *
 * @packageDocumentation
 */
export { goldenPathsPlugin as default } from './plugin';
export { GoldenPathRegistry, parseGoldenPaths } from './service/paths';
export { LocalGitMergeSource } from './scm/LocalGitMergeSource';
export {
  goldenPathsPullRequestSourceExtensionPoint,
  type GoldenPathsPullRequestSourceExtensionPoint,
  type MergedPullRequest,
  type MergedPullRequestSource,
} from './scm/types';
