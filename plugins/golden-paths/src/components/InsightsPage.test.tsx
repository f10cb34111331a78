import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ResponseError } from '@backstage/errors';
import { Route, Routes } from 'react-router-dom';
import { goldenPathsApiRef } from '../api';
import { formatDuration, InsightsPage } from './InsightsPage';
import { mockApi, page } from './testData';

const HOUR = 3600000;

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
