import { Typography } from '@material-ui/core';
import {
  Journey,
  StepGate,
} from '@onramp/backstage-plugin-golden-paths-common';
import { formatDate, humanizeRef } from './util';

/** Who an approval step waits for and since when, or what they decided. */
export const GateStatus = ({ gate }: { gate: StepGate }) => {
  const who = `${humanizeRef(gate.approverRef)} (${
    gate.approver === 'manager' ? 'your manager' : "the path's owner"
  })`;
  if (gate.status === 'waiting') {
    return (
      <Typography variant="body2" component="div" data-testid="gate-status">
        Waiting for {who} since {formatDate(gate.requestedAt)}.
      </Typography>
    );
  }
  const by = humanizeRef(gate.decidedBy ?? gate.approverRef);
  const when = gate.decidedAt ? ` on ${formatDate(gate.decidedAt)}` : '';
  return (
    <Typography variant="body2" component="div" data-testid="gate-status">
      {gate.status === 'approved'
        ? `Approved by ${by}${when}.`
        : `Declined by ${by}${when}: ${gate.reason ?? ''}`}
    </Typography>
  );
};

/** Done steps the path no longer has: listed, not counted. */
export const RemovedSteps = ({ journey }: { journey: Journey }) =>
  journey.removedSteps?.length ? (
    <section aria-label="Removed from the path">
      <Typography variant="h6" component="h2">
        Removed from the path
      </Typography>
      <ul>
        {journey.removedSteps.map(step => (
          <li key={step.stepId}>
            <Typography variant="body2">
              {step.title ?? step.stepId}: done {formatDate(step.completedAt)},{' '}
              {step.removedAt
                ? `removed from the path on ${formatDate(step.removedAt)}`
                : 'no longer in the path'}
              . It no longer counts toward your progress.
            </Typography>
          </li>
        ))}
      </ul>
    </section>
  ) : null;
