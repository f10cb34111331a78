import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { GoldenPathsApi } from '@onramp/backstage-plugin-golden-paths-common';
import { goldenPathsApiRef } from '../../api';
import { backendPath, mockApi, page } from '../testData';
import { BootcampsPage } from './BootcampsPage';
import { CohortBoardPage } from './CohortBoardPage';
import { MyBootcamps } from './MyBootcamps';
import { TeamPage } from './TeamPage';

jest.setTimeout(60_000);

const AMARA = 'user:default/amara.okafor';
const LUCIA = 'user:default/lucia.rossi';
const SOFIA = 'user:default/sofia.marquez';
const admin = {
  userEntityRef: AMARA,
  settings: { shareSkillExchange: false },
  canManageCohorts: true,
};
const cohort = {
  id: 'ml-bootcamp',
  title: 'ML Bootcamp',
  startDate: '2026-12-01',
  endDate: '2026-12-19',
  pathId: 'backend-day-1',
  owner: AMARA,
  members: [LUCIA, SOFIA],
  version: 1,
  createdAt: '2026-12-01T00:00:00Z',
  updatedAt: '2026-12-01T00:00:00Z',
};
const catalog = {
  getEntities: jest.fn(async () => ({
    items: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'machine-learning', namespace: 'default' },
        spec: { profile: { displayName: 'Machine Learning' } },
      },
    ],
  })),
};

function render(api: GoldenPathsApi, path: string) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [goldenPathsApiRef, api],
        [catalogApiRef, catalog],
      ]}
    >
      <Routes>
        <Route path="/golden-paths/bootcamps" element={<BootcampsPage />} />
        <Route
          path="/golden-paths/bootcamps/:cohortId"
          element={<CohortBoardPage />}
        />
        <Route path="/golden-paths/team" element={<TeamPage />} />
        <Route
          path="/golden-paths/:pathId"
          element={<MyBootcamps pathId="backend-day-1" />}
        />
      </Routes>
    </TestApiProvider>,
    { routeEntries: [path] },
  );
}

