import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Post } from '@onramp/backstage-plugin-skill-exchange-common';
import { statusChanges } from './OwnerPanel';
import { englishT, ME, OWNER, renderPost } from './__testUtils__/renderPost';
import { post } from './testData';

jest.setTimeout(30_000);

const embed = post(7, 'embed', 'Embed with Playback', {
  owner: OWNER,
  version: 4,
});

describe('PostDetailPage', () => {
  it('gives the owner the owner panel and changes status with the version read', async () => {
    const { api, alertApi } = await renderPost(embed, OWNER);
    expect(await screen.findByText('You posted this')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: "I'm interested" })).toBeNull();
    expect(screen.getByRole('button', { name: 'Mark filled' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Reopen' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(api.setPostStatus).toHaveBeenCalledWith(7, 'closed', 4);
    await waitFor(() =>
      expect(alertApi.post).toHaveBeenCalledWith(
        expect.objectContaining({ message: 'Closed', severity: 'success' }),
      ),
    );
    // The page reads the post again after a change.
    await waitFor(() => expect(api.getPost).toHaveBeenCalledTimes(2));

    const people = screen.getByRole('list', { name: 'Interested people' });
    await userEvent.click(
      within(people).getByRole('button', { name: 'Accept' }),
    );
    expect(api.respondToInterest).toHaveBeenCalledWith(5, 'accept');
  });

  it('lets someone else say they are interested, with a message, and no owner panel', async () => {
    const { api } = await renderPost(embed, ME);
    await userEvent.click(
      await screen.findByRole('button', { name: "I'm interested" }),
    );
    expect(screen.queryByText('You posted this')).toBeNull();
    expect(api.listInterests).not.toHaveBeenCalled();
    await userEvent.type(
      screen.getByLabelText('Message to the owner'),
      'Backend is my thing.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(api.expressInterest).toHaveBeenCalledWith(7, 'Backend is my thing.');
  });

  it('tells the owner how long each interest has waited', async () => {
    await renderPost(embed, OWNER);
    expect(await screen.findByText('You posted this')).toBeInTheDocument();
    // The interest was made on 2026-11-02: whole days since then.
    const days = Math.floor(
      (Date.now() - Date.parse('2026-11-02T00:00:00Z')) / 86_400_000,
    );
    expect(
      await screen.findByText(`I would love this. · waiting ${days} days`),
    ).toBeInTheDocument();
  });

  it('says how soon the owner usually answers, once they answered three times', async () => {
    await renderPost(
      { ...embed, ownerAnswers: { answered: 7, medianHours: 30 } },
      ME,
    );
    await screen.findByRole(
      'button',
      { name: "I'm interested" },
      { timeout: 10_000 },
    );
    expect(
      screen.getByText('Usually answers within 2 days (median of 7 answers)'),
    ).toBeInTheDocument();
  });

  it('says nothing of answer times it does not have', async () => {
    await renderPost(embed, ME);
    await screen.findByRole(
      'button',
      { name: "I'm interested" },
      { timeout: 10_000 },
    );
    expect(screen.queryByText(/Usually answers within/)).toBeNull();
  });

  it('offers a hack idea nobody has joined for adoption, and saving', async () => {
    const hack = post(9, 'hack', 'Loudness explorer', { owner: OWNER });
    const { api } = await renderPost(hack, ME);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Adopt this idea' }),
    );
    expect(api.joinHack).toHaveBeenCalledWith(9);
    expect(screen.getByText('Members (0)')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: "I'm interested" })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(api.setSaved).toHaveBeenCalledWith(9, true);
  });
});

