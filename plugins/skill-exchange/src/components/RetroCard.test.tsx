import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { alertApiRef } from '@backstage/core-plugin-api';
import type {
  RetroState,
  SkillExchangeApi,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { DueRetrosCard, RetroCard } from './RetroCard';
import { RetroOutcomesCard } from './RetroOutcomesCard';
import { post } from './testData';

jest.setTimeout(30_000);

const mentorship = post(7, 'mentorship', 'Go mentoring', {
  status: 'closed',
  skills: ['Go', 'Kubernetes'],
});

async function renderWith(
  ui: JSX.Element,
  overrides: Partial<SkillExchangeApi>,
) {
  const api = {
    listSkills: jest.fn(async () => []),
    ...overrides,
  } as unknown as jest.Mocked<SkillExchangeApi>;
  const alertApi = { post: jest.fn(), alert$: jest.fn() };
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [skillExchangeApiRef, api],
        [alertApiRef, alertApi],
      ]}
    >
      {ui}
    </TestApiProvider>,
  );
  return { api, alertApi };
}

describe('RetroCard', () => {
  it('asks for the usefulness before sending, then sends what was ticked and shows it', async () => {
    let state: RetroState = { postId: 7, state: 'due', offers: [] };
    const { api } = await renderWith(<RetroCard post={mentorship} />, {
      getRetro: jest.fn(async () => state),
      acceptSuggestion: jest.fn(async () => {
        state = { ...state, offers: [] };
        return {} as any;
      }),
      writeRetro: jest.fn(async (_id, input) => {
        state = {
          postId: 7,
          state: 'written',
          retro: {
            postId: 7,
            kind: 'mentorship',
            skills: input.skills,
            usefulness: input.usefulness,
            comment: input.comment ?? '',
            createdAt: '2026-12-07T10:00:00Z',
          },
          offers: [{ skill: 'Go', level: 2 }],
        };
        return state;
      }),
    });
    const form = await screen.findByRole(
      'form',
      { name: 'Retro' },
      { timeout: 10_000 },
    );
    await userEvent.click(
      within(form).getByRole('button', { name: 'Send retro' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Say how useful it was, from 1 to 5',
    );
    expect(api.writeRetro).not.toHaveBeenCalled();

    await userEvent.click(within(form).getByRole('checkbox', { name: 'Go' }));
    await userEvent.click(
      within(form).getByRole('radio', { name: '4 Very useful' }),
    );
    await userEvent.type(
      within(form).getByRole('textbox', { name: 'Comment (optional)' }),
      'Learned a lot',
    );
    await userEvent.click(
      within(form).getByRole('button', { name: 'Send retro' }),
    );
    expect(api.writeRetro).toHaveBeenCalledWith(7, {
      skills: ['Go'],
      usefulness: 4,
      comment: 'Learned a lot',
    });
    expect(
      await screen.findByText(/4 of 5 \(Very useful\)/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Retro' })).toBeNull();

    const offers = screen.getByRole('list', {
      name: 'Add what you practised to your profile',
    });
    expect(
      within(offers).getByText(
        'You practised Go on Go mentoring: add Go at level 2 (Learning)?',
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      within(offers).getByRole('button', { name: 'Add Go to my profile' }),
    );
    expect(api.acceptSuggestion).toHaveBeenCalledWith('Go', { level: 2 });
  });

  it('shows nothing to people who were not on it, and when a running embed ends', async () => {
    await renderWith(<RetroCard post={post(8, 'embed', 'Embed')} />, {
      getRetro: jest.fn(async () => ({
        postId: 8,
        state: 'not_over' as const,
        endsOn: '2027-02-11',
        offers: [],
      })),
    });
    expect(
      await screen.findByText(
        /When this embed ends \(2027-02-11\)/,
        undefined,
        {
          timeout: 10_000,
        },
      ),
    ).toBeInTheDocument();
  });
});

describe('DueRetrosCard', () => {
  it('links each stint that is over to its retro', async () => {
    await renderWith(<DueRetrosCard />, {
      getDueRetros: jest.fn(async () => [
        {
          postId: 7,
          kind: 'mentorship' as const,
          title: 'Go mentoring',
          role: 'participant' as const,
          endedAt: '2026-12-01T10:00:00Z',
        },
      ]),
    });
    const list = await screen.findByRole(
      'list',
      { name: 'Retros to write' },
      { timeout: 10_000 },
    );
    expect(
      within(list)
        .getByRole('link', { name: 'Go mentoring' })
        .getAttribute('href'),
    ).toMatch(/\/posts\/7#retro$/);
    expect(
      within(list).getByText(/Mentorship · you took part/),
    ).toBeInTheDocument();
  });
});

describe('RetroOutcomesCard', () => {
  it('shows groups of enough answers and counts the rest', async () => {
    await renderWith(<RetroOutcomesCard />, {
      getRetroInsights: jest.fn(async () => ({
        minimumGroupSize: 5,
        byKind: [
          {
            group: 'embed',
            answers: 6,
            meanUsefulness: 4.2,
            distribution: [0, 0, 1, 3, 2] as [
              number,
              number,
              number,
              number,
              number,
            ],
          },
        ],
        bySkill: [],
        hidden: { kinds: 2, skills: 3 },
      })),
    });
    const table = await screen.findByRole(
      'table',
      { name: 'Outcomes per kind' },
      { timeout: 10_000 },
    );
    expect(within(table).getByText('Embeds')).toBeInTheDocument();
    expect(within(table).getByText('4.2')).toBeInTheDocument();
    expect(within(table).getByText('0 · 0 · 1 · 3 · 2')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Not shown: 2 kinds and 3 skills with fewer than 5 answers.',
      ),
    ).toBeInTheDocument();
  });
});
