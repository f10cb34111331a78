import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { entityPresentationApiRef } from '@backstage/plugin-catalog-react';
import { goldenPathsApiRef } from '../api';
import { ApprovalsPage } from './ApprovalsPage';
import { GateStatus, RemovedSteps } from './GateStatus';
import { journey, mockApi, page } from './testData';

const waiting = {
  journeyId: 'j1',
  stepId: 'sign-off',
  stepTitle: 'Your manager signs off',
  pathId: 'backend-day-1',
  pathTitle: 'Backend',
  userEntityRef: 'user:default/sofia.marquez',
  approverRef: 'user:default/amara.okafor',
  requestedAt: '2026-11-26T09:00:00.000Z',
};

/** The catalog's names for people, as the entity presentation API gives them. */
const catalogNames = {
  forEntity: (entityRef: string) => {
    const snapshot = {
      entityRef,
      primaryTitle:
        entityRef === waiting.userEntityRef ? 'Sofia Marquez' : entityRef,
    };
    return { snapshot, promise: Promise.resolve(snapshot) };
  },
};

function renderApprovals(api = mockApi()) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [goldenPathsApiRef, api],
        [entityPresentationApiRef, catalogNames],
      ]}
    >
      <Routes>
        <Route path="/golden-paths/approvals" element={<ApprovalsPage />} />
      </Routes>
    </TestApiProvider>,
    { routeEntries: ['/golden-paths/approvals'] },
  );
}

jest.setTimeout(60_000);

describe('ApprovalsPage', () => {
  it('says when nothing waits', async () => {
    await renderApprovals();
    expect(
      await screen.findByText('Nothing waits for you'),
    ).toBeInTheDocument();
  });

  it('approves in one click and reloads the list', async () => {
    const api = mockApi({
      listApprovals: jest
        .fn()
        .mockResolvedValueOnce(page([waiting]))
        .mockResolvedValue(page([])),
    });
    await renderApprovals(api);
    const approve = await screen.findByRole('button', {
      name: 'Approve Your manager signs off for sofia.marquez',
    });
    // Who: the person by the name the catalog gives them.
    expect(screen.getByRole('cell', { name: 'Sofia Marquez' })).toBeVisible();
    // "Approve" and "Decline…" never wrap inside their buttons.
    expect(approve.parentElement).toHaveStyle({ whiteSpace: 'nowrap' });
    await userEvent.click(approve);
    expect(api.approveStep).toHaveBeenCalledWith('j1', 'sign-off');
    expect(
      await screen.findByText('Nothing waits for you'),
    ).toBeInTheDocument();
  });

  it('declines only with a reason', async () => {
    const api = mockApi({
      listApprovals: jest.fn(async () => page([waiting])),
    });
    await renderApprovals(api);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Decline Your manager signs off for sofia.marquez',
      }),
    );
    const decline = screen.getByRole('button', { name: 'Decline' });
    expect(decline).toBeDisabled();
    await userEvent.type(
      screen.getByRole('textbox', {
        name: 'Reason to decline Your manager signs off for sofia.marquez',
      }),
      'Pair on the deploy first',
    );
    await userEvent.click(decline);
    await waitFor(() =>
      expect(api.declineStep).toHaveBeenCalledWith(
        'j1',
        'sign-off',
        'Pair on the deploy first',
      ),
    );
  });
});

describe('GateStatus and RemovedSteps', () => {
  it('says who a step waits for and since when, or why it was declined', async () => {
    const { rerender } = await renderInTestApp(
      <GateStatus
        gate={{
          approver: 'manager',
          approverRef: 'user:default/amara.okafor',
          status: 'waiting',
          requestedAt: '2026-11-26T09:00:00.000Z',
        }}
      />,
    );
    expect(screen.getByTestId('gate-status')).toHaveTextContent(
      /Waiting for amara\.okafor \(your manager\) since/,
    );
    rerender(
      <GateStatus
        gate={{
          approver: 'manager',
          approverRef: 'user:default/amara.okafor',
          status: 'declined',
          requestedAt: '2026-11-26T09:00:00.000Z',
          decidedBy: 'user:default/amara.okafor',
          decidedAt: '2026-11-27T09:00:00.000Z',
          reason: 'Pair on the deploy first',
        }}
      />,
    );
    expect(screen.getByTestId('gate-status')).toHaveTextContent(
      /Declined by amara\.okafor on .*: Pair on the deploy first/,
    );
  });

  it('lists done steps that left the path with the date they left', async () => {
    await renderInTestApp(
      <RemovedSteps
        journey={{
          ...journey(),
          removedSteps: [
            {
              stepId: 'old',
              title: 'An old step',
              completedAt: '2026-11-20T09:00:00.000Z',
              removedAt: '2026-11-25T09:00:00.000Z',
            },
          ],
        }}
      />,
    );
    expect(
      screen.getByRole('region', { name: 'Removed from the path' }),
    ).toHaveTextContent(/An old step: done .*, removed from the path on /);
  });
});