describe('places of embeds and mentorships', () => {
  const accepted = {
    id: 6,
    postId: 7,
    user: 'user:default/ben',
    message: 'In.',
    status: 'accepted',
    createdAt: '2026-11-01T00:00:00Z',
  };

  it('shows the places taken and lets the owner accept while one is free', async () => {
    const open = post(7, 'embed', 'Two places', {
      owner: OWNER,
      headcount: 2,
      acceptedCount: 1,
    } as Partial<Post>);
    await renderPost(open, OWNER);
    expect(await screen.findByText(/1 of 2 places taken/)).toBeInTheDocument();
    const people = screen.getByRole('list', { name: 'Interested people' });
    expect(
      await within(people).findByRole('button', { name: 'Accept' }),
    ).toBeEnabled();
  });

  it('disables accepting on a full post, says why, and lets the owner withdraw an accepted person', async () => {
    const full = post(7, 'mentorship', 'Mentoring in Go', {
      owner: OWNER,
      status: 'filled',
      capacity: 1,
      acceptedCount: 1,
    } as Partial<Post>);
    const { api } = await renderPost(full, OWNER, {
      listInterests: jest.fn(async () => [
        accepted,
        { ...accepted, id: 5, user: ME, status: 'pending' },
      ]) as any,
    });
    const people = await screen.findByRole('list', {
      name: 'Interested people',
    });
    const accept = await within(people).findByRole('button', {
      name: 'Accept',
    });
    expect(accept).toBeDisabled();
    expect(accept).toHaveAccessibleDescription(
      '1 of 1 place taken. Withdraw an accepted person or raise the capacity to accept someone else.',
    );
    expect(
      within(people).getByRole('button', { name: 'Decline' }),
    ).toBeEnabled();
    expect(screen.getByText('Filled')).toBeInTheDocument();

    await userEvent.click(
      within(people).getByRole('button', { name: 'Withdraw ben' }),
    );
    expect(api.withdrawInterest).toHaveBeenCalledWith(6);
  });

  it('tells someone else that a filled post has no place left', async () => {
    const full = post(7, 'embed', 'Taken', {
      owner: OWNER,
      status: 'filled',
      acceptedCount: 1,
    } as Partial<Post>);
    await renderPost(full, ME);
    expect(
      await screen.findByRole('button', { name: "I'm interested" }),
    ).toBeDisabled();
    expect(
      screen.getByText('Filled: every place is taken.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/1 of 1 place taken/)).toBeInTheDocument();
  });
});

describe('a closed post', () => {
  it('tells an accepted person it is closed, with nothing left to ask or withdraw', async () => {
    const closed = post(12, 'embed', 'Android embed', {
      owner: OWNER,
      status: 'closed',
      myInterest: {
        id: 21,
        postId: 12,
        user: ME,
        message: '',
        status: 'accepted',
        createdAt: '2026-11-02T00:00:00Z',
        updatedAt: '2026-11-03T00:00:00Z',
        answeredAt: '2026-11-03T00:00:00Z',
        managerApproval: null,
      },
    } as Partial<Post>);
    await renderPost(closed, ME);
    expect(
      await screen.findByText('This embed is closed.', undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Withdraw' })).toBeNull();
    expect(
      screen.queryByRole('button', { name: 'Ask my manager to approve' }),
    ).toBeNull();
  });
});

const english = englishT();

describe('statusChanges', () => {
  it('fills and closes open embeds, only closes open hacks, reopens or closes filled posts, reopens closed ones', () => {
    const labels = (p: Pick<Post, 'kind' | 'status'>) =>
      statusChanges(p, english).map(c => `${c.label}->${c.to}`);
    expect(labels({ kind: 'embed', status: 'open' })).toEqual([
      'Mark filled->filled',
      'Close->closed',
    ]);
    expect(labels({ kind: 'hack', status: 'open' })).toEqual(['Close->closed']);
    expect(labels({ kind: 'mentorship', status: 'filled' })).toEqual([
      'Reopen->open',
      'Close->closed',
    ]);
    expect(labels({ kind: 'embed', status: 'closed' })).toEqual([
      'Reopen->open',
    ]);
  });
});

describe('manager approval on the applicant side', () => {
  const mine = (extra: object = {}) =>
    post(8, 'embed', 'Embed in Payments', {
      owner: OWNER,
      timeSharePercent: 40,
      durationWeeks: 6,
      myInterest: {
        id: 11,
        postId: 8,
        user: ME,
        message: '',
        status: 'pending',
        createdAt: '2026-11-02T00:00:00Z',
        updatedAt: '2026-11-02T00:00:00Z',
        answeredAt: null,
        managerApproval: null,
        ...extra,
      },
    } as Partial<Post>);

  it('shows the time share and lets the applicant ask their manager, saying what the manager sees', async () => {
    const { api, alertApi } = await renderPost(mine(), ME);
    expect(
      // The first render loads the post (and, under load, slowly).
      await screen.findByText(/2 days a week \(40%\) for 6 weeks/, undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/does not see your interest unless you ask/),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Ask my manager to approve' }),
    );
    await waitFor(() => expect(api.requestApproval).toHaveBeenCalledWith(11));
    expect(alertApi.post).toHaveBeenCalledWith(
      expect.objectContaining({
        message:
          'Your manager was asked to approve 2 days a week (40%) for 6 weeks',
      }),
    );
  });

  it("shows the manager's answer, and offers to ask again after a decline", async () => {
    await renderPost(
      mine({
        managerApproval: {
          status: 'declined',
          manager: 'user:default/dan',
          requestedAt: '2026-11-03T00:00:00Z',
          answeredAt: '2026-11-04T00:00:00Z',
          reason: 'After the release',
        },
      }),
      ME,
    );
    expect(
      await screen.findByText(
        'Manager declined: After the release',
        undefined,
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: 'Ask my manager again' }),
    ).toBeInTheDocument();
    // The manager was asked: the interest is no longer unseen by them.
    expect(screen.queryByText(/does not see your interest/)).toBeNull();
  });

  it('offers nothing when the portal turned approval off', async () => {
    const { api } = await renderPost(mine(), ME, {
      getSettings: jest.fn(async () => ({ managerApproval: 'off' as const })),
    });
    expect(
      await screen.findByText('Withdraw', undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
    await waitFor(() => expect(api.getSettings).toHaveBeenCalled());
    expect(screen.queryByRole('button', { name: /Ask my manager/ })).toBeNull();
  });
});
