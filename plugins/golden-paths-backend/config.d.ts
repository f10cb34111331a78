export interface Config {
  /** Onramp Golden Paths. */
  goldenPaths?: {
    /**
     * YAML files with golden path definitions (one or more documents each),
     * relative to the backend's working directory.
     */
    paths?: string[];
    metrics?: {
      /**
       * Users or groups (entity refs, e.g. group:default/platform) whose
       * members may read onboarding metrics and manage cohorts.
       */
      viewers?: string[];
      /** The evidence key that counts as "first deploy". Default deploy.healthy. */
      deployEvidenceKey?: string;
    };
    /** Sources of merged pull requests for "time to 10th merged PR". */
    pullRequests?: {
      /**
       * Bare git repositories under this folder (relative to the backend's
       * working directory); merges into their default branch count as
       * merged pull requests.
       */
      localGit?: {
        root: string;
      };
    };
    notifications?: {
      /** Days without progress before a cohort owner is told. Default 3. */
      stuckAfterDays?: number;
    };
  };
}
