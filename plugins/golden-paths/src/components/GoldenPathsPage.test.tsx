import { configApiRef } from '@backstage/core-plugin-api';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { goldenPathsApiRef } from '../api';
import { PathPage } from './PathPage';
import { PathsOverview } from './PathsOverview';
import { backendPath, clientPath, journey, mockApi, page } from './testData';

const config = mockApis.config({
  data: { organization: { name: 'Onramp Demo Co.' } },
});

function renderOverview(api = mockApi()) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [goldenPathsApiRef, api],
        [configApiRef, config],
      ]}
    >
      <Routes>
        <Route path="/golden-paths" element={<PathsOverview />} />
        <Route path="/golden-paths/:pathId" element={<div>path page</div>} />
      </Routes>
    </TestApiProvider>,
    { routeEntries: ['/golden-paths'] },
  );
}

function renderPath(api = mockApi(), pollIntervalMs = 5000) {
  return renderInTestApp(
    <TestApiProvider apis={[[goldenPathsApiRef, api]]}>
      <Routes>
        <Route
          path="/golden-paths/:pathId"
          element={<PathPage pollIntervalMs={pollIntervalMs} />}
        />
      </Routes>
    </TestApiProvider>,
    { routeEntries: ['/golden-paths/backend-day-1'] },
  );
}

jest.setTimeout(60_000);

describe('PathsOverview', () => {
  it('shows a card per discipline and starts the chosen path', async () => {
    const api = mockApi();
    await renderOverview(api);
    expect(
      await screen.findByText('Get started at Onramp Demo Co.'),
    ).toBeInTheDocument();
    const backend = screen.getByRole('article', { name: 'Backend' });
    expect(backend).toHaveTextContent('backend');
    // The reader's path (spec.audience) is marked.
    expect(within(backend).getByText('For you')).toBeInTheDocument();
    expect(
      within(screen.getByRole('article', { name: 'Client' })).queryByText(
        'For you',
      ),
    ).not.toBeInTheDocument();
    expect(backend).toHaveTextContent('Create a working backend service');
    expect(screen.getByRole('article', { name: 'Client' })).toBeInTheDocument();

    const choose = screen.getAllByRole('button', { name: 'Choose' });
    expect(choose).toHaveLength(2);
    await userEvent.click(choose[0]);
    expect(api.startJourney).toHaveBeenCalledWith('backend-day-1');
    expect(await screen.findByText('path page')).toBeInTheDocument();
  });

  it('reads every page of paths and journeys', async () => {
    const paths = [
      { ...backendPath, forYou: true },
      { ...clientPath, forYou: false },
    ];
    const api = mockApi({
      // A server that pages by one, whatever is asked.
      listPaths: jest.fn(async ({ offset = 0 } = {}) => ({
        items: paths.slice(offset, offset + 1),
        totalItems: paths.length,
        limit: 1,
        offset,
      })),
    });
    await renderOverview(api);
    expect(
      await screen.findByRole('article', { name: 'Client' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('article', { name: 'Backend' }),
    ).toBeInTheDocument();
    expect(api.listPaths.mock.calls.map(c => c[0])).toEqual([
      { limit: 500, offset: 0 },
      { limit: 500, offset: 1 },
    ]);
  });

  it('offers to continue a started path with its progress', async () => {
    const api = mockApi({
      getMyJourneys: jest.fn(async () =>
        page([journey({ 'dev-environment': {} })]),
      ),
    });
    await renderOverview(api);
    expect(await screen.findByText('1 of 3 steps done')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Continue' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Choose' })).toHaveLength(1);
  });
});

