import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MyPulses, Pulse } from '@onramp/backstage-plugin-golden-paths-common';
import { goldenPathsApiRef } from '../api';
import { NextStepCard } from './NextStepCard';
import { PulseCard } from './PulseCard';
import { mockApi } from './testData';

const asked = (day: 7 | 30, given: Pulse['answer'] = null): Pulse => ({
  day,
  dueAt: '2026-12-05T00:00:00.000Z',
  askedAt: '2026-12-05T09:00:00.000Z',
  answer: given,
});

function render(pulses: MyPulses, entry = '/') {
  const api = mockApi({
    getMyPulses: jest.fn(async () => pulses),
    answerPulse: jest.fn(async (day: number) => asked(day as 30)),
  });
  return {
    api,
    rendered: renderInTestApp(
      <TestApiProvider apis={[[goldenPathsApiRef, api]]}>
        <PulseCard />
      </TestApiProvider>,
      { routeEntries: [entry] },
    ),
  };
}

describe('PulseCard', () => {
  it('asks the due pulse with two labelled 1..5 radio groups and saves it', async () => {
    const { api, rendered } = render({
      items: [asked(30), asked(7, answer(2, 2))],
      due: [30],
    });
    await rendered;
    const form = await screen.findByRole(
      'form',
      { name: 'Day 30 pulse' },
      { timeout: 10_000 },
    );
    expect(screen.getByText('How are you doing?')).toBeInTheDocument();
    const onboarded = within(form).getByRole('radiogroup', {
      name: /How onboarded do you feel\?/,
    });
    const productive = within(form).getByRole('radiogroup', {
      name: /How productive do you feel\?/,
    });
    expect(within(onboarded).getAllByRole('radio')).toHaveLength(5);
    const save = within(form).getByRole('button', { name: 'Save' });
    // Both scores are needed.
    expect(save).toBeDisabled();
    fireEvent.click(within(onboarded).getByRole('radio', { name: '3' }));
    fireEvent.click(
      within(productive).getByRole('radio', { name: '5 (fully)' }),
    );
    fireEvent.change(
      within(form).getByRole('textbox', { name: 'Comment (optional)' }),
      { target: { value: 'Getting there' } },
    );
    fireEvent.click(save);
    await waitFor(() =>
      expect(api.answerPulse).toHaveBeenCalledWith(30, {
        onboarded: 3,
        productive: 5,
        comment: 'Getting there',
      }),
    );
    // Ten radio buttons clicked one by one: over jest's 5 s on a busy 2-core machine.
  }, 30_000);

  it('opens the linked day, with its answer to change', async () => {
    const { rendered } = render(
      { items: [asked(30), asked(7, answer(4, 3, 'Fine'))], due: [30] },
      '/?pulse=7',
    );
    await rendered;
    const form = await screen.findByRole(
      'form',
      { name: 'Day 7 pulse' },
      { timeout: 10_000 },
    );
    const onboarded = within(form).getByRole('radiogroup', {
      name: /How onboarded/,
    });
    expect(within(onboarded).getByRole('radio', { name: '4' })).toBeChecked();
    expect(
      within(form).getByRole('textbox', { name: 'Comment (optional)' }),
    ).toHaveValue('Fine');
    expect(
      within(form).getByRole('button', { name: 'Save changes' }),
    ).toBeEnabled();
    // The other day is one click away, marked due.
    fireEvent.click(screen.getByRole('button', { name: 'Day 30 (due)' }));
    expect(
      await screen.findByRole('form', { name: 'Day 30 pulse' }),
    ).toBeInTheDocument();
  });

  it('shows nothing when no pulse was asked', async () => {
    const { api, rendered } = render({ items: [], due: [] });
    await rendered;
    await waitFor(() => expect(api.getMyPulses).toHaveBeenCalled());
    expect(screen.queryByText('How are you doing?')).not.toBeInTheDocument();
  });

  it('links to a due pulse from the home page card', async () => {
    const api = mockApi({
      getMyPulses: jest.fn(
        async (): Promise<MyPulses> => ({ items: [asked(30)], due: [30] }),
      ),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[goldenPathsApiRef, api]]}>
        <NextStepCard />
      </TestApiProvider>,
    );
    expect(
      await screen.findByRole(
        'link',
        { name: 'How are you doing? Your day 30 pulse is waiting' },
        { timeout: 10_000 },
      ),
    ).toHaveAttribute('href', '/golden-paths?pulse=30#pulse');
  });
});

function answer(onboarded: number, productive: number, comment?: string) {
  return {
    onboarded,
    productive,
    ...(comment ? { comment } : {}),
    answeredAt: '2026-11-12T11:00:00.000Z',
    updatedAt: '2026-11-12T11:00:00.000Z',
  };
}
