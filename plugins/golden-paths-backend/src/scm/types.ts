import { createExtensionPoint } from '@backstage/backend-plugin-api';

/** A pull request merged into a repository's default branch. */
export type MergedPullRequest = {
  /** Unique within its source, e.g. `<repo>#<number>` or a merge commit sha. */
  id: string;
  repository: string;
  /** The author of the pull request (not the person who merged it). */
  authorEmail: string;
  /** Epoch milliseconds. */
  mergedAt: number;
};

/**
 * Where merged pull requests come from (GitHub, GitLab, local git, ...).
 * Sources must report merged pull requests only, never plain commits.
 */
export interface MergedPullRequestSource {
  /** A stable id, stored with each pull request. */
  readonly id: string;
  listMergedPullRequests(): Promise<MergedPullRequest[]>;
}

/** Lets backend modules add pull request sources to the golden-paths plugin. */
export interface GoldenPathsPullRequestSourceExtensionPoint {
  addSource(source: MergedPullRequestSource): void;
}

/** @public */
export const goldenPathsPullRequestSourceExtensionPoint =
  createExtensionPoint<GoldenPathsPullRequestSourceExtensionPoint>({
    id: 'golden-paths.pull-request-sources',
  });
