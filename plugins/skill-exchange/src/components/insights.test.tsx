import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { SkillExchangeApi } from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { InsightsTab } from './InsightsTab';
import { ForYouCard } from './ForYouCard';
import { UserSkillsCard } from './UserSkillsCard';

jest.setTimeout(30_000);

const api = {
  getRetroInsights: jest.fn(async () => ({
    minimumGroupSize: 5,
    byKind: [],
    bySkill: [],
    hidden: { kinds: 1, skills: 0 },
  })),
  getInsights: jest.fn(async () => ({
    skills: [
      {
        skill: 'Kotlin',
        category: 'language',
        supply: 2,
        helpers: 2,
        learners: 1,
        demand: 3,
        gap: 1,
      },
      {
        skill: 'Go',
        category: 'language',
        supply: 4,
        helpers: 1,
        learners: 3,
        demand: 1,
        gap: -3,
      },
      {
        skill: 'Cobol',
        category: 'language',
        supply: 0,
        helpers: 0,
        learners: 0,
        demand: 0,
        gap: 0,
      },
    ],
    posts: [
      { kind: 'embed', status: 'open', count: 4 },
      { kind: 'embed', status: 'filled', count: 2 },
    ],
    timeToFill: [{ kind: 'embed', filled: 2, meanDays: 6.5 }],
    monthlyActiveUsers: 17,
  })),
  getMyMatches: jest.fn(async () => ({
    items: [
      {
        post: { id: 3, kind: 'mentorship', title: 'Go mentoring' },
        score: 7,
        reason: {
          matchedSkills: [],
          learningGoals: ['Go'],
          available: true,
          summary: 'wants to grow Go',
        },
      },
    ],
    totalItems: 1,
    limit: 5,
    offset: 0,
  })),
  getProfile: jest.fn(async () => ({
    user: 'user:default/elin.berg',
    teams: [],
    bio: '',
    contact: '',
    openToEmbeds: false,
    openToMentoring: false,
    openToHacks: false,
    skills: [
      { skill: 'Kotlin', category: 'language', level: 5, canHelp: true },
    ],
    learning: ['Rust'],
    version: 1,
  })),
} as unknown as SkillExchangeApi;

describe('InsightsTab', () => {
  it('shows activity, open vs filled, time to fill and the biggest skill gaps first', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[skillExchangeApiRef, api]]}>
        <InsightsTab />
      </TestApiProvider>,
    );
    expect(await screen.findByText('17')).toBeInTheDocument();
    expect(screen.getByText('6.5 days')).toBeInTheDocument();
    const rows = screen.getAllByRole('row').map(r => r.textContent);
    const kotlin = rows.findIndex(r => r?.startsWith('Kotlin'));
    const go = rows.findIndex(r => r?.startsWith('Go'));
    expect(kotlin).toBeGreaterThan(-1);
    expect(kotlin).toBeLessThan(go);
    expect(rows.some(r => r?.startsWith('Cobol'))).toBe(false);
    expect(
      screen.getByRole('img', { name: 'Kotlin demand: 3' }),
    ).toBeInTheDocument();
  });
});

describe('ForYouCard', () => {
  it('lists recommended posts with the reason', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[skillExchangeApiRef, api]]}>
        <ForYouCard />
      </TestApiProvider>,
    );
    expect(
      await screen.findByRole('link', { name: 'Go mentoring' }),
    ).toHaveAttribute('href', '/skill-exchange/posts/3');
    expect(screen.getByText('Why: wants to grow Go')).toBeInTheDocument();
  });
});

describe('UserSkillsCard', () => {
  it("shows a user entity's skills and learning goals", async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[skillExchangeApiRef, api]]}>
        <EntityProvider
          entity={{
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'User',
            metadata: { name: 'elin.berg', namespace: 'default' },
            spec: {},
          }}
        >
          <UserSkillsCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(await screen.findByText('Kotlin (can help)')).toBeInTheDocument();
    expect(screen.getByText('5 · Expert')).toBeInTheDocument();
    expect(screen.getByText('Rust')).toBeInTheDocument();
    expect(api.getProfile).toHaveBeenCalledWith('user:default/elin.berg');
  });
});
