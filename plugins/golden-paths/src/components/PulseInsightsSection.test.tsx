import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { PulseInsights } from '@onramp/backstage-plugin-golden-paths-common';
import { goldenPathsApiRef } from '../api';
import { PulseInsightsSection } from './PulseInsightsSection';
import { mockApi } from './testData';

const shown = (answers: number) => ({
  answers,
  people: answers,
  onboarded: {
    distribution: [0, 1, answers - 2, 1, 0] as [
      number,
      number,
      number,
      number,
      number,
    ],
    mean: 3,
  },
  productive: {
    distribution: [0, 0, 0, answers, 0] as [
      number,
      number,
      number,
      number,
      number,
    ],
    mean: 4,
  },
  suppressed: false,
});
const hidden = {
  answers: null,
  people: null,
  onboarded: { distribution: null, mean: null },
  productive: { distribution: null, mean: null },
  suppressed: true,
};

const insights: PulseInsights = {
  generatedAt: '2026-12-07T10:00:00.000Z',
  minimumGroupSize: 5,
  filters: {},
  overall: shown(12),
  byDay: [
    { day: 7, ...shown(12) },
    { day: 30, ...hidden },
  ],
  byCohort: [],
  byDiscipline: [
    { discipline: 'Backend', ...shown(7) },
    { discipline: 'Client', ...hidden },
    { discipline: 'Data', ...hidden },
  ],
  hiddenGroups: { byDay: 1, byCohort: 0, byDiscipline: 2 },
};

describe('PulseInsightsSection', () => {
  it('shows the distributions per day and discipline, hidden groups counted, and the CSV', async () => {
    const api = mockApi({
      getPulseInsights: jest.fn(async () => insights),
      getPulseInsightsCsv: jest.fn(async () => 'scope,group\n'),
    });
    global.URL.createObjectURL = jest.fn(() => 'blob:pulse');
    global.URL.revokeObjectURL = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[goldenPathsApiRef, api]]}>
        <PulseInsightsSection cohortId="autumn" />
      </TestApiProvider>,
    );
    const section = await screen.findByRole(
      'region',
      { name: 'Pulse' },
      { timeout: 10_000 },
    );
    await within(section).findByText('Day 7');
    expect(api.getPulseInsights).toHaveBeenCalledWith({ cohortId: 'autumn' });
    // All days and day 7: the same twelve answers.
    expect(
      within(section).getAllByRole('img', {
        name: 'Onboarded: 1: 0 · 2: 1 · 3: 10 · 4: 1 · 5: 0',
      }),
    ).toHaveLength(2);
    expect(
      within(section).getByText(
        '1 group hidden (fewer than 5 people, or the next smallest)',
      ),
    ).toBeInTheDocument();
    expect(
      within(section).getByText(
        '2 groups hidden (fewer than 5 people, or the next smallest)',
      ),
    ).toBeInTheDocument();
    expect(
      within(section).getAllByText('Hidden: fewer than 5 people'),
    ).toHaveLength(3);
    expect(
      within(section).getByText('No answers from cohort members yet.'),
    ).toBeInTheDocument();
    fireEvent.click(
      within(section).getByRole('button', { name: 'Export pulse CSV' }),
    );
    await waitFor(() =>
      expect(api.getPulseInsightsCsv).toHaveBeenCalledWith({
        cohortId: 'autumn',
      }),
    );
  });

  it('shows nothing to people who may not read insights', async () => {
    const api = mockApi({
      getPulseInsights: jest.fn(async () => {
        throw Object.assign(new Error('Not allowed'), {
          response: { status: 403 },
        });
      }),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[goldenPathsApiRef, api]]}>
        <PulseInsightsSection />
      </TestApiProvider>,
    );
    await waitFor(() => expect(api.getPulseInsights).toHaveBeenCalled());
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Pulse' })).toBeNull(),
    );
  });
});
