import { screen } from '@testing-library/react';
import { renderAdmin } from './__testUtils__/renderAdmin';

jest.setTimeout(60_000);

// A file of its own: usePermission caches decisions for the whole module.
describe('AdminPage without the permissions', () => {
  it('tells people without the permission that they may not, with no forms', async () => {
    const { api } = await renderAdmin(false);
    expect(
      await screen.findByText(
        /You are not allowed to administer the Skill Exchange/,
        undefined,
        { timeout: 20_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add skill' })).toBeNull();
    expect(api.listSkills).not.toHaveBeenCalled();
    expect(api.listReports).not.toHaveBeenCalled();
  });
});
