import { createExtensionPoint } from '@backstage/backend-plugin-api';

/**
 * A pull request merged into a repository's default branch.
 *
 * @public
 */
export type MergedPullRequest = {
  /** Unique within its source, e.g. `<repo>#<number>` or a merge commit sha. */
  id: string;
  repository: string;
  /**
   * The author of the pull request (not the person who merged it), matched
   * to a catalog user's `spec.profile.email`. Ignored when
   * `userEntityRef` is set.
   */
  authorEmail?: string;
  /** The catalog user who authored it, when the source knows (e.g. by login). */
  userEntityRef?: string;
  /** Epoch milliseconds. */
  mergedAt: number;
};

/**
 * A catalog user, as sources see them.
 *
 * @public
 */
export type PullRequestSourceUser = {
  /** e.g. `user:default/sofia.marquez` (lower case). */
  entityRef: string;
  email?: string;
  annotations: Record<string, string>;
};

/**
 * Where merged pull requests come from (GitHub, GitLab, local git, ...).
 * Sources must report merged pull requests only, never plain commits.
 *
 * @public
 */
export interface MergedPullRequestSource {
  /** A stable id, stored with each pull request. */
  readonly id: string;
  /** Called by the sync with the catalog's users. */
  listMergedPullRequests(context: {
    users: PullRequestSourceUser[];
  }): Promise<MergedPullRequest[]>;
}

/**
 * Lets backend modules add pull request sources to the golden-paths plugin.
 *
 * @public
 */
export interface GoldenPathsPullRequestSourceExtensionPoint {
  addSource(source: MergedPullRequestSource): void;
}

/**
 * The extension point of the golden-paths plugin for merged pull request
 * sources ("time to 10th merged PR"), e.g. from a module:
 * `deps: { sources: goldenPathsPullRequestSourceExtensionPoint }`, then
 * `sources.addSource(mySource)`.
 *
 * @public
 */
export const goldenPathsPullRequestSourceExtensionPoint =
  createExtensionPoint<GoldenPathsPullRequestSourceExtensionPoint>({
    id: 'golden-paths.pull-request-sources',
  });
