import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Typography } from '@material-ui/core';
import {
  GoldenPathStep,
  StepEvidence,
  TEMPLATE_SUCCEEDED_KEY,
  evidenceHintOf,
  evidenceRuleKeys,
} from '@onramp/backstage-plugin-golden-paths-common';
import { goldenPathsTranslationRef } from '../translation';
import { GoldenPathsT } from './translate';
import { describeEvidence, eitherOf, formatDate } from './util';

/** The evidence keys of a rule, strongest first (none unless it is an evidence rule). */
export function ruleKeysOf(rule: GoldenPathStep['rule']): string[] {
  return rule.type === 'evidence' ? evidenceRuleKeys(rule) : [];
}

/** Every evidence key that can complete a step (or one of its checks). */
function stepKeys(step: GoldenPathStep): string[] {
  const { rule } = step;
  if (rule.type === 'template') {
    return [TEMPLATE_SUCCEEDED_KEY];
  }
  if (rule.type === 'checks') {
    return rule.checks.flatMap(c => ruleKeysOf(c.rule));
  }
  return ruleKeysOf(rule);
}

/** Where a pending step's evidence can come from, in words (none for manual steps). */
export const EvidenceHint = ({ step }: { step: GoldenPathStep }) => {
  const { t } = useTranslationRef(goldenPathsTranslationRef);
  const hint = evidenceHintOf({
    evidenceHint: step.evidenceHint,
    keys: stepKeys(step),
  });
  return hint ? (
    <Typography
      variant="caption"
      component="div"
      color="textSecondary"
      data-testid="evidence-hint"
    >
      {t('journey.evidence.waitingForEvidence', { hint })}
    </Typography>
  ) : null;
};

const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : undefined;

/**
 * A repository as people know it: a local repository's name (`file://` URLs
 * and paths of the portal's own git are this machine's folders), else as
 * given (`acme/payments`, an https URL).
 */
function repositoryName(value: string) {
  if (!/^(file:\/\/|\/)/.test(value)) return value;
  return value
    .replace(/\/+$/, '')
    .split('/')
    .pop()!
    .replace(/\.git$/, '');
}

/**
 * What arrived with a piece of evidence, from its outputs, as its producers
 * name them: the SCM webhooks (`provider`, `repository`, `pullRequest` (a
 * GitLab merge request's iid), `commit`, `branch`, `environment`, `tag`), the
 * Day-1 templates (`repository` (the published remote), `serviceCommit` (the
 * commit a deploy answered from), `commitHash`), and other tools (`source`,
 * `repoUrl`, `prNumber`, `number`, `sha`). Worded by `t` (English without);
 * `PR #42` and `MR !7` read the same in every language.
 */
export function arrivedFacts(
  evidence: StepEvidence,
  t: GoldenPathsT,
): string[] {
  const o = evidence.outputs ?? {};
  const facts: string[] = [];
  const source = text(o.source) ?? text(o.provider);
  if (source) {
    facts.push(t('journey.evidence.facts.from', { source }));
  }
  const repository = text(o.repository) ?? text(o.repoUrl);
  if (repository) {
    facts.push(
      t('journey.evidence.facts.repository', {
        repository: repositoryName(repository),
      }),
    );
  }
  const pr = text(o.pullRequest) ?? text(o.prNumber) ?? text(o.number);
  if (pr && source === 'gitlab') {
    facts.push(/^\d+$/.test(pr) ? `MR !${pr}` : `MR ${pr}`);
  } else if (pr) {
    facts.push(/^\d+$/.test(pr) ? `PR #${pr}` : `PR ${pr}`);
  }
  const commit =
    text(o.commit) ??
    text(o.sha) ??
    text(o.serviceCommit) ??
    text(o.commitHash);
  if (commit) {
    facts.push(
      t('journey.evidence.facts.commit', { commit: commit.slice(0, 7) }),
    );
  }
  for (const key of ['branch', 'environment', 'tag'] as const) {
    const value = text(o[key]);
    if (value) facts.push(t(`journey.evidence.facts.${key}`, { value }));
  }
  return facts;
}

/**
 * What completed a step or check. A step done by a weaker key of its
 * evidence rule says which stronger evidence would replace it.
 */
export const EvidenceDetails = ({
  evidence,
  rule,
}: {
  evidence: StepEvidence;
  rule: GoldenPathStep['rule'];
}) => {
  const { t } = useTranslationRef(goldenPathsTranslationRef);
  const ruleKeys = ruleKeysOf(rule);
  const rank = evidence.key ? ruleKeys.indexOf(evidence.key) : -1;
  const stronger = rank > 0 ? ruleKeys.slice(0, rank) : [];
  // Links inside the sentence are underlined: told apart from the text by
  // more than their colour (WCAG 1.4.1, axe's link-in-text-block).
  return (
    <Typography
      variant="caption"
      component="div"
      color="textSecondary"
      data-testid="evidence"
    >
      {evidence.source === 'manual'
        ? t('journey.evidence.markedDoneByYou')
        : t('journey.evidence.done', {
            what: <strong>{describeEvidence(evidence, t)}</strong>,
          })}
      {evidence.key
        ? ` · ${t('journey.evidence.key', { key: evidence.key })}`
        : ''}
      {arrivedFacts(evidence, t).map(f => ` · ${f}`)}{' '}
      {t('journey.evidence.occurredOn', {
        date: formatDate(evidence.occurredAt),
      })}
      {evidence.summary ? ` — ${evidence.summary}` : ''}
      {evidence.taskId && (
        <>
          {' · '}
          <Link
            to={`/create/tasks/${encodeURIComponent(evidence.taskId)}`}
            underline="always"
          >
            {t('journey.evidence.taskLog')}
          </Link>
        </>
      )}
      {evidence.link && (
        <>
          {' · '}
          <Link to={evidence.link} underline="always">
            {evidence.link}
          </Link>
        </>
      )}
      {stronger.length > 0 && (
        <div>
          {t('journey.evidence.notVerified', {
            keys: eitherOf(stronger, t),
          })}
        </div>
      )}
    </Typography>
  );
};
