import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { alertApiRef } from '@backstage/core-plugin-api';
import type {
  ApprovalRequest,
  SkillExchangeApi,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { ApprovalsTab } from './ManagerApproval';

jest.setTimeout(30_000);

const request = (id: number, status: 'requested' | 'approved') =>
  ({
    interest: {
      id,
      postId: 3,
      user: 'user:default/ben',
      message: '',
      status: 'pending',
      createdAt: '2026-11-02T00:00:00Z',
      updatedAt: '2026-11-02T00:00:00Z',
      answeredAt: null,
      managerApproval: {
        status,
        manager: 'user:default/dan',
        requestedAt: '2026-11-03T00:00:00Z',
        answeredAt: status === 'requested' ? null : '2026-11-04T00:00:00Z',
        reason: null,
      },
    },
    post: {
      id: 3,
      title: `Embed ${id}`,
      team: 'group:default/payments',
      owner: 'user:default/anna',
      status: 'open',
      start: '2027-Q1',
      durationWeeks: 6,
      timeSharePercent: 20,
    },
  } as ApprovalRequest);

function renderTab(requests: ApprovalRequest[]) {
  const api = {
    listApprovals: jest.fn(async () => requests),
    answerApproval: jest.fn(async () => ({})),
  } as unknown as jest.Mocked<SkillExchangeApi>;
  renderInTestApp(
    <TestApiProvider
      apis={[
        [skillExchangeApiRef, api],
        [alertApiRef, { post: jest.fn(), alert$: jest.fn() }],
      ]}
    >
      <ApprovalsTab />
    </TestApiProvider>,
  );
  return api;
}

describe('ApprovalsTab', () => {
  it('lists requests with the time share; approves in one click, declines with a reason', async () => {
    const api = renderTab([request(1, 'requested'), request(2, 'approved')]);
    const list = await screen.findByRole(
      'list',
      { name: 'Approval requests' },
      { timeout: 10_000 },
    );
    const [open, answered] = within(list).getAllByRole('listitem');
    expect(open).toHaveTextContent('1 day a week (20%) for 6 weeks');
    expect(answered).toHaveTextContent('Manager approved');
    expect(within(answered).queryByRole('button')).toBeNull();

    await userEvent.click(
      within(open).getByRole('button', { name: 'Approve ben on Embed 1' }),
    );
    await waitFor(() =>
      expect(api.answerApproval).toHaveBeenCalledWith(1, 'approve'),
    );

    await userEvent.click(
      within(open).getByRole('button', { name: 'Decline ben on Embed 1' }),
    );
    const dialog = await screen.findByRole('dialog');
    const send = within(dialog).getByRole('button', { name: 'Decline' });
    expect(send).toBeDisabled();
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Reason/ }),
      'Release month',
    );
    await userEvent.click(send);
    await waitFor(() =>
      expect(api.answerApproval).toHaveBeenCalledWith(
        1,
        'decline',
        'Release month',
      ),
    );
  });

  it('says what a manager will see when nobody asked', async () => {
    renderTab([]);
    expect(
      await screen.findByText(
        'Nobody has asked you to approve an embed',
        undefined,
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
  });
});
