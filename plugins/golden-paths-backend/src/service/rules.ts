import {
  GoldenPathStep,
  TEMPLATE_SUCCEEDED_KEY,
  evidenceRuleKeys,
} from '@onramp/backstage-plugin-golden-paths-common';
import { EvidenceRow } from '../database';

/**
 * The rules of steps: which evidence proves a step (or one of its checks),
 * which proof is stronger, and how a rule reads to people.
 */

/** Does this evidence satisfy the step (or one of its checks)? */
export function matchEvidence(
  step: GoldenPathStep,
  evidence: Pick<EvidenceRow, 'key' | 'templateRef' | 'outputs'>,
): string[] | undefined {
  const rule = step.rule;
  switch (rule.type) {
    case 'manual':
      return undefined;
    case 'evidence':
      return evidenceRuleKeys(rule).includes(evidence.key) ? [''] : undefined;
    case 'template': {
      if (evidence.key !== TEMPLATE_SUCCEEDED_KEY) {
        return undefined;
      }
      if (
        !evidence.templateRef ||
        evidence.templateRef.toLocaleLowerCase() !==
          rule.templateRef.toLocaleLowerCase()
      ) {
        return undefined;
      }
      const outputs = evidence.outputs ?? {};
      const missing = (rule.requiredOutputs ?? []).filter(
        name => outputs[name] === undefined || outputs[name] === null,
      );
      return missing.length === 0 ? [''] : undefined;
    }
    case 'checks': {
      const checks = rule.checks
        .filter(
          c =>
            c.rule.type === 'evidence' &&
            evidenceRuleKeys(c.rule).includes(evidence.key),
        )
        .map(c => c.id);
      return checks.length > 0 ? checks : undefined;
    }
    default:
      return undefined;
  }
}

export function describeKeys(keys: string[]): string {
  return keys.map(k => `"${k}"`).join(' or ');
}

/**
 * The rank of an evidence key under the rule of a step or check (0 is the
 * strongest); undefined when the rule is not an evidence rule or the key is
 * not one of its keys.
 */
export function evidenceRank(
  step: GoldenPathStep,
  checkId: string,
  key: string | null,
): number | undefined {
  let rule: GoldenPathStep['rule'] | undefined = step.rule;
  if (checkId !== '') {
    rule =
      step.rule.type === 'checks'
        ? step.rule.checks.find(c => c.id === checkId)?.rule
        : undefined;
  }
  if (!key || rule?.type !== 'evidence') {
    return undefined;
  }
  const rank = evidenceRuleKeys(rule).indexOf(key);
  return rank < 0 ? undefined : rank;
}

export function describeRule(step: GoldenPathStep): string {
  const rule = step.rule;
  switch (rule.type) {
    case 'manual':
      return 'is completed by its owner (manual)';
    case 'evidence':
      return `needs evidence ${describeKeys(evidenceRuleKeys(rule))}`;
    case 'template':
      return `needs "${TEMPLATE_SUCCEEDED_KEY}" from ${rule.templateRef}${
        rule.requiredOutputs?.length
          ? ` with outputs ${rule.requiredOutputs.join(', ')}`
          : ''
      }`;
    case 'approval':
      return `waits for approval by ${
        rule.approver === 'manager'
          ? "the person's manager"
          : "the path's owner"
      }`;
    case 'waitFor':
      return `is done when step "${rule.stepId}" is done`;
    case 'checks':
      return `needs its checks: ${rule.checks
        .map(c =>
          c.rule.type === 'evidence'
            ? `${c.id} (evidence ${describeKeys(evidenceRuleKeys(c.rule))})`
            : `${c.id} (manual)`,
        )
        .join(', ')}`;
    default:
      return 'has an unknown rule';
  }
}
