import { Link } from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import {
  GoldenPathStep,
  StepEvidence,
  evidenceRuleKeys,
} from '@onramp/backstage-plugin-golden-paths-common';
import { describeEvidence, formatDate } from './util';

/** The evidence keys of a rule, strongest first (none unless it is an evidence rule). */
export function ruleKeysOf(rule: GoldenPathStep['rule']): string[] {
  return rule.type === 'evidence' ? evidenceRuleKeys(rule) : [];
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
  const ruleKeys = ruleKeysOf(rule);
  const rank = evidence.key ? ruleKeys.indexOf(evidence.key) : -1;
  const stronger = rank > 0 ? ruleKeys.slice(0, rank) : [];
  return (
    <Typography
      variant="caption"
      component="div"
      color="textSecondary"
      data-testid="evidence"
    >
      {evidence.source === 'manual' ? (
        'Marked done by you'
      ) : (
        <>
          Done: <strong>{describeEvidence(evidence)}</strong>
        </>
      )}
      {evidence.key ? ` · evidence ${evidence.key}` : ''} on{' '}
      {formatDate(evidence.occurredAt)}
      {evidence.summary ? ` — ${evidence.summary}` : ''}
      {evidence.taskId && (
        <>
          {' · '}
          <Link to={`/create/tasks/${encodeURIComponent(evidence.taskId)}`}>
            task log
          </Link>
        </>
      )}
      {evidence.link && (
        <>
          {' · '}
          <Link to={evidence.link}>{evidence.link}</Link>
        </>
      )}
      {stronger.length > 0 && (
        <div>
          Not verified yet: {stronger.join(' or ')} replaces this when it is
          reported.
        </div>
      )}
    </Typography>
  );
};
