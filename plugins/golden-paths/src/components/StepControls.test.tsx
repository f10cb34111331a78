import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  GoldenPathStep,
  JourneyStepStatus,
} from '@onramp/backstage-plugin-golden-paths-common';
import { RuleControl, StepAction, StepChecks } from './StepControls';
import { backendPath } from './testData';

const [manualStep] = backendPath.steps;
const pending = (step: GoldenPathStep): JourneyStepStatus => ({
  stepId: step.id,
  status: 'pending',
});

const checksStep: GoldenPathStep = {
  id: 'observe',
  title: 'Observe your service',
  rule: {
    type: 'checks',
    checks: [
      {
        id: 'dashboard',
        title: 'Open the dashboard',
        rule: { type: 'manual' },
      },
      {
        id: 'alert',
        title: 'Get an alert',
        rule: { type: 'evidence', key: 'alert.fired' },
      },
      { id: 'runbook', title: 'Read the runbook', rule: { type: 'manual' } },
    ],
  },
};

jest.setTimeout(30_000);

describe('StepAction', () => {
  it('marks a self-attested step done, and only while nothing else runs', async () => {
    const onComplete = jest.fn();
    await renderInTestApp(
      <>
        <StepAction
          step={manualStep}
          status={pending(manualStep)}
          busy={false}
          onComplete={onComplete}
        />
        <StepAction
          step={manualStep}
          status={pending(manualStep)}
          busy
          onComplete={onComplete}
        />
      </>,
    );
    const [idle, busy] = screen.getAllByRole('button', {
      name: 'Mark as done',
    });
    expect(busy).toBeDisabled();
    await userEvent.click(idle);
    expect(onComplete).toHaveBeenCalledTimes(1);
  });

  it('offers nothing once the step is done', async () => {
    await renderInTestApp(
      <StepAction
        step={manualStep}
        status={{ stepId: manualStep.id, status: 'completed' }}
        busy={false}
        onComplete={jest.fn()}
      />,
    );
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says an approval step was declined instead of waiting for approval', async () => {
    const signOff: GoldenPathStep = {
      id: 'sign-off',
      title: 'Your manager signs off',
      rule: { type: 'approval', approver: 'manager' },
    };
    const gate = {
      approver: 'manager' as const,
      approverRef: 'user:default/amara.okafor',
      requestedAt: '2026-11-26T09:00:00.000Z',
    };
    await renderInTestApp(
      <>
        <StepAction
          step={signOff}
          status={{ ...pending(signOff), gate: { ...gate, status: 'waiting' } }}
          busy={false}
          onComplete={jest.fn()}
        />
        <StepAction
          step={signOff}
          status={{
            ...pending(signOff),
            gate: { ...gate, status: 'declined', reason: 'Not yet' },
          }}
          busy={false}
          onComplete={jest.fn()}
        />
      </>,
    );
    expect(
      screen
        .getAllByText(/^Waiting for approval|^Declined$/)
        .map(e => e.textContent),
    ).toEqual(['Waiting for approval (manager)', 'Declined']);
  });
});

describe('RuleControl', () => {
  it('draws the smaller, plain button for a check', async () => {
    await renderInTestApp(
      <RuleControl
        rule={{ type: 'manual' }}
        dense
        busy={false}
        onComplete={jest.fn()}
      />,
    );
    const button = screen.getByRole('button', { name: 'Mark as done' });
    expect(button.className).toMatch(/sizeSmall/);
    expect(button.className).not.toMatch(/Primary/);
  });
});

describe('StepChecks', () => {
  it('completes a manual check by its id and shows the evidence of a done one', async () => {
    const onComplete = jest.fn();
    await renderInTestApp(
      <StepChecks
        step={checksStep}
        busy={false}
        onComplete={onComplete}
        status={{
          stepId: checksStep.id,
          status: 'pending',
          checks: [
            {
              checkId: 'dashboard',
              status: 'completed',
              evidence: {
                source: 'manual',
                occurredAt: '2026-11-26T10:00:00.000Z',
              },
            },
            { checkId: 'alert', status: 'pending' },
          ],
        }}
      />,
    );
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(within(items[0]).getByTestId('evidence')).toHaveTextContent(
      'Marked done by you',
    );
    expect(within(items[0]).queryByRole('button')).toBeNull();
    expect(within(items[1]).getByText('Waiting for alert.fired')).toBeVisible();

    await userEvent.click(
      within(items[2]).getByRole('button', { name: 'Mark as done' }),
    );
    expect(onComplete).toHaveBeenCalledWith('runbook');
  });

  it('draws nothing for a step without checks', async () => {
    await renderInTestApp(
      <StepChecks
        step={manualStep}
        status={pending(manualStep)}
        busy={false}
        onComplete={jest.fn()}
      />,
    );
    expect(screen.queryByRole('list')).toBeNull();
  });
});
