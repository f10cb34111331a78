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
       * Which built-in source to read: `local-git` (default) or `github`.
       * Sources added by backend modules are read as well.
       */
      source?: 'local-git' | 'github';
      /**
       * Merged pull requests from GitHub or GitHub Enterprise, with the
       * credentials (token or GitHub App) and API base URL of the
       * `integrations.github` entry for `host`. People are matched by the
       * `github.com/user-login` annotation of their User entity, else by
       * `userLogins`; users with neither are skipped (logged).
       */
      github?: {
        /** The integration host. Default github.com. */
        host?: string;
        /** Organizations whose merged pull requests count. */
        organizations: string[];
        /**
         * GitHub logins of users without the `github.com/user-login`
         * annotation, e.g. `{ user: user:default/sofia.marquez, login: sofia-m }`.
         */
        userLogins?: Array<{ user: string; login: string }>;
        /** Retries of one request after a rate limit (403/429). Default 3. */
        maxRetries?: number;
      };
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
    /**
     * Seed the onboarding history of the demo newcomers of examples/org.yaml
     * (journeys, evidence, merged pull requests over past months) into an
     * empty database, so the Insights trends mean something. Embedded
     * default only; never in production. Default false.
     */
    demoData?: boolean;
  };
}