describe('PathPage', () => {
  it('links to the catalog entity and the YAML the path is defined in', async () => {
    const api = mockApi({
      getPath: jest.fn(async () => ({
        ...backendPath,
        source: {
          entityRef: 'goldenpath:default/backend-day-1',
          location: 'url:https://git.example/paths/backend-day-1.yaml',
          viewUrl: 'https://git.example/paths/backend-day-1.yaml',
        },
      })),
    });
    await renderPath(api);
    const source = await screen.findByTestId('path-source');
    expect(
      within(source).getByRole('link', {
        name: 'goldenpath:default/backend-day-1',
      }),
    ).toHaveAttribute('href', '/catalog/default/goldenpath/backend-day-1');
    expect(
      within(source).getByRole('link', { name: /^source YAML/ }),
    ).toHaveAttribute('href', 'https://git.example/paths/backend-day-1.yaml');
  });

  it('lists the steps in order with tutorial, template and manual actions', async () => {
    const api = mockApi({
      getMyJourneys: jest.fn(async () => page([journey()])),
    });
    await renderPath(api);
    expect(
      await screen.findByText('1. Set up your dev environment'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('2. Create a new service from scratch'),
    ).toBeInTheDocument();
    expect(screen.getByText('0 of 3 steps done')).toBeInTheDocument();
    expect(api.getMyJourneys).toHaveBeenCalledWith({
      pathId: 'backend-day-1',
      limit: 1,
    });
    expect(
      screen.getByRole('link', { name: 'Dev environment setup' }),
    ).toHaveAttribute('href', '/docs/setup');
    expect(
      screen.getByRole('button', { name: 'Run template' }),
    ).toHaveAttribute(
      'href',
      `/create/templates/default/day-1-backend-service?formData=${encodeURIComponent(
        '{"goldenPath":"backend-day-1"}',
      )}`,
    );
    expect(
      screen.getByText('Waiting for deploy.healthy or deploy.requested'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Mark as done' }));
    expect(api.completeStep).toHaveBeenCalledWith(
      'backend-day-1',
      'dev-environment',
      {},
    );
    await waitFor(() =>
      expect(screen.getByTestId('step-dev-environment')).toHaveAttribute(
        'data-status',
        'completed',
      ),
    );
    expect(screen.getByText('1 of 3 steps done')).toBeInTheDocument();
  });

  it('turns a step green when its evidence arrives, without clicking', async () => {
    jest.useFakeTimers({ advanceTimers: true });
    try {
      const withEvidence = journey({
        'create-service': {
          evidence: {
            source: 'evidence',
            key: 'template.succeeded',
            evidenceId: 'task-42',
            taskId: 'task-42',
            link: 'http://sofia-svc.apps.onramp.test',
            occurredAt: '2026-11-26T10:00:00.000Z',
          },
        },
      });
      const getMyJourneys = jest
        .fn()
        .mockResolvedValueOnce(page([journey()]))
        .mockResolvedValue(page([withEvidence]));
      await renderPath(mockApi({ getMyJourneys }), 1000);
      await screen.findByText('1. Set up your dev environment');
      expect(screen.getByTestId('step-create-service')).toHaveAttribute(
        'data-status',
        'pending',
      );
      await act(async () => {
        jest.advanceTimersByTime(1100);
      });
      await waitFor(() =>
        expect(screen.getByTestId('step-create-service')).toHaveAttribute(
          'data-status',
          'completed',
        ),
      );
      expect(screen.getByRole('link', { name: 'task log' })).toHaveAttribute(
        'href',
        '/create/tasks/task-42',
      );
      expect(
        screen.getByRole('link', { name: /sofia-svc\.apps\.onramp\.test/ }),
      ).toHaveAttribute('href', 'http://sofia-svc.apps.onramp.test');
      expect(screen.queryByRole('button', { name: 'Run template' })).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });

  it('says which evidence completed an any-of step, and what would replace a weaker proof', async () => {
    const requested = {
      source: 'evidence' as const,
      key: 'deploy.requested',
      evidenceId: 'task-42:deploy.requested',
      outputs: { status: 'committed', commitHash: 'abc1234def5678' },
      occurredAt: '2026-11-26T10:00:00.000Z',
    };
    const { unmount } = await renderPath(
      mockApi({
        getMyJourneys: jest.fn(async () =>
          page([journey({ deploy: { evidence: requested } })]),
        ),
      }),
    );
    const deploy = await screen.findByTestId('step-deploy');
    expect(deploy).toHaveAttribute('data-status', 'completed');
    const evidence = within(deploy).getByTestId('evidence');
    expect(evidence).toHaveTextContent(
      'Done: deploy requested (commit abc1234) · evidence deploy.requested',
    );
    expect(evidence).toHaveTextContent(
      'Not verified yet: deploy.healthy replaces this when it is reported.',
    );
    expect(within(deploy).queryByText(/Waiting for/)).toBeNull();
    unmount();

    await renderPath(
      mockApi({
        getMyJourneys: jest.fn(async () =>
          page([
            journey({
              deploy: {
                evidence: {
                  source: 'evidence',
                  key: 'deploy.healthy',
                  link: 'http://sofia-svc.apps.onramp.test',
                  occurredAt: '2026-11-26T11:00:00.000Z',
                },
              },
            }),
          ]),
        ),
      }),
    );
    const healthy = within(
      await screen.findByTestId('step-deploy'),
    ).getByTestId('evidence');
    expect(healthy).toHaveTextContent(
      'Done: deploy healthy · evidence deploy.healthy',
    );
    expect(healthy).not.toHaveTextContent('Not verified yet');
  });

  it('offers to start a path that is not started yet, showing its steps first', async () => {
    const api = mockApi();
    await renderPath(api);
    const preview = await screen.findByRole('list', {
      name: 'Steps of this path',
    });
    expect(
      within(preview).getByText('Set up your dev environment'),
    ).toBeInTheDocument();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Start this path' }),
    );
    expect(api.startJourney).toHaveBeenCalledWith('backend-day-1');
    expect(
      await screen.findByText('1. Set up your dev environment'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'Steps of this path' }),
    ).not.toBeInTheDocument();
  });
});
