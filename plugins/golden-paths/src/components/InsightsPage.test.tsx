import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ResponseError } from '@backstage/errors';
import { Route, Routes } from 'react-router-dom';
import { goldenPathsApiRef } from '../api';
import {
  ClockStart,
  DurationSummary,
  FigureFilters,
  FigureMethod,
  GoldenPathsMetrics,
} from '@onramp/backstage-plugin-golden-paths-common';
import { formatDuration, InsightsPage } from './InsightsPage';
import { englishT } from './__testUtils__/englishT';
import { mockApi, page } from './testData';

jest.setTimeout(60_000);

const HOUR = 3600000;
const DAY = 24 * HOUR;

const method = (
  clockStart: ClockStart,
  filters: FigureFilters = {},
  countedFromJourneyStart?: number,
): FigureMethod => ({
  clockStart,
  clockStop: 'first deploy.healthy evidence',
  filters,
  ...(countedFromJourneyStart === undefined ? {} : { countedFromJourneyStart }),
});

const figure = (
  count: number,
  medianMs: number,
  m: FigureMethod = method('start-date', {}, 1),
  p90Ms = medianMs,
): DurationSummary => ({
  count,
  medianMs,
  p90Ms,
  suppressed: false,
  method: m,
});

const HIDDEN_FIGURE: DurationSummary = {
  count: null,
  medianMs: null,
  p90Ms: null,
  suppressed: true,
  method: method('start-date', { startMonth: '2026-08' }, undefined),
};

const times = (people: number, fallback: number, firstPrDays: number) => ({
  people,
  countedFromJourneyStart: fallback,
  suppressed: false,
  timeToFirstPr: figure(people, firstPrDays * DAY),
  timeToTenthMergedPr: figure(people, 10 * firstPrDays * DAY),
  timeToFirstDeploy: figure(1, 3 * HOUR),
});

const hiddenTimes = {
  people: null,
  countedFromJourneyStart: null,
  suppressed: true,
  timeToFirstPr: HIDDEN_FIGURE,
  timeToTenthMergedPr: HIDDEN_FIGURE,
  timeToFirstDeploy: HIDDEN_FIGURE,
};

const completion = (people: number, completed: number) => ({
  people,
  started: people,
  completed,
  rate: completed / people,
  suppressed: false,
});

const HIDDEN_GROUP = {
  people: null,
  started: null,
  completed: null,
  rate: null,
  suppressed: true,
};

const metrics: GoldenPathsMetrics = {
  generatedAt: '2026-11-26T10:00:00.000Z',
  filters: { discipline: 'Backend' },
  minimumGroupSize: 1,
  timeToFirstTemplate: figure(
    2,
    3 * HOUR,
    method('first-journey-start'),
    4 * HOUR,
  ),
  timeToFirstDeploy: figure(1, 3 * HOUR),
  timeToDay1Complete: figure(1, 6 * HOUR, method('journey-start')),
  timeToTenthMergedPr: figure(1, 50 * HOUR),
  paths: [
    {
      pathId: 'backend-day-1',
      title: 'Backend',
      discipline: 'Backend',
      ...completion(3, 1),
      timeToComplete: figure(1, 6 * HOUR, method('journey-start')),
      steps: [
        {
          stepId: 'dev-environment',
          title: 'Set up your dev environment',
          completed: 2,
          dropOff: 1,
          time: figure(2, HOUR, method('previous-step'), 2 * HOUR),
        },
      ],
    },
  ],
  disciplines: [{ discipline: 'Backend', ...completion(3, 1) }],
  cohorts: [
    {
      cohortId: 'bootcamp',
      title: 'Bootcamp 2026-11',
      ...completion(2, 1),
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
        'Set up your dev environment: 2 completed, 1 dropped off, median 1h 0m, p90 2h 0m',
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
    expect(screen.getByText('2 days, p90 2 days (N 2)')).toBeInTheDocument();
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

  it('shows hidden groups as hidden, and the method under every figure', async () => {
    const api = mockApi({
      getMetrics: jest.fn(async () => ({
        ...metrics,
        minimumGroupSize: 5,
        cohorts: [
          { cohortId: 'four', title: 'Cohort of four', ...HIDDEN_GROUP },
          { cohortId: 'six', title: 'Cohort of six', ...completion(6, 3) },
        ],
        onboarding: {
          ...metrics.onboarding,
          byStartMonth: [
            { month: '2026-08', ...hiddenTimes },
            { month: '2026-10', ...times(6, 1, 1.5) },
          ],
          byCohort: [
            { cohortId: 'four', title: 'Cohort of four', ...hiddenTimes },
          ],
        },
      })),
      listCohorts: jest.fn(async () => page([])),
    });
    const { container } = await render(api, '/golden-paths/insights');
    expect(await screen.findByText('Cohort of six')).toBeInTheDocument();
    // The cohort of four: no count, no rate, no time; only the hidden text.
    const hidden = screen.getAllByText('Hidden: fewer than 5 people');
    expect(hidden.length).toBeGreaterThanOrEqual(4 + 5);
    const fourRows = screen
      .getAllByText('Cohort of four')
      .map(cell => cell.closest('tr')!.textContent);
    for (const row of fourRows) {
      expect(row!.replace(/Hidden: fewer than 5 people/g, '')).not.toMatch(
        /\d/,
      );
    }
    // The chart says which month is hidden and draws no point for it.
    expect(
      screen.getByRole('img', {
        name: /2026-08 Hidden: fewer than 5 people; 2026-10 first PR 1.5/,
      }),
    ).toBeInTheDocument();
    // A method line under each figure: clock, N, median, p90, filters.
    const lines = Array.from(
      container.querySelectorAll('[data-testid="method-line"]'),
      e => e.textContent,
    );
    expect(lines).toContain(
      'From first journey start to first deploy.healthy evidence · N 2 · median 3h 0m · p90 4h 0m · everyone',
    );
    expect(lines).toContain(
      'From start date (onramp.dev/start-date, else first journey start); 1 from journey start to first deploy.healthy evidence · N 1 · median 3h 0m · p90 3h 0m · everyone',
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          '2026-10 N 6 · Hidden: fewer than 5 people: 2026-08 · everyone',
        ),
      ]),
    );
  });

  it('formats durations', () => {
    const english = englishT();
    expect(formatDuration(null, english)).toBe('—');
    expect(formatDuration(5 * 60000, english)).toBe('5m');
    expect(formatDuration(90 * 60000, english)).toBe('1h 30m');
    expect(formatDuration(50 * HOUR, english)).toBe('2d 2h');
  });
});
