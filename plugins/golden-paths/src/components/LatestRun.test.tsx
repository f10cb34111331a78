import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { scaffolderApiRef } from '@backstage/plugin-scaffolder-react';
import { ResponseError } from '@backstage/errors';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { goldenPathsApiRef } from '../api';
import { LatestRun } from './LatestRun';
import { backendPath, mockApi, teardownPlan } from './testData';

const TEMPLATE = 'template:default/day-1-backend-service';

const task = (
  id: string,
  createdAt: string,
  status: string,
  name: string,
  templateRef = TEMPLATE,
  practiceRun?: boolean,
) => ({
  id,
  createdAt,
  status,
  spec: {
    templateInfo: { entityRef: templateRef },
    parameters: { name, ...(practiceRun === undefined ? {} : { practiceRun }) },
  },
});

/** A newer run of a template the path does not use. */
const otherTemplateTask = task(
  't-other',
  '2026-11-28T09:00:00.000Z',
  'completed',
  'x',
  'template:default/other',
);

function renderWith(tasks: unknown[], goldenPathsApi = mockApi()) {
  const listTasks = jest.fn(async () => ({ tasks, totalTasks: tasks.length }));
  return {
    listTasks,
    goldenPathsApi,
    rendered: renderInTestApp(
      <TestApiProvider
        apis={[
          [scaffolderApiRef, { listTasks } as any],
          [goldenPathsApiRef, goldenPathsApi],
        ]}
      >
        <Routes>
          <Route path="/" element={<LatestRun goldenPath={backendPath} />} />
          <Route path="/create/tasks/:id" element={<p>task page</p>} />
        </Routes>
      </TestApiProvider>,
    ),
  };
}

const notFound = () =>
  ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'NotFoundError', message: 'nothing to tear down' },
        response: { statusCode: 404 },
      }),
      { status: 404, headers: { 'content-type': 'application/json' } },
    ),
  );

describe('LatestRun', () => {
  it("shows your newest run of the path's template and offers Run again", async () => {
    const { listTasks, rendered } = renderWith([
      task('t-old', '2026-11-26T09:00:00.000Z', 'completed', 'day-one-svc'),
      task('t-new', '2026-11-27T09:00:00.000Z', 'failed', 'day-two-svc'),
      otherTemplateTask,
    ]);
    await rendered;
    const card = await screen.findByTestId('latest-run');
    expect(card).toHaveTextContent('Your latest run: day-two-svc');
    expect(card).toHaveTextContent('failed');
    expect(screen.getByRole('link', { name: 'open the task' })).toHaveAttribute(
      'href',
      '/create/tasks/t-new',
    );
    expect(screen.getByRole('button', { name: 'Run again' })).toHaveAttribute(
      'href',
      `/create/templates/default/day-1-backend-service?formData=${encodeURIComponent(
        '{"goldenPath":"backend-day-1"}',
      )}`,
    );
    expect(listTasks).toHaveBeenCalledWith({
      filterByOwnership: 'owned',
      limit: 50,
    });
  });

  it('offers Tear down for a completed practice run: confirm what goes, then the task page', async () => {
    const { goldenPathsApi, rendered } = renderWith([
      task('t-1', '2026-11-27T09:00:00.000Z', 'completed', 'day-one-svc'),
    ]);
    await rendered;
    await userEvent.click(
      await screen.findByRole('button', { name: 'Tear down' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Tear down day-one-svc?',
    });
    const removes = within(dialog).getByRole('list', {
      name: 'What the teardown removes',
    });
    expect(
      within(removes)
        .getAllByRole('listitem')
        .map(i => i.textContent),
    ).toEqual(teardownPlan('day-one-svc').removes);
    expect(goldenPathsApi.tearDownService).not.toHaveBeenCalled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Tear down' }),
    );
    expect(goldenPathsApi.tearDownService).toHaveBeenCalledWith('day-one-svc');
    expect(await screen.findByText('task page')).toBeInTheDocument();
  });

  it('Cancel starts nothing', async () => {
    const { goldenPathsApi, rendered } = renderWith([
      task('t-1', '2026-11-27T09:00:00.000Z', 'completed', 'day-one-svc'),
    ]);
    await rendered;
    await userEvent.click(
      await screen.findByRole('button', { name: 'Tear down' }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Cancel' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(goldenPathsApi.tearDownService).not.toHaveBeenCalled();
  });

  it('shows Tear down disabled, with why, to someone who may not', async () => {
    const reason =
      'Only the owner of component:default/day-one-svc (group:default/backend) or an admin may tear it down; user:default/noah.kim is neither';
    const { rendered } = renderWith(
      [task('t-1', '2026-11-27T09:00:00.000Z', 'completed', 'day-one-svc')],
      mockApi({
        getTeardownPlan: jest.fn(async (name: string) =>
          teardownPlan(name, { allowed: false, reason }),
        ),
      }),
    );
    await rendered;
    expect(
      await screen.findByRole('button', { name: 'Tear down' }),
    ).toBeDisabled();
    expect(screen.getByText(reason)).toBeInTheDocument();
  });

  it('offers no Tear down once the service is gone, for a kept run, or a run that did not complete', async () => {
    const gone = mockApi({
      getTeardownPlan: jest.fn(async () => Promise.reject(await notFound())),
    });
    const cases = [
      {
        tasks: [task('t-1', '2026-11-27T09:00:00.000Z', 'completed', 'gone')],
        api: gone,
        asks: 1,
      },
      {
        tasks: [
          task(
            't-2',
            '2026-11-27T09:00:00.000Z',
            'completed',
            'kept',
            TEMPLATE,
            false,
          ),
        ],
        api: mockApi(),
        asks: 0,
      },
      {
        tasks: [task('t-3', '2026-11-27T09:00:00.000Z', 'failed', 'broken')],
        api: mockApi(),
        asks: 0,
      },
    ];
    for (const { tasks, api, asks } of cases) {
      const { unmount } = await renderWith(tasks, api).rendered;
      await screen.findByTestId('latest-run');
      await waitFor(() =>
        expect(api.getTeardownPlan).toHaveBeenCalledTimes(asks),
      );
      expect(screen.queryByRole('button', { name: 'Tear down' })).toBeNull();
      expect(screen.queryByText(/Teardown unavailable/)).toBeNull();
      unmount();
    }
  });

  it('shows nothing before your first run', async () => {
    const { listTasks, rendered } = renderWith([otherTemplateTask]);
    await rendered;
    expect(listTasks).toHaveBeenCalled();
    expect(screen.queryByTestId('latest-run')).toBeNull();
  });

  it('says so when your runs cannot be loaded', async () => {
    const listTasks = jest.fn(async () => {
      throw new Error('scaffolder unavailable');
    });
    await renderInTestApp(
      <TestApiProvider apis={[[scaffolderApiRef, { listTasks } as any]]}>
        <LatestRun goldenPath={backendPath} />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText(
        'Your latest run could not be loaded: scaffolder unavailable',
      ),
    ).toBeInTheDocument();
  });
});
