import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ME, OWNER, renderPost } from './__testUtils__/renderPost';
import { post } from './testData';

jest.setTimeout(30_000);

const hack = post(7, 'hack', 'Buy cheap watches', { owner: OWNER });

describe('Report on the post page', () => {
  it('sends a reason and a comment to the moderators', async () => {
    const { api, alertApi } = await renderPost(hack, ME);
    await userEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Report' },
        { timeout: 10_000 },
      ),
    );
    const send = screen.getByRole('button', { name: 'Send report' });
    expect(send).toBeDisabled();
    await userEvent.click(screen.getByRole('radio', { name: 'Spam' }));
    await userEvent.type(
      screen.getByLabelText('Comment (optional)'),
      'Adverts again',
    );
    await userEvent.click(send);
    expect(api.reportPost).toHaveBeenCalledWith(7, {
      reason: 'spam',
      comment: 'Adverts again',
    });
    await waitFor(() =>
      expect(alertApi.post).toHaveBeenCalledWith(
        expect.objectContaining({ severity: 'success' }),
      ),
    );
  });

  it('says so when the person reported it already', async () => {
    const { alertApi } = await renderPost(hack, ME, {
      reportPost: jest.fn(async () => {
        const error = new Error('You have reported post 7 already');
        error.name = 'ConflictError';
        throw error;
      }),
    });
    await userEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Report' },
        { timeout: 10_000 },
      ),
    );
    await userEvent.click(screen.getByRole('radio', { name: 'Offensive' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send report' }));
    await waitFor(() =>
      expect(alertApi.post).toHaveBeenCalledWith({
        message: 'You have reported post 7 already',
        severity: 'error',
      }),
    );
  });

  it('is not offered to the owner', async () => {
    await renderPost(hack, OWNER);
    expect(
      await screen.findByText('You posted this', undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Report' })).toBeNull();
  });
});
