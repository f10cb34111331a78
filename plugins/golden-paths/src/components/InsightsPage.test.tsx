import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ResponseError } from '@backstage/errors';
import { Route, Routes } from 'react-router-dom';
import { goldenPathsApiRef } from '../api';
import { formatDuration, InsightsPage } from './InsightsPage';
import { mockApi, page } from './testData';

jest.setTimeout(60_000);

const HOUR = 3600000;
const DAY = 24 * HOUR;

const times = (people: number, fallback: number, firstPrDays: number) => ({
  people,
  countedFromJourneyStart: fallback,
  timeToFirstPr: { count: people, medianMs: firstPrDays * DAY },
  timeToTenthMergedPr: { count: people, medianMs: 10 * firstPrDays * DAY },
  timeToFirstDeploy: { count: 1, medianMs: 3 * HOUR },
});

const metrics = {
  generatedAt: '2026-11-26T10:00:00.000Z',
  filters: { discipline: 'Backend' },
  timeToFirstTemplate: { count: 2, medianMs: 3 * HOUR },
  timeToFirstDeploy: { count: 1, medianMs: 3 * HOUR },
  timeToDay1Complete: { count: 1, medianMs: 6 * HOUR },
  timeToTenthMergedPr: { count: 1, medianMs: 50 * HOUR },
  paths: [
    {
      pathId: 'backend-day-1',
      title: 'Backend',
      discipline: 'Backend',
      started: 3,
      completed: 1,
      rate: 1 / 3,
      timeToComplete: { count: 1, medianMs: 6 * HOUR },
      steps: [
        {
          stepId: 'dev-environment',
          title: 'Set up your dev environment',
          completed: 2,
          dropOff: 1,
          medianMs: HOUR,
        },
      ],
    },
  ],
  disciplines: [
    { discipline: 'Backend', started: 3, completed: 1, rate: 1 / 3 },
  ],
  cohorts: [
    {
      cohortId: 'bootcamp',
      title: 'Bootcamp 2026-11',
      started: 2,
      completed: 1,
      rate: 0.5,
    },
  ],
  onboarding: {
    overall: times(3, 1, 2.5),
    byStartMonth: [
      { month: '2026-09', ...times(1, 0, 4) },
      { month: '2026-10', ...times(2, 1, 1.5) },
    ],
    byCohort: [{ cohortId: 'bootcamp', title: 'Bootcamp', ...times(2, 1, 2) }],
  },
};

function render(api: ReturnType<typeof mockApi>, entry: string) {
  return renderInTestApp(
    <TestApiProvider apis={[[goldenPathsApiRef, api]]}>
      <Routes>
        <Route path="/golden-paths/insights" element={<InsightsPage />} />
      </Routes>
    </TestApiProvider>,
    { routeEntries: [entry] },
  );
}

describe('InsightsPage', () => {
  it('shows times, funnels and cohorts for the filters in the URL', async () => {
    const api = mockApi({
      getMetrics: jest.fn(async () => metrics),
      listCohorts: jest.fn(async () => page([])),
    });
    await render(api, '/golden-paths/insights?discipline=Backend');
    expect(
      await screen.findByText('Time to first template'),
    ).toBeInTheDocument();
    expect(api.getMetrics).toHaveBeenCalledWith({
      discipline: 'Backend',
      cohortId: undefined,
    });
    expect(screen.getAllByText('3h 0m')).toHaveLength(2);
    expect(
      screen.getByText(
        'Set up your dev environment: 2 completed, 1 dropped off, median 1h 0m',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Bootcamp 2026-11')).toBeInTheDocument();
    expect(screen.getByText('Time to 10th merged PR')).toBeInTheDocument();
    expect(screen.getByText('2d 2h')).toBeInTheDocument();
    expect(screen.getByText('50%')).toBeInTheDocument();
  });

  it('draws the onboarding trend by start month and says who has no start date', async () => {
    const api = mockApi({
      getMetrics: jest.fn(async () => metrics),
      listCohorts: jest.fn(async () => page([])),
    });
    const { container } = await render(api, '/golden-paths/insights');
    expect(
      await screen.findByText('Onboarding from the start date'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        '1 of 3 people have no start date; counted from their journey start.',
      ),
    ).toBeInTheDocument();
    // The recharts line chart: three lines over the two months.
    expect(container.querySelector('.recharts-wrapper')).not.toBeNull();
    expect(container.querySelectorAll('.recharts-line')).toHaveLength(3);
    expect(screen.getAllByText('2026-09').length).toBeGreaterThan(0);
    // The legend names the three lines.
    expect(
      Array.from(
        container.querySelectorAll('.recharts-legend-item-text'),
        e => e.textContent,
      ).sort(),
    ).toEqual(['10th merged PR', 'First PR', 'First deploy']);
    expect(
      screen.getByRole('img', {
        name: /2026-10 first PR 1.5, 10th merged PR 15, first deploy 0.1/,
      }),
    ).toBeInTheDocument();
    // Cohorts: times in days.
    expect(screen.getByText('Onboarding times by cohort')).toBeInTheDocument();
    expect(screen.getByText('2 days (2 people)')).toBeInTheDocument();
  });

  it('says when there is no trend yet', async () => {
    const api = mockApi({
      getMetrics: jest.fn(async () => ({
        ...metrics,
        onboarding: {
          overall: times(0, 0, 0),
          byStartMonth: [],
          byCohort: [],
        },
      })),
      listCohorts: jest.fn(async () => page([])),
    });
    const { container } = await render(api, '/golden-paths/insights');
    expect(
      await screen.findByText(/No one has started a path in this selection/),
    ).toBeInTheDocument();
    expect(container.querySelector('.recharts-wrapper')).toBeNull();
    expect(screen.queryByText(/have no start date/)).not.toBeInTheDocument();
  });

  it('shows the 403 of people outside the viewers group', async () => {
    const forbidden = new Response(
      JSON.stringify({
        error: {
          name: 'NotAllowedError',
          message: 'Onboarding metrics are for members',
        },
        request: { method: 'GET', url: '/metrics' },
        response: { statusCode: 403 },
      }),
      { status: 403, headers: { 'Content-Type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(forbidden);
    const api = mockApi({
      getMetrics: jest.fn(async () => {
        throw error;
      }),
      listCohorts: jest.fn(async () => {
        throw error;
      }),
    });
    await render(api, '/golden-paths/insights');
    expect(
      await screen.findByText(
        'Onboarding insights are for the people who run onboarding',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/403 Forbidden/)).not.toBeInTheDocument();
  });

  it('formats durations', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(5 * 60000)).toBe('5m');
    expect(formatDuration(90 * 60000)).toBe('1h 30m');
    expect(formatDuration(50 * HOUR)).toBe('2d 2h');
  });
});
