import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type {
  GrowthActivity,
  LearningGoalProgress,
  LearningResource,
  Profile,
  SkillExchangeApi,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { ProfilePage } from './ProfilePage';

jest.setTimeout(30_000);

const basics: LearningResource = {
  id: 'kotlin-basics',
  title: 'Kotlin basics',
  url: '/docs/default/component/handbook/kotlin',
  kind: 'docs',
  skills: ['Kotlin'],
  minutes: 30,
  completed: false,
};
const course: LearningResource = {
  id: 'kotlin-course',
  title: 'Kotlin course',
  url: 'https://kotlinlang.org/docs/getting-started.html',
  kind: 'course',
  skills: ['Kotlin'],
  completed: false,
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
  skills: [],
  learning: ['Kotlin', 'Rust'],
  version: 1,
};

const emptyPage = { items: [], totalItems: 0, limit: 5, offset: 0 };

/** My profile: Kotlin with two resources (none done), Rust with none. */
function learningApi() {
  const done = new Set<string>();
  const goals = (): LearningGoalProgress[] => [
    {
      skill: 'Kotlin',
      next: [basics, course].find(r => !done.has(r.id)),
      completed: done.size,
      total: 2,
    },
    { skill: 'Rust', completed: 0, total: 0 },
  ];
  const growth = (): GrowthActivity[] =>
    [...done].map(id => ({
      type: 'learned',
      at: '2026-12-01T10:00:00Z',
      resource: id === basics.id ? basics : course,
    }));
  return {
    getMyProfile: jest.fn(async () => me),
    listPosts: jest.fn(async () => emptyPage),
    getMyMatches: jest.fn(async () => emptyPage),
    getGrowthActivities: jest.fn(async () => ({
      items: growth(),
      totalItems: done.size,
      limit: 5,
      offset: 0,
    })),
    getMyLearningGoals: jest.fn(async () => goals()),
    getDueRetros: jest.fn(async () => []),
    setLearningCompleted: jest.fn(async (id: string) => {
      done.add(id);
      return { ...basics, completed: true };
    }),
  } as unknown as jest.Mocked<SkillExchangeApi>;
}

describe('LearningCard on my profile', () => {
  it('shows the next resource per goal; "Mark done" moves on and the growth lists it', async () => {
    const api = learningApi();
    await renderInTestApp(
      <TestApiProvider apis={[[skillExchangeApiRef, api]]}>
        <ProfilePage mine />
      </TestApiProvider>,
    );
    const list = await screen.findByRole('list', {
      name: 'Next for your learning goals',
    });
    expect(
      within(list).getByRole('link', { name: 'Kotlin basics' }),
    ).toHaveAttribute('href', '/docs/default/component/handbook/kotlin');
    expect(
      within(list).getByText('Docs · 30 min · 0 of 2 done'),
    ).toBeInTheDocument();
    expect(
      within(list).getByText('No learning resources yet'),
    ).toBeInTheDocument();
    expect(within(list).getAllByRole('button')).toHaveLength(1);

    fireEvent.click(
      within(list).getByRole('button', { name: 'Mark done: Kotlin basics' }),
    );
    await waitFor(() =>
      expect(
        within(list).getByRole('link', { name: /^Kotlin course/ }),
      ).toBeInTheDocument(),
    );
    expect(api.setLearningCompleted).toHaveBeenCalledWith(
      'kotlin-basics',
      true,
    );
    expect(within(list).getByText('Course · 1 of 2 done')).toBeInTheDocument();

    const growth = await screen.findByRole('list', {
      name: 'Growth activities',
    });
    expect(within(growth).getByText(/Learned from/)).toBeInTheDocument();
    expect(
      within(growth).getByRole('link', { name: 'Kotlin basics' }),
    ).toHaveAttribute('href', '/docs/default/component/handbook/kotlin');
  });
});