describe('BootcampsPage', () => {
  it('tells people without the permission that it is not for them', async () => {
    const api = mockApi();
    await render(api, '/golden-paths/bootcamps');
    expect(
      await screen.findByText('Bootcamps are for cohort managers', undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
    expect(api.listCohorts).not.toHaveBeenCalled();
  });

  it('lists cohorts and checks the form with the API schema before creating', async () => {
    const api = mockApi({
      getMe: jest.fn(async () => admin),
      listCohorts: jest.fn(async () => page([cohort])),
      createCohort: jest.fn(async (request: any) => ({
        ...cohort,
        ...request,
        members: [LUCIA],
      })),
    });
    await render(api, '/golden-paths/bootcamps');
    expect(
      await screen.findByRole(
        'link',
        { name: 'ML Bootcamp' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('2026-12-01 – 2026-12-19')).toBeInTheDocument();

    await userEvent.type(
      screen.getByRole('textbox', { name: /Title/ }),
      'Winter Camp',
    );
    const start = screen.getByLabelText(/Start date/);
    const end = screen.getByLabelText(/End date/);
    fireEvent.change(start, { target: { value: '2027-01-10' } });
    fireEvent.change(end, { target: { value: '2027-01-01' } });
    await userEvent.click(
      screen.getByRole('button', { name: 'Create bootcamp' }),
    );
    expect(
      await screen.findByText('The end date is before the start date'),
    ).toBeInTheDocument();
    expect(screen.getByText('Choose a group')).toBeInTheDocument();
    expect(api.createCohort).not.toHaveBeenCalled();

    fireEvent.change(end, { target: { value: '2027-01-31' } });
    await userEvent.click(screen.getByRole('button', { name: /Group/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Machine Learning' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Create bootcamp' }),
    );
    await waitFor(() =>
      expect(api.createCohort).toHaveBeenCalledWith({
        id: 'winter-camp',
        title: 'Winter Camp',
        startDate: '2027-01-10',
        endDate: '2027-01-31',
        owner: AMARA,
        group: 'group:default/machine-learning',
        members: [],
      }),
    );
  });
});

describe('CohortBoardPage', () => {
  const board = {
    cohort,
    pathTitle: 'Backend',
    stuckAfterDays: 3,
    rows: [
      {
        userEntityRef: LUCIA,
        status: 'not-started' as const,
        completedSteps: 0,
        totalSteps: 3,
        nudgedToday: false,
      },
      {
        userEntityRef: SOFIA,
        journeyId: 'j1',
        status: 'active' as const,
        completedSteps: 1,
        totalSteps: 3,
        currentStep: { id: 'create-service', title: 'Create a service' },
        stuckDays: 5,
        nudgedToday: false,
      },
    ],
  };

  it('shows steps, the current step and days stuck, and says why a nudge failed', async () => {
    const api = mockApi({
      getMe: jest.fn(async () => admin),
      getCohortBoard: jest.fn(async () => board),
      nudgeMember: jest.fn(async () => {
        throw new Error(
          `${LUCIA} was already nudged today; one nudge a day is enough, try again tomorrow`,
        );
      }),
      nudgeStuckMembers: jest.fn(async () => ({
        nudged: [SOFIA],
        alreadyNudged: [],
      })),
    });
    await render(api, '/golden-paths/bootcamps/ml-bootcamp');
    expect(
      await screen.findByText('Stuck for 5 days', undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('Create a service')).toBeInTheDocument();
    expect(screen.getByText('Not started')).toBeInTheDocument();
    expect(screen.getByText('1 / 3')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Nudge lucia.rossi' }),
    );
    expect(
      await screen.findByText(/was already nudged today; one nudge a day/),
    ).toBeInTheDocument();
    expect(api.nudgeMember).toHaveBeenCalledWith('ml-bootcamp', LUCIA);
    await userEvent.click(
      screen.getByRole('button', { name: 'Nudge all stuck' }),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Nudged 1 stuck member',
    );
    expect(api.nudgeStuckMembers).toHaveBeenCalledWith('ml-bootcamp');
  });
});

describe('TeamPage', () => {
  it('shows an empty state to a manager of nobody', async () => {
    await render(mockApi(), '/golden-paths/team');
    expect(
      await screen.findByText('Nobody reports to you', undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
  });

  it('shows reports with their journeys and assigns a path', async () => {
    const api = mockApi({
      getTeamOnboarding: jest.fn(async () => ({
        totalItems: 1,
        items: [
          {
            userEntityRef: LUCIA,
            displayName: 'Lucia Rossi',
            groups: ['Machine Learning'],
            journeys: [],
            sharesSkillExchange: true,
          },
        ],
      })),
    });
    await render(api, '/golden-paths/team');
    expect(
      await screen.findByText('No golden path started yet.', undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Skill Exchange profile and activity' }),
    ).toHaveAttribute(
      'href',
      '/skill-exchange/profiles/user%3Adefault%2Flucia.rossi',
    );
    await userEvent.click(
      screen.getByRole('button', { name: /Path for Lucia Rossi/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: backendPath.title }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Assign path' }));
    await waitFor(() =>
      expect(api.assignPath).toHaveBeenCalledWith({
        userEntityRef: LUCIA,
        pathId: 'backend-day-1',
      }),
    );
  });
});

describe('MyBootcamps', () => {
  it('shows the bootcamps of the path to its member', async () => {
    const api = mockApi({
      listMyCohorts: jest.fn(async () => ({
        items: [
          {
            id: 'a',
            title: 'ML Bootcamp',
            startDate: '2026-12-01',
            endDate: '2026-12-19',
            pathId: 'backend-day-1',
          },
          {
            id: 'b',
            title: 'Other',
            startDate: '2026-12-01',
            pathId: 'client-day-1',
          },
        ],
      })),
    });
    await render(api, '/golden-paths/backend-day-1');
    expect(
      await screen.findByText(
        'Bootcamp: ML Bootcamp (2026-12-01 – 2026-12-19)',
        undefined,
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Other/)).not.toBeInTheDocument();
  });
});
