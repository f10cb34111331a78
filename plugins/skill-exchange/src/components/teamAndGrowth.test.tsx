import { Route, Routes } from 'react-router-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type {
  GrowthActivity,
  Profile,
  SkillExchangeApi,
  TeamSkills,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { TeamSkillsCard, describeLevels } from './TeamSkillsCard';
import { ProfilePage } from './ProfilePage';
import { post } from './testData';

jest.setTimeout(30_000);

const backend = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'backend', namespace: 'default', title: 'Backend' },
  spec: { type: 'team', children: [] },
};

const teamSkills: TeamSkills = {
  group: 'group:default/backend',
  groups: ['group:default/backend'],
  members: 5,
  profiles: 4,
  skills: [
    {
      skill: 'Go',
      category: 'language',
      members: 3,
      levels: [0, 1, 0, 1, 1],
      helpers: 2,
      learning: 0,
      demand: 1,
    },
    {
      skill: 'Kubernetes',
      category: 'infrastructure',
      members: 1,
      levels: [0, 0, 1, 0, 0],
      helpers: 0,
      learning: 2,
      demand: 0,
    },
    {
      skill: 'Rust',
      category: 'language',
      members: 0,
      levels: [0, 0, 0, 0, 0],
      helpers: 0,
      learning: 3,
      demand: 0,
    },
    {
      skill: 'Terraform',
      category: 'infrastructure',
      members: 0,
      levels: [0, 0, 0, 0, 0],
      helpers: 0,
      learning: 0,
      demand: 2,
    },
  ],
  gaps: ['Terraform'],
};

const renderCard = (getTeamSkills: SkillExchangeApi['getTeamSkills']) => {
  const api = { getTeamSkills: jest.fn(getTeamSkills) };
  return {
    api,
    rendered: renderInTestApp(
      <TestApiProvider
        apis={[[skillExchangeApiRef, api as unknown as SkillExchangeApi]]}
      >
        <EntityProvider entity={backend}>
          <TeamSkillsCard />
        </EntityProvider>
      </TestApiProvider>,
    ),
  };
};

describe('TeamSkillsCard', () => {
  it('shows coverage per level, learners and gaps, linking to the People tab by skill', async () => {
    const { api, rendered } = renderCard(async () => teamSkills);
    await rendered;
    expect(
      await screen.findByText('4 of 5 members have a skill profile'),
    ).toBeInTheDocument();
    expect(api.getTeamSkills).toHaveBeenCalledWith('group:default/backend');

    const table = screen.getByRole('table', { name: 'Skills of Backend' });
    const rows = within(table).getAllByRole('row');
    // Header, Go, Kubernetes: only skills somebody has are rows.
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByRole('link', { name: 'Go' })).toHaveAttribute(
      'href',
      '/skill-exchange/people?skills=Go&minLevel=1',
    );
    expect(
      within(rows[1]).getByText('1 Expert, 1 Advanced, 1 Learning'),
    ).toBeInTheDocument();
    expect(within(rows[1]).getByText('2 can help')).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Go: 1 Expert, 1 Advanced, 1 Learning',
      }),
    ).toBeInTheDocument();
    expect(within(rows[2]).getByText('1 Practitioner')).toBeInTheDocument();

    expect(screen.getByText('Rust · 3 learning')).toBeInTheDocument();
    const gap = screen.getByText('Terraform · 2 open posts');
    expect(gap.closest('a')).toHaveAttribute(
      'href',
      '/skill-exchange/people?skills=Terraform&minLevel=1',
    );
  });

  it('says when nobody has listed skills yet', async () => {
    const { rendered } = renderCard(async () => ({
      ...teamSkills,
      profiles: 0,
      skills: [],
      gaps: [],
    }));
    await rendered;
    expect(
      await screen.findByText(/Nobody in Backend has listed skills yet/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says when the group has no members', async () => {
    const { rendered } = renderCard(async () => ({
      ...teamSkills,
      members: 0,
      profiles: 0,
      skills: [],
      gaps: [],
    }));
    await rendered;
    expect(
      await screen.findByText('Backend has no members in the catalog yet.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/has listed skills yet/)).not.toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    const { rendered } = renderCard(async () => {
      throw new Error('No group group:default/backend in the catalog');
    });
    await rendered;
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Could not load the team's skills: No group group:default/backend in the catalog",
    );
  });

  it('names levels strongest first', () => {
    expect(describeLevels([2, 0, 1, 0, 0])).toBe('1 Practitioner, 2 Aware');
    expect(describeLevels([0, 0, 0, 0, 0])).toBe('');
  });
});

