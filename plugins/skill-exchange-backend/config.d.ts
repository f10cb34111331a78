import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  skillExchange?: {
    /**
     * Skills added to the taxonomy on start (besides the ~160 shipped ones).
     * Existing names and aliases are left alone.
     */
    skills?: Array<{
      name: string;
      /** discipline, language, framework, infrastructure or domain */
      category:
        | 'discipline'
        | 'language'
        | 'framework'
        | 'infrastructure'
        | 'domain';
      description?: string;
      aliases?: string[];
    }>;
    /**
     * Fill an empty Skill Exchange with demo posts and profiles for the demo
     * organisation. For the embedded demo only; never in production.
     */
    demoData?: boolean;
    embeds?: {
      /**
       * Whether an applicant's manager approves an embed (default optional):
       * off (never asked), optional (the applicant may ask; the owner may
       * accept without), required (the owner accepts only once the manager
       * approved). The manager is the onramp.dev/manager annotation of the
       * applicant's group in the catalog.
       */
      managerApproval?: 'off' | 'optional' | 'required';
    };
    learning?: {
      /**
       * Learning resources tied to skills: a learning goal on a profile shows
       * the next one not done. Checked at startup (unique ids, http(s) or
       * `/docs/...` urls, known kinds); skill names resolve through the
       * taxonomy, aliases too (an unknown one is a warning).
       */
      resources?: Array<{
        /** Stable id (a-z, 0-9, dot, dash, underscore): completions refer to it. */
        id: string;
        title: string;
        /** An http(s) address or a path in Backstage such as /docs/default/component/x. */
        url: string;
        /** docs (a TechDocs page), course or link */
        kind: 'docs' | 'course' | 'link';
        /** Skill names or aliases of the taxonomy. */
        skills: string[];
        /** About how long it takes. */
        minutes?: number;
      }>;
    };
    reminders?: {
      /** Remind post owners of interest left unanswered this many days (default 3). */
      afterDays?: number;
      /** When the reminder job runs (default once a day, first 5 minutes after start). */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    retros?: {
      /**
       * The smallest group of retros that insights show per kind or skill
       * (default 5, at least 3): smaller groups are left out and counted as
       * hidden, so nobody's own answer can be read off a figure.
       */
      minimumGroupSize?: number;
      /** When the job asking people for the retro of stints that ended runs (default hourly). */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    evidence?: {
      /**
       * When the skill evidence of every catalog user is recomputed (merged
       * pull requests from Golden Paths, completed embeds and mentorships);
       * default every hour, first a minute after start.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
  search?: {
    collators?: {
      /** The Skill Exchange search collator (skillExchangeSearchModule). */
      skillExchange?: {
        /** How often posts and profiles are re-indexed (default every 10 minutes). */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
