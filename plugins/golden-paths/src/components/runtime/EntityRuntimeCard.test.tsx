import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { LocalRuntimeService } from '@onramp/backstage-plugin-golden-paths-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { goldenPathsApiRef } from '../../api';
import { EntityRuntimeCard } from './EntityRuntimeCard';
import { isDay1Service } from './isDay1Service';

const COMMIT = '16286d2b076c0fe3ba523aa1300a60b625aeda47';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'day1-foo',
    annotations: { 'onramp-golden-paths/service': 'day1-foo' },
  },
  spec: { owner: 'group:default/backend' },
};

const running: LocalRuntimeService = {
  name: 'day1-foo',
  runtime: 'local runtime (this machine)',
  status: 'running',
  url: 'http://day1-foo.localhost:7101/',
  commit: COMMIT,
  startedAt: '2026-12-06T03:00:00.000Z',
  uptimeSeconds: 3720,
  restarts: 2,
  lastHealthCheck: {
    at: '2026-12-06T04:02:00.000Z',
    ok: true,
    summary: `200 {"status":"ok","commit":"${COMMIT}"}`,
  },
  logLines: [
    '[local runtime] started pid 42 on port 7101',
    'day1-foo: listening on 7101',
  ],
  allowedActions: ['restart', 'stop'],
};

function renderCard(api: Record<string, jest.Mock>) {
  return renderInTestApp(
    <TestApiProvider apis={[[goldenPathsApiRef, api as any]]}>
      <EntityProvider entity={entity}>
        <EntityRuntimeCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityRuntimeCard', () => {
  it('shows status, URL, short commit, uptime, restarts, the health check and the log', async () => {
    const getLocalRuntimeService = jest.fn(async () => running);
    await renderCard({ getLocalRuntimeService });
    expect(await screen.findByText('running')).toBeInTheDocument();
    expect(getLocalRuntimeService).toHaveBeenCalledWith('day1-foo');
    expect(screen.getByRole('link', { name: /^Open service/ })).toHaveAttribute(
      'href',
      'http://day1-foo.localhost:7101/',
    );
    expect(screen.getByText('16286d2')).toHaveAttribute('title', COMMIT);
    expect(screen.getByText('1 h 2 min')).toBeInTheDocument();
    expect(screen.getByText('2')).toBeInTheDocument();
    expect(screen.getByText(/^healthy at /)).toBeInTheDocument();
    const log = screen.getByLabelText('Log of day1-foo');
    expect(log).toHaveTextContent('day1-foo: listening on 7101');
    expect(screen.getByText('Last 2 log lines')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Restart' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Stop' })).toBeEnabled();
  });

  it('shows no buttons to someone who may not act, and says why', async () => {
    const reason =
      'Only the owner of component:default/day1-foo (group:default/backend) or an admin may restart or stop day1-foo';
    await renderCard({
      getLocalRuntimeService: jest.fn(async () => ({
        ...running,
        allowedActions: [],
        notAllowedReason: reason,
      })),
    });
    expect(await screen.findByText(`${reason}.`)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Restart' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
  });

  it('asks before stopping, then shows the new state', async () => {
    const changeLocalRuntimeService = jest.fn(async () => ({
      ...running,
      status: 'stopped' as const,
      uptimeSeconds: undefined,
      startedAt: undefined,
      allowedActions: ['start' as const],
    }));
    await renderCard({
      getLocalRuntimeService: jest.fn(async () => running),
      changeLocalRuntimeService,
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Stop' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('Stop day1-foo?');
    expect(changeLocalRuntimeService).not.toHaveBeenCalled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Stop day1-foo' }),
    );
    expect(changeLocalRuntimeService).toHaveBeenCalledWith('day1-foo', 'stop');
    expect(await screen.findByText('stopped')).toBeInTheDocument();
    expect(screen.getByText('not running')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Start' })).toBeEnabled();
  });

  it('shows why an action failed', async () => {
    await renderCard({
      getLocalRuntimeService: jest.fn(async () => running),
      changeLocalRuntimeService: jest.fn(async () => {
        throw new Error('Only the owner may restart day1-foo');
      }),
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Restart' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not restart day1-foo: Only the owner may restart day1-foo',
    );
  });

  it('shows why the runtime could not be loaded', async () => {
    await renderCard({
      getLocalRuntimeService: jest.fn(async () => {
        throw new Error(
          "Day-1 services here are deployed by the 'gitops' provider, not the local runtime (this machine)",
        );
      }),
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "The runtime of day1-foo could not be loaded: Day-1 services here are deployed by the 'gitops' provider",
    );
  });

  it('belongs on Components the Day-1 template registered, and nowhere else', () => {
    expect(isDay1Service(entity)).toBe(true);
    expect(
      isDay1Service({ ...entity, metadata: { name: 'other-component' } }),
    ).toBe(false);
    expect(isDay1Service({ ...entity, kind: 'API' })).toBe(false);
  });
});
