import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type {
  Expert,
  Profile,
  SkillExchangeApi,
  SkillSuggestion,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { PeopleTab } from './PeopleTab';
import { ProfilePage } from './ProfilePage';

jest.setTimeout(30_000);

const typescript: SkillSuggestion = {
  skill: 'TypeScript',
  category: 'language',
  evidence: {
    summary: '7 PRs · 1 embed',
    items: [
      {
        kind: 'pull_requests',
        count: 7,
        text: '7 merged pull requests in 3 TypeScript repositories, latest 2 Dec',
      },
      { kind: 'embeds_completed', count: 1, text: '1 embed completed' },
    ],
  },
};
const go: SkillSuggestion = {
  skill: 'Go',
  category: 'language',
  evidence: {
    summary: '1 PR',
    items: [
      {
        kind: 'pull_requests',
        count: 1,
        text: '1 merged pull request in 1 Go repository',
      },
    ],
  },
};

const me: Profile = {
  user: 'user:default/sofia.marquez',
  displayName: 'Sofia Marquez',
  teams: ['group:default/backend'],
  bio: '',
  contact: '',
  openToEmbeds: false,
  openToMentoring: false,
  openToHacks: false,
  shareEvidence: false,
  skills: [],
  learning: [],
  version: 4,
};

const emptyPage = { items: [], totalItems: 0, limit: 5, offset: 0 };

function evidenceApi() {
  return {
    getMyProfile: jest.fn(async () => me),
    listPosts: jest.fn(async () => emptyPage),
    getMyMatches: jest.fn(async () => emptyPage),
    getGrowthActivities: jest.fn(async () => emptyPage),
    getMyLearningGoals: jest.fn(async () => []),
    getDueRetros: jest.fn(async () => []),
    getMySuggestions: jest.fn(async () => [typescript, go]),
    acceptSuggestion: jest.fn(async () => ({
      ...me,
      version: 5,
      skills: [
        {
          skill: 'TypeScript',
          category: 'language',
          level: 4,
          canHelp: false,
          evidence: typescript.evidence,
        },
      ],
    })),
    rejectSuggestion: jest.fn(async () => []),
    refreshMyEvidence: jest.fn(async () => [go]),
  } as unknown as jest.Mocked<SkillExchangeApi>;
}

describe('Suggested skills on my profile', () => {
  it('accepts one at a chosen level (the skill shows its evidence) and rejects another', async () => {
    const api = evidenceApi();
    await renderInTestApp(
      <TestApiProvider apis={[[skillExchangeApiRef, api]]}>
        <ProfilePage mine />
      </TestApiProvider>,
    );
    const list = await screen.findByRole(
      'list',
      { name: 'Suggested skills' },
      { timeout: 10_000 },
    );
    expect(
      within(list).getByText(
        '7 merged pull requests in 3 TypeScript repositories, latest 2 Dec; 1 embed completed',
      ),
    ).toBeInTheDocument();

    const level = within(list).getAllByRole('button', { name: /Level/ })[0];
    fireEvent.mouseDown(level);
    fireEvent.click(await screen.findByRole('option', { name: /^4 ·/ }));
    fireEvent.click(
      within(list).getByRole('button', { name: 'Accept TypeScript' }),
    );
    await waitFor(() =>
      expect(api.acceptSuggestion).toHaveBeenCalledWith('TypeScript', {
        level: 4,
        version: 4,
      }),
    );
    const levels = await screen.findByRole('table', { name: 'Skill levels' });
    expect(within(levels).getByText('7 PRs · 1 embed')).toBeInTheDocument();
    expect(
      within(levels).getByText(/^Evidence: 7 merged pull requests/),
    ).toBeInTheDocument();
    expect(
      within(list).queryByRole('button', { name: 'Accept TypeScript' }),
    ).not.toBeInTheDocument();

    fireEvent.click(within(list).getByRole('button', { name: 'Not me: Go' }));
    await waitFor(() =>
      expect(screen.getByText('No suggestions right now.')).toBeInTheDocument(),
    );
    expect(api.rejectSuggestion).toHaveBeenCalledWith('Go');

    fireEvent.click(
      screen.getByRole('button', { name: 'Look for new evidence' }),
    );
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Accept Go' }),
      ).toBeInTheDocument(),
    );
  });

  it('is not on someone else’s profile', async () => {
    const api = evidenceApi();
    (api as any).getProfile = jest.fn(async () => ({
      ...me,
      skills: [{ skill: 'Go', category: 'language', level: 3, canHelp: true }],
    }));
    await renderInTestApp(
      <TestApiProvider apis={[[skillExchangeApiRef, api]]}>
        <ProfilePage />
      </TestApiProvider>,
      { routeEntries: ['/profiles/user%3Adefault%2Fsofia.marquez'] },
    );
    await screen.findByRole(
      'table',
      { name: 'Skill levels' },
      { timeout: 10_000 },
    );
    expect(screen.queryByText('Suggested skills')).not.toBeInTheDocument();
    expect(api.getMySuggestions).not.toHaveBeenCalled();
  });
});

describe('Rank by evidence in the expert finder', () => {
  it('asks for rank=evidence and shows why each person ranks there', async () => {
    const expert: Expert = {
      user: 'user:default/sofia.marquez',
      score: 4,
      skills: [{ skill: 'TypeScript', level: 4, canHelp: true }],
      evidence: {
        score: 12,
        reason: '12 merged PRs in TypeScript repositories; 1 embed completed',
      },
    };
    const api = {
      listSkills: jest.fn(async () => []),
      findExperts: jest.fn(async () => ({
        items: [expert],
        totalItems: 1,
        limit: 50,
        offset: 0,
      })),
    } as unknown as jest.Mocked<SkillExchangeApi>;
    await renderInTestApp(
      <TestApiProvider apis={[[skillExchangeApiRef, api]]}>
        <PeopleTab />
      </TestApiProvider>,
      { routeEntries: ['/?skills=TypeScript'] },
    );
    await screen.findByText('1 person', {}, { timeout: 10_000 });
    expect(api.findExperts).toHaveBeenLastCalledWith(
      expect.objectContaining({ rank: 'level' }),
    );
    expect(screen.queryByText('Why')).not.toBeInTheDocument();

    fireEvent.mouseDown(screen.getByRole('button', { name: /Rank by/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Evidence' }));
    await waitFor(() =>
      expect(api.findExperts).toHaveBeenLastCalledWith(
        expect.objectContaining({ rank: 'evidence' }),
      ),
    );
    expect(
      await screen.findByText(
        '12 merged PRs in TypeScript repositories; 1 embed completed',
        {},
        { timeout: 5_000 },
      ),
    ).toBeInTheDocument();
  });
});
