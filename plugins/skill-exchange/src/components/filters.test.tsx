import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { SkillExchangeApi } from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { PostList } from './PostList';
import { post } from './testData';

jest.setTimeout(30_000);

const hack = post(3, 'hack', 'Build cache dashboard', {
  location: 'remote',
  category: 'tooling',
} as any);

function listApi() {
  return {
    listPosts: jest.fn(async () => ({
      items: [hack],
      totalItems: 1,
      limit: 12,
      offset: 0,
    })),
    listEvents: jest.fn(async () => []),
    listSkills: jest.fn(async () => []),
  } as unknown as jest.Mocked<SkillExchangeApi>;
}

/** Opens the filter select labelled `label` and picks `option`. */
async function pick(label: string, option: string) {
  await userEvent.click(
    await screen.findByRole(
      'button',
      { name: new RegExp(label) },
      {
        timeout: 10_000,
      },
    ),
  );
  await userEvent.click(
    within(screen.getByRole('listbox')).getByRole('option', { name: option }),
  );
}

describe('list filters', () => {
  it('filters hacks by category and place, and says both on the card', async () => {
    const api = listApi();
    await renderInTestApp(
      <TestApiProvider apis={[[skillExchangeApiRef, api]]}>
        <PostList kind="hack" />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText(/Anywhere · Tooling/, undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
    await pick('Category', 'Tooling');
    await waitFor(() =>
      expect(api.listPosts).toHaveBeenLastCalledWith(
        expect.objectContaining({ kind: 'hack', category: 'tooling' }),
      ),
    );
    await pick('Where', 'In the office');
    await waitFor(() =>
      expect(api.listPosts).toHaveBeenLastCalledWith(
        expect.objectContaining({ category: 'tooling', location: 'office' }),
      ),
    );
  });

  it("filters embeds by the hosting team, from the catalog's groups", async () => {
    const api = listApi();
    const catalogApi = catalogApiMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'data', namespace: 'default' },
          spec: { type: 'team', profile: { displayName: 'Data Platform' } },
        },
      ],
    });
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [skillExchangeApiRef, api],
          [catalogApiRef, catalogApi],
        ]}
      >
        <PostList kind="embed" />
      </TestApiProvider>,
    );
    await pick('Team', 'Data Platform');
    await waitFor(() =>
      expect(api.listPosts).toHaveBeenLastCalledWith(
        expect.objectContaining({ kind: 'embed', team: 'group:default/data' }),
      ),
    );
  });
});
