import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Onramp Golden Paths. */
  goldenPaths?: {
    /**
     * The paths are catalog entities (kind GoldenPath, registered like any
     * other catalog location; see the catalog-backend-module-golden-paths
     * package). They are read with the plugin's service credentials.
     */
    catalog?: {
      /** Seconds the paths read from the catalog are served before a re-read. Default 5. */
      cacheSeconds?: number;
    };
    /** Approval steps (`rule.type: approval`). */
    gates?: {
      /**
       * Days a waiting approval step waits before its approver is reminded,
       * and again every as many days while it waits. Default 2.
       */
      remindAfterDays?: number;
    };
    /**
     * Onboarding buddies: when a journey starts, the Skill Exchange suggests
     * a person of the path's discipline who can help with its skills; the
     * newcomer or their manager confirms.
     */
    buddies?: {
      /** Suggest buddies (needs the Skill Exchange backend). Default true. */
      enabled?: boolean;
      /** The most people one buddy is confirmed for, 1 to 100. Default 3. */
      maxPerBuddy?: number;
    };
    metrics?: {
      /**
       * Users or groups (entity refs, e.g. group:default/platform) whose
       * members may read onboarding metrics and manage cohorts.
       */
      viewers?: string[];
      /** The evidence key that counts as "first deploy". Default deploy.healthy. */
      deployEvidenceKey?: string;
      /**
       * Groups (overall, start month, cohort, discipline, path) with fewer
       * people than this are hidden in the API, the CSV and the UI, and one
       * more group where exactly one would be (so no hidden figure is the
       * total minus the rest). A whole number from 3 to 1000; the backend
       * refuses to start otherwise. Default 5.
       */
      minimumGroupSize?: number;
    };
    /**
     * Pulse surveys: at day 7, 30, 60 and 90 after a person's start date
     * (the User annotation onramp.dev/start-date) a notification asks how
     * onboarded and how productive they feel.
     */
    pulse?: {
      /** When the ask runs (each person and day is asked once). Default: hourly. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * Days after a pulse day arrived that it is still asked (a person who
       * joined the catalog late, a backend that was down). Default 14.
       */
      catchUpDays?: number;
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
    /**
     * The local git server as an evidence source and CI (for one machine;
     * off unless enabled). Every `pollIntervalSeconds` the branch tips of the
     * bare repositories under `root` are read: a new branch other than the
     * default one is `pr.opened` for its tip's author; a merge commit on the
     * default branch's first-parent history is `pr.merged` for the author of
     * the tip it merged; every pushed tip with `.onramp/ci.yaml` gets a CI
     * run in a fresh checkout (`ci.passed` when all steps pass, plus the
     * steps' `evidence:` keys). Authors are matched by their User entity's
     * spec.profile.email; unknown authors are counted and dropped.
     * The steps run on this machine with the backend's user rights: enable
     * it only where everyone who can push is trusted.
     */
    localCi?: {
      /** Watch and run. Default false. */
      enabled?: boolean;
      /**
       * The folder of bare repositories, relative to the backend's working
       * directory. Default goldenPaths.git.root.
       */
      root?: string;
      /** Seconds between reads of the repositories. Default 10. */
      pollIntervalSeconds?: number;
      /** Runs at a time on one backend. Default 1. */
      concurrency?: number;
      /** Pushes beyond this many waiting runs are recorded as skipped. Default 50. */
      maxQueuedRuns?: number;
      /** A step's timeout when its ci.yaml sets none. Default 300. */
      defaultTimeoutSeconds?: number;
      /** Characters of output a run keeps (its tail). Default 16384. */
      logTailBytes?: number;
    };
    notifications?: {
      /**
       * Days without progress before a cohort owner is told, and a member is
       * shown "stuck for N days" on the bootcamp board. Default 3.
       */
      stuckAfterDays?: number;
    };
    managers?: {
      /**
       * The Group annotation that names the group's manager (a user ref):
       * "My team's onboarding" lists the members of the groups it names the
       * caller in. Default onramp.dev/manager, the annotation approval
       * steps and Skill Exchange approvals use.
       */
      annotation?: string;
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