const profile: Profile = {
  user: 'user:default/sofia.marquez',
  displayName: 'Sofia Marquez',
  title: 'Software Engineer',
  teams: ['group:default/backend'],
  bio: '',
  contact: '',
  openToEmbeds: true,
  openToMentoring: false,
  openToHacks: true,
  skills: [
    { skill: 'Go', category: 'language', level: 3, canHelp: true },
    { skill: 'Figma', category: 'discipline', level: 2, canHelp: true },
  ],
  learning: ['Kubernetes'],
  version: 2,
};

const activities: GrowthActivity[] = [
  {
    type: 'filled',
    at: '2026-11-20T10:00:00Z',
    post: post(11, 'embed', 'My embed on payments'),
  },
  {
    type: 'joined',
    at: '2026-11-10T10:00:00Z',
    post: post(12, 'hack', 'Loudness explorer'),
  },
  ...[9, 8, 7, 6].map(day => ({
    type: 'joined' as const,
    at: `2026-11-0${day}T10:00:00Z`,
    post: post(30 + day, 'hack', `Hack ${day}`),
  })),
  {
    type: 'accepted',
    at: '2026-11-01T10:00:00Z',
    post: post(13, 'mentorship', 'Go mentoring'),
  },
];

function profileApi(overrides: Partial<SkillExchangeApi> = {}) {
  return {
    getMyProfile: jest.fn(async () => profile),
    getProfile: jest.fn(async () => ({
      ...profile,
      user: 'user:default/elin.berg',
      displayName: 'Elin Berg',
    })),
    listPosts: jest.fn(async () => ({
      items: [],
      totalItems: 0,
      limit: 6,
      offset: 0,
    })),
    getGrowthActivities: jest.fn(
      async (_ref: string, q: { limit: number; offset: number }) => ({
        items: activities.slice(q.offset, q.offset + q.limit),
        totalItems: activities.length,
        limit: q.limit,
        offset: q.offset,
      }),
    ),
    getMyLearningGoals: jest.fn(async () => []),
    getDueRetros: jest.fn(async () => []),
    getMyMatches: jest.fn(async () => ({
      items: [
        {
          post: post(21, 'embed', 'Embed with Platform'),
          score: 6,
          reason: {
            matchedSkills: [{ skill: 'Go', level: 3, canHelp: true }],
            learningGoals: ['Kubernetes'],
            available: true,
            summary: 'Go at Practitioner; wants to grow Kubernetes',
          },
        },
      ],
      totalItems: 1,
      limit: 5,
      offset: 0,
    })),
    ...overrides,
  } as unknown as jest.Mocked<SkillExchangeApi>;
}

const renderProfile = (api: SkillExchangeApi, mine: boolean) =>
  renderInTestApp(
    <TestApiProvider apis={[[skillExchangeApiRef, api]]}>
      <Routes>
        <Route path="/profile" element={<ProfilePage mine />} />
        <Route path="/profiles/:ref" element={<ProfilePage />} />
      </Routes>
    </TestApiProvider>,
    {
      routeEntries: [
        mine ? '/profile' : '/profiles/user%3Adefault%2Felin.berg',
      ],
    },
  );

