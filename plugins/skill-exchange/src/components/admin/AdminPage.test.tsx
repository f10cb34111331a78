import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderAdmin } from './__testUtils__/renderAdmin';

jest.setTimeout(60_000);

describe('AdminPage', () => {
  it('adds, renames and merges skills, naming what a merge rewrites', async () => {
    const { api } = await renderAdmin(true);
    expect(
      await screen.findByText('Gopher craft', undefined, { timeout: 20_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('golang')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Add skill' }));
    await userEvent.type(screen.getByLabelText(/Name/), 'Zig');
    await userEvent.type(screen.getByLabelText('Aliases'), 'ziglang, zig-lang');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(api.addSkill).toHaveBeenCalledWith({
      name: 'Zig',
      category: 'language',
      description: '',
      aliases: ['ziglang', 'zig-lang'],
    });

    await userEvent.click(screen.getByRole('button', { name: 'Edit Go' }));
    const name = screen.getByLabelText(/Name/);
    await userEvent.clear(name);
    await userEvent.type(name, 'Go language');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(api.updateSkill).toHaveBeenCalledWith(
      1,
      expect.objectContaining({ name: 'Go language', aliases: ['golang'] }),
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Merge Gopher craft' }),
    );
    const dialog = screen.getByRole('dialog');
    expect(
      within(dialog).getByRole('button', { name: 'Merge' }),
    ).toBeDisabled();
    await userEvent.type(within(dialog).getByLabelText('Merge into'), 'Go');
    await userEvent.click(await screen.findByRole('option', { name: 'Go' }));
    expect(
      within(dialog).getByText(/1 post and 2 profiles using Gopher craft/),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Merge' }),
    );
    expect(api.mergeSkill).toHaveBeenCalledWith(2, 'Go');
  });

  it('lists reported posts and dismisses or hides them with a note', async () => {
    const { api } = await renderAdmin(true);
    expect(
      await screen.findByText('Buy cheap watches', undefined, {
        timeout: 20_000,
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('2 × Spam')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Dismiss reports of Buy cheap watches',
      }),
    );
    expect(api.resolveReports).toHaveBeenCalledWith(9, { action: 'dismiss' });
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Hide Buy cheap watches' }),
      ).toBeEnabled(),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Hide Buy cheap watches' }),
    );
    await userEvent.type(
      screen.getByLabelText('Note to the owner'),
      'Adverts are not allowed',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Hide post' }));
    expect(api.resolveReports).toHaveBeenCalledWith(9, {
      action: 'hide',
      note: 'Adverts are not allowed',
    });
  });
});
