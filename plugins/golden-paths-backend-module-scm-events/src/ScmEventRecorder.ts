import { LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { EventParams } from '@backstage/plugin-events-node';
import { GoldenPathsEvidenceService } from '@onramp/backstage-plugin-golden-paths-node';
import { metrics } from '@opentelemetry/api';
import { GITHUB_EVENTS, mapGithubEvent } from './mapping/github';
import { GITLAB_EVENTS, mapGitlabEvent } from './mapping/gitlab';
import { isSkip, ScmEvidence, ScmMapping, ScmProvider } from './mapping/types';
import { CatalogUserResolver } from './users';

/**
 * The events topics the module subscribes to.
 *
 * @public
 */
export const SCM_TOPICS = [
  ...GITHUB_EVENTS.map(e => `github.${e}`),
  ...GITLAB_EVENTS.map(e => `gitlab.${e}`),
];

/**
 * What became of one event; the counter's `outcome` attribute.
 *
 * @public
 */
export type ScmOutcome =
  | 'recorded'
  | 'ignored'
  | 'unknown-user'
  | 'ambiguous-user'
  | 'rejected';

const DELIVERY_HEADERS: Record<ScmProvider, string> = {
  github: 'x-github-delivery',
  gitlab: 'x-gitlab-event-uuid',
};

function header(params: EventParams, name: string): string | undefined {
  const value = params.metadata?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && /^[\w.:-]{1,100}$/.test(first)
    ? first
    : undefined;
}

/**
 * Turns GitHub and GitLab webhook events (`github.<event>`,
 * `gitlab.<object_kind>`) into golden-path evidence for the catalog user
 * the event belongs to, through the in-process evidence service. Events of
 * people the catalog does not know, or knows twice, are counted, logged
 * and dropped.
 */
export class ScmEventRecorder {
  private readonly counter = metrics
    .getMeter('onramp-golden-paths')
    .createCounter('golden_paths.scm_events', {
      description:
        'SCM and CI webhook events seen by golden-paths, by provider, event and outcome (recorded, ignored, unknown-user, ambiguous-user, rejected)',
    });

  constructor(
    private readonly options: {
      evidence: GoldenPathsEvidenceService;
      users: CatalogUserResolver;
      logger: LoggerService;
      /** Called with each outcome (tests and the README's figures). */
      onOutcome?: (outcome: ScmOutcome, event: string) => void;
    },
  ) {}

  async onEvent(params: EventParams): Promise<void> {
    const [provider, event] = params.topic.split('.', 2) as [
      ScmProvider,
      string,
    ];
    if ((provider !== 'github' && provider !== 'gitlab') || !event) return;
    const delivery = header(params, DELIVERY_HEADERS[provider]);
    const mapping: ScmMapping =
      provider === 'github'
        ? mapGithubEvent(event, params.eventPayload, delivery)
        : mapGitlabEvent(event, params.eventPayload, delivery);
    const name = `${provider}.${event}`;
    if (isSkip(mapping)) {
      this.options.logger.debug(`Ignored ${name}: ${mapping.skip}`);
      this.count('ignored', name);
      return;
    }
    await this.record(name, mapping);
  }

  private async record(name: string, e: ScmEvidence) {
    const { logger } = this.options;
    const match = await this.options.users.resolve(e.provider, e.person);
    if ('dropped' in match) {
      const who = 'login' in e.person ? 'login' : 'commit email';
      logger.warn(
        `Dropped ${e.key} from ${name} on ${e.repository}: its ${who} is ${
          match.dropped === 'unknown-user'
            ? 'no catalog user'
            : 'more than one catalog user'
        } (${e.evidenceId})`,
      );
      this.count(match.dropped, name);
      return;
    }
    try {
      const result = await this.options.evidence.recordEvidence({
        userEntityRef: match.userEntityRef,
        key: e.key,
        evidenceId: e.evidenceId,
        summary: e.summary,
        outputs: e.outputs,
        ...(e.link ? { link: e.link } : {}),
        ...(e.occurredAt ? { occurredAt: e.occurredAt } : {}),
      });
      // The evidence service keeps it once, however often it arrives.
      logger.info(
        `${e.key} from ${name} for ${match.userEntityRef} (${e.evidenceId}); completed ${result.completed.length} step(s)`,
      );
      this.count('recorded', name);
    } catch (error) {
      // Bad input the evidence service refused: nothing was written.
      if (isError(error) && error.name === 'InputError') {
        logger.warn(`Refused ${e.key} from ${name}: ${error.message}`);
        this.count('rejected', name);
        return;
      }
      throw error;
    }
  }

  private count(outcome: ScmOutcome, event: string) {
    this.counter.add(1, { outcome, event });
    this.options.onOutcome?.(outcome, event);
  }
}
