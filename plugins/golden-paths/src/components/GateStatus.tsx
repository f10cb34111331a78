import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Typography } from '@material-ui/core';
import {
  Journey,
  StepGate,
} from '@onramp/backstage-plugin-golden-paths-common';
import { goldenPathsTranslationRef } from '../translation';
import { formatDate, humanizeRef } from './util';

/** Who an approval step waits for and since when, or what they decided. */
export const GateStatus = ({ gate }: { gate: StepGate }) => {
  const { t } = useTranslationRef(goldenPathsTranslationRef);
  if (gate.status === 'waiting') {
    const who = t(
      gate.approver === 'manager'
        ? 'journey.gate.who.manager'
        : 'journey.gate.who.owner',
      { name: humanizeRef(gate.approverRef) },
    );
    return (
      <Typography variant="body2" component="div" data-testid="gate-status">
        {t('journey.gate.waiting', {
          who,
          date: formatDate(gate.requestedAt),
        })}
      </Typography>
    );
  }
  const by = humanizeRef(gate.decidedBy ?? gate.approverRef);
  const date = gate.decidedAt ? formatDate(gate.decidedAt) : undefined;
  const reason = gate.reason ?? '';
  let text: string;
  if (gate.status === 'approved') {
    text = date
      ? t('journey.gate.approvedOn', { by, date })
      : t('journey.gate.approved', { by });
  } else {
    text = date
      ? t('journey.gate.declinedOn', { by, date, reason })
      : t('journey.gate.declined', { by, reason });
  }
  return (
    <Typography variant="body2" component="div" data-testid="gate-status">
      {text}
    </Typography>
  );
};

/** Done steps the path no longer has: listed, not counted. */
export const RemovedSteps = ({ journey }: { journey: Journey }) => {
  const { t } = useTranslationRef(goldenPathsTranslationRef);
  return journey.removedSteps?.length ? (
    <section aria-label={t('journey.gate.removedTitle')}>
      <Typography variant="h6" component="h2">
        {t('journey.gate.removedTitle')}
      </Typography>
      <ul>
        {journey.removedSteps.map(step => (
          <li key={step.stepId}>
            <Typography variant="body2">
              {step.removedAt
                ? t('journey.gate.removedOn', {
                    step: step.title ?? step.stepId,
                    completed: formatDate(step.completedAt),
                    removed: formatDate(step.removedAt),
                  })
                : t('journey.gate.noLongerInPath', {
                    step: step.title ?? step.stepId,
                    completed: formatDate(step.completedAt),
                  })}
            </Typography>
          </li>
        ))}
      </ul>
    </section>
  ) : null;
};
