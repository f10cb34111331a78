import { Route, Routes } from 'react-router-dom';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { alertApiRef } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type {
  Profile,
  SkillExchangeApi,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { PostList } from './PostList';
import { PostFormPage } from './PostFormPage';
import { ProfilePage } from './ProfilePage';
import { post } from './testData';

const embed = post(7, 'embed', 'Embed with Playback', {
  description: '- Seek **faster**\n- Learn gRPC',
  skills: ['Java', 'gRPC'],
  owner: 'user:default/lars.lindqvist',
});

function mockApi(overrides: Partial<SkillExchangeApi> = {}) {
  return {
    listPosts: jest.fn(async () => ({
      items: [embed],
      totalItems: 1,
      limit: 12,
      offset: 0,
    })),
    listEvents: jest.fn(async () => []),
    listSkills: jest.fn(async () => [
      {
        id: 1,
        name: 'Rust',
        category: 'language' as const,
        description: '',
        aliases: [],
      },
    ]),
    createPost: jest.fn(),
    ...overrides,
  } as unknown as jest.Mocked<SkillExchangeApi>;
}

const alertApi = { post: jest.fn(), alert$: jest.fn() };

// The CI machine has two cores shared by every test project: give rendering time.
jest.setTimeout(30_000);

describe('PostList', () => {
  it('shows cards and puts skill filters in the URL query it sends', async () => {
    const api = mockApi();
    await renderInTestApp(
      <TestApiProvider apis={[[skillExchangeApiRef, api]]}>
        <PostList kind="embed" />
      </TestApiProvider>,
    );
    expect(await screen.findByText('Embed with Playback')).toBeInTheDocument();
    expect(screen.getByText('Seek faster Learn gRPC')).toBeInTheDocument();
    expect(api.listPosts).toHaveBeenLastCalledWith(
      expect.objectContaining({
        kind: 'embed',
        status: 'open',
        limit: 12,
        offset: 0,
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Android' }));
    await waitFor(() =>
      expect(api.listPosts).toHaveBeenLastCalledWith(
        expect.objectContaining({ skills: ['Android'] }),
      ),
    );
  });

  it('says so when nothing matches', async () => {
    const api = mockApi({
      listPosts: jest.fn(async () => ({
        items: [],
        totalItems: 0,
        limit: 12,
        offset: 0,
      })),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[skillExchangeApiRef, api]]}>
        <PostList kind="hack" />
      </TestApiProvider>,
    );
    expect(await screen.findByText('No hacks match')).toBeInTheDocument();
  });

  it('ranks a search by relevance and shows a capped total as 10,000+', async () => {
    const api = mockApi({
      listPosts: jest.fn(async () => ({
        items: [embed],
        totalItems: 10_000,
        totalIsLowerBound: true,
        limit: 12,
        offset: 0,
      })),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[skillExchangeApiRef, api]]}>
        <PostList kind="embed" />
      </TestApiProvider>,
      { routeEntries: ['/?q=kafka'] },
    );
    expect(
      await screen.findByText('10,000+ embeds, best matches first'),
    ).toBeInTheDocument();
    expect(api.listPosts).toHaveBeenLastCalledWith(
      expect.objectContaining({ q: 'kafka', sort: 'relevance' }),
    );
  });
});

describe('PostFormPage', () => {
  const renderForm = (api: SkillExchangeApi) =>
    renderInTestApp(
      <TestApiProvider
        apis={[
          [skillExchangeApiRef, api],
          [alertApiRef, alertApi],
          [catalogApiRef, catalogApiMock()],
        ]}
      >
        <Routes>
          <Route path="/new/:kind" element={<PostFormPage />} />
        </Routes>
      </TestApiProvider>,
      { routeEntries: ['/new/hack'] },
    );

  it('validates with the shared schema before sending anything', async () => {
    const api = mockApi();
    await renderForm(api);
    await userEvent.click(await screen.findByRole('button', { name: 'Post' }));
    expect(
      await screen.findByText('must be at least 3 characters'),
    ).toBeInTheDocument();
    expect(api.createPost).not.toHaveBeenCalled();
  });

  it('keeps what was typed and says why when saving fails', async () => {
    const api = mockApi({
      createPost: jest.fn(async () => {
        throw new Error('Unknown skill: Cobol');
      }),
    });
    await renderForm(api);
    fireEvent.change(await screen.findByLabelText(/Title/), {
      target: { value: 'A hack about coffee' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Post' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not save: Unknown skill: Cobol',
    );
    expect(screen.getByLabelText(/Title/)).toHaveValue('A hack about coffee');
    expect(api.createPost).toHaveBeenCalledWith(
      expect.objectContaining({
        kind: 'hack',
        title: 'A hack about coffee',
        stage: 'idea',
      }),
    );
  });
});

describe('ProfilePage', () => {
  it("shows someone's profile with catalog facts and grouped help", async () => {
    const profile: Profile = {
      user: 'user:default/elin.berg',
      displayName: 'Elin Berg',
      title: 'Senior Android Engineer',
      teams: ['group:default/client'],
      startDate: '2020-03-01',
      bio: 'Android since Froyo.',
      contact: '#android-guild',
      openToEmbeds: true,
      openToMentoring: true,
      openToHacks: false,
      skills: [
        { skill: 'Kotlin', category: 'language', level: 5, canHelp: true },
        {
          skill: 'Jetpack Compose',
          category: 'framework',
          level: 4,
          canHelp: true,
        },
        { skill: 'Rust', category: 'language', level: 1, canHelp: false },
      ],
      learning: ['Rust'],
      version: 3,
    };
    const api = mockApi({
      getProfile: jest.fn(async () => profile),
      listPosts: jest.fn(async () => ({
        items: [],
        totalItems: 0,
        limit: 6,
        offset: 0,
      })),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[skillExchangeApiRef, api]]}>
        <Routes>
          <Route path="/profiles/:ref" element={<ProfilePage />} />
        </Routes>
      </TestApiProvider>,
      { routeEntries: ['/profiles/user%3Adefault%2Felin.berg'] },
    );
    expect(
      await screen.findByRole('heading', { name: 'Elin Berg' }),
    ).toBeInTheDocument();
    expect(api.getProfile).toHaveBeenCalledWith('user:default/elin.berg');
    expect(
      screen.getByText(/Senior Android Engineer · client · \d+ years? here/),
    ).toBeInTheDocument();
    expect(screen.getByText('Languages')).toBeInTheDocument();
    expect(screen.getByText('Frameworks')).toBeInTheDocument();
    expect(screen.getByText('5 · Expert')).toBeInTheDocument();
    expect(screen.getByText('Open to mentoring')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Edit profile' }),
    ).not.toBeInTheDocument();
    expect(
      await screen.findByText('No open opportunities right now.'),
    ).toBeInTheDocument();
  });
});