describe('ProfilePage growth and recommendations', () => {
  it('recommends posts on my profile with the reasons they match, linking to them', async () => {
    const api = profileApi();
    await renderProfile(api, true);
    const list = await screen.findByRole('list', {
      name: 'Recommended for you',
    });
    expect(
      within(list).getByRole('link', { name: 'Embed with Platform' }),
    ).toHaveAttribute('href', '/skill-exchange/posts/21');
    expect(
      within(list).getByText(
        'Why: Go at Practitioner; wants to grow Kubernetes',
      ),
    ).toBeInTheDocument();
    expect(
      within(list).getByText('Go: you are Practitioner'),
    ).toBeInTheDocument();
    expect(
      within(list).getByText('Kubernetes: you want to learn it'),
    ).toBeInTheDocument();
    expect(api.getMyMatches).toHaveBeenCalledWith({ limit: 5 });
    expect(screen.getByText('My open opportunities')).toBeInTheDocument();
  });

  it('lists growth activities newest first and loads more on request', async () => {
    const api = profileApi();
    await renderProfile(api, true);
    const list = await screen.findByRole('list', { name: 'Growth activities' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(5);
    expect(within(list).getByText(/My embed was filled/)).toBeInTheDocument();
    expect(within(list).getAllByText(/Joined a hack/)).toHaveLength(4);
    expect(
      within(list).getByRole('link', { name: 'Loudness explorer' }),
    ).toHaveAttribute('href', '/skill-exchange/posts/12');
    expect(api.getGrowthActivities).toHaveBeenCalledWith(
      'user:default/sofia.marquez',
      { limit: 5, offset: 0 },
    );
    expect(
      within(list).queryByText(/Accepted for a mentorship/),
    ).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Show more (2 more)' }));
    await waitFor(() =>
      expect(within(list).getAllByRole('listitem')).toHaveLength(7),
    );
    expect(api.getGrowthActivities).toHaveBeenLastCalledWith(
      'user:default/sofia.marquez',
      { limit: 5, offset: 5 },
    );
    expect(
      within(list).getByText(/Accepted for a mentorship/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Show more/ }),
    ).not.toBeInTheDocument();
  });

  it("shows someone else's growth read-only, with level descriptors, and no recommendations", async () => {
    const api = profileApi();
    await renderProfile(api, false);
    expect(
      await screen.findByRole('heading', { name: 'Elin Berg' }),
    ).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Growth activities' });
    expect(
      within(list).getByText(/Their embed was filled/),
    ).toBeInTheDocument();
    expect(api.getGrowthActivities).toHaveBeenCalledWith(
      'user:default/elin.berg',
      { limit: 5, offset: 0 },
    );
    expect(api.getMyMatches).not.toHaveBeenCalled();
    expect(
      screen.queryByRole('list', { name: 'Recommended for you' }),
    ).not.toBeInTheDocument();
    expect(screen.getByText('Team up with Elin Berg')).toBeInTheDocument();
    // The descriptor of each level is shown, not only in a tooltip.
    expect(
      screen.getByText('Uses it independently in day-to-day work.'),
    ).toBeInTheDocument();
    // "I can help with": Discipline before Languages, whatever the levels.
    const headings = screen
      .getAllByRole('heading', { level: 3 })
      .map(h => h.textContent);
    expect(headings.indexOf('Discipline')).toBeLessThan(
      headings.indexOf('Languages'),
    );
    expect(headings.indexOf('Discipline')).toBeGreaterThan(-1);
  });

  it('says why when growth activities fail to load, and retries', async () => {
    const getGrowthActivities = jest
      .fn()
      .mockRejectedValueOnce(new Error('Service unavailable'))
      .mockResolvedValue({ items: [], totalItems: 0, limit: 5, offset: 0 });
    const api = profileApi({ getGrowthActivities });
    await renderProfile(api, true);
    expect(
      await screen.findByText(
        'Could not load growth activities: Service unavailable',
      ),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByText(/^Nothing yet\. Join a hack/),
    ).toBeInTheDocument();
  });
});
