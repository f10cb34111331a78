import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { scaffolderApiRef } from '@backstage/plugin-scaffolder-react';
import { screen } from '@testing-library/react';
import { LatestRun } from './LatestRun';
import { backendPath } from './testData';

const TEMPLATE = 'template:default/day-1-backend-service';

const task = (
  id: string,
  createdAt: string,
  status: string,
  name: string,
  templateRef = TEMPLATE,
) => ({
  id,
  createdAt,
  status,
  spec: {
    templateInfo: { entityRef: templateRef },
    parameters: { name },
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

function renderWith(tasks: unknown[]) {
  const listTasks = jest.fn(async () => ({ tasks, totalTasks: tasks.length }));
  return {
    listTasks,
    rendered: renderInTestApp(
      <TestApiProvider apis={[[scaffolderApiRef, { listTasks } as any]]}>
        <LatestRun goldenPath={backendPath} />
      </TestApiProvider>,
    ),
  };
}

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
