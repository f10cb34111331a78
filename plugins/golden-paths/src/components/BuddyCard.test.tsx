import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { JourneyBuddy } from '@onramp/backstage-plugin-golden-paths-common';
import { goldenPathsApiRef } from '../api';
import { BuddyCard } from './BuddyCard';
import { BuddyPeopleCard } from './BuddyPeopleCard';
import { mockApi } from './testData';

const ANNA = 'user:default/anna';
const suggested: JourneyBuddy = {
  journeyId: 'j1',
  enabled: true,
  declined: [],
  canDecide: true,
  buddy: {
    userEntityRef: ANNA,
    status: 'suggested',
    reason: 'Backend, Expert; can help with TypeScript (Expert)',
    suggestedAt: '2026-12-01T09:00:00.000Z',
  },
};

async function render(api: ReturnType<typeof mockApi>, node: JSX.Element) {
  await renderInTestApp(
    <TestApiProvider apis={[[goldenPathsApiRef, api]]}>{node}</TestApiProvider>,
  );
}

describe('BuddyCard', () => {
  it('shows the suggested buddy with why, and confirms them', async () => {
    const confirmed: JourneyBuddy = {
      ...suggested,
      buddy: {
        ...suggested.buddy!,
        status: 'confirmed',
        confirmedBy: 'user:default/sofia.marquez',
        confirmedAt: '2026-12-01T10:00:00.000Z',
      },
    };
    const api = mockApi({
      getJourneyBuddy: jest.fn(async () => suggested),
      confirmBuddy: jest.fn(async () => confirmed),
    });
    await render(api, <BuddyCard journeyId="j1" />);
    expect(
      await screen.findByText('Suggested for you:', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText(suggested.buddy!.reason)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'anna' })).toHaveAttribute(
      'href',
      '/skill-exchange/profiles/user%3Adefault%2Fanna',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() =>
      expect(api.confirmBuddy).toHaveBeenCalledWith('j1', ANNA),
    );
    expect(
      await screen.findByText('Your onboarding buddy:'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Skill Exchange profile' }),
    ).toHaveAttribute('href', '/skill-exchange/profiles/user%3Adefault%2Fanna');
    expect(screen.getByText(/Confirmed by sofia.marquez/)).toBeInTheDocument();
  });

  it('asks for another suggestion', async () => {
    const api = mockApi({
      getJourneyBuddy: jest.fn(async () => suggested),
      declineBuddy: jest.fn(async () => ({
        ...suggested,
        declined: [ANNA],
        buddy: {
          ...suggested.buddy!,
          userEntityRef: 'user:default/ben',
          reason: 'Backend, Practitioner',
        },
      })),
    });
    await render(api, <BuddyCard journeyId="j1" />);
    fireEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Suggest another' },
        { timeout: 10_000 },
      ),
    );
    expect(
      await screen.findByText('Backend, Practitioner'),
    ).toBeInTheDocument();
    expect(api.declineBuddy).toHaveBeenCalledWith('j1', ANNA);
  });

  it('says so when nobody fits, and shows nothing when buddies are off', async () => {
    await render(mockApi(), <BuddyCard journeyId="j1" />);
    expect(
      await screen.findByText(
        /No onboarding buddy suggested yet/,
        {},
        {
          timeout: 10_000,
        },
      ),
    ).toBeInTheDocument();
    const off = mockApi({
      getJourneyBuddy: jest.fn(async () => ({
        journeyId: 'j1',
        enabled: false,
        declined: [],
        canDecide: true,
      })),
    });
    await render(off, <BuddyCard journeyId="j2" />);
    await waitFor(() => expect(off.getJourneyBuddy).toHaveBeenCalled());
    expect(screen.getAllByText('Your buddy')).toHaveLength(1);
  });

  it('hides the buttons from someone who cannot decide', async () => {
    const api = mockApi({
      getJourneyBuddy: jest.fn(async () => ({
        ...suggested,
        canDecide: false,
      })),
    });
    await render(api, <BuddyCard journeyId="j1" />);
    expect(
      await screen.findByText('Suggested for you:', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Confirm' })).toBeNull();
  });
});

describe('BuddyPeopleCard', () => {
  it('lists the people I am buddy to with their progress', async () => {
    const api = mockApi({
      listMyBuddyPeople: jest.fn(async () => ({
        items: [
          {
            journeyId: 'j1',
            userEntityRef: 'user:default/nora.newcomer',
            pathId: 'backend-day-1',
            pathTitle: 'Backend',
            status: 'active' as const,
            startedAt: '2026-12-01T09:00:00.000Z',
            completedSteps: 1,
            totalSteps: 3,
            nextStepTitle: 'Create a new service from scratch',
            confirmedAt: '2026-12-01T10:00:00.000Z',
          },
        ],
      })),
    });
    await render(api, <BuddyPeopleCard />);
    expect(
      await screen.findByRole(
        'link',
        { name: 'nora.newcomer' },
        { timeout: 10_000 },
      ),
    ).toHaveAttribute(
      'href',
      '/skill-exchange/profiles/user%3Adefault%2Fnora.newcomer',
    );
    expect(
      screen.getByText(
        '1 of 3 steps done; next: Create a new service from scratch',
      ),
    ).toBeInTheDocument();
  });

  it('says when I am nobody’s buddy', async () => {
    await render(mockApi(), <BuddyPeopleCard />);
    expect(
      await screen.findByText(
        /You are nobody's onboarding buddy yet/,
        {},
        {
          timeout: 10_000,
        },
      ),
    ).toBeInTheDocument();
  });
});
