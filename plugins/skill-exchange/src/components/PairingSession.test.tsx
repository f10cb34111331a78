import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Post } from '@onramp/backstage-plugin-skill-exchange-common';
import { ME, OWNER, renderPost } from './__testUtils__/renderPost';
import { slotText } from './PairingSession';
import { post } from './testData';

jest.setTimeout(30_000);

const open = post(7, 'pairing', 'An hour of Kotlin', {
  owner: OWNER,
  skills: ['Kotlin'],
});
const booked = {
  ...open,
  status: 'filled',
  booking: { slotId: 12, user: ME, bookedAt: '2026-12-07T09:00:00Z' },
} as Post;
const [first, second] = (open as Extract<Post, { kind: 'pairing' }>).slots;

describe('the pairing post page', () => {
  it('lets someone else book a slot, and offers no interest or save-free extras', async () => {
    const { api } = await renderPost(open, ME, {
      bookPairingSlot: jest.fn(async () => booked),
    });
    expect(
      await screen.findByText('Pairing session · 60 minutes', undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: "I'm interested" })).toBeNull();
    expect(screen.getByText('Can offer help with')).toBeInTheDocument();
    expect(
      screen.getByText('Offering a 60-minute session · 2 slots'),
    ).toBeInTheDocument();
    const slots = screen.getByRole('list', { name: 'Slots' });
    expect(within(slots).getByText(slotText(first))).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: `Book ${slotText(second)}` }),
    );
    expect(api.bookPairingSlot).toHaveBeenCalledWith(7, 12);
    await waitFor(() => expect(api.getPost).toHaveBeenCalledTimes(2));
  });

  it('shows the booker the booking, the invite and cancelling', async () => {
    const createObjectURL = jest.fn(() => 'blob:invite');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const { api } = await renderPost(booked, ME, {
      getPairingInvite: jest.fn(async () => 'BEGIN:VCALENDAR'),
      cancelPairingBooking: jest.fn(async () => open),
    });
    const line = await screen.findByTestId('pairing-booking', undefined, {
      timeout: 10_000,
    });
    expect(line).toHaveTextContent(
      `Booked by sofia.marquez for ${slotText(second)}`,
    );
    expect(screen.queryByRole('button', { name: /^Book / })).toBeNull();
    await userEvent.click(
      screen.getByRole('button', { name: 'Add to calendar' }),
    );
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    expect(api.getPairingInvite).toHaveBeenCalledWith(7);
    await userEvent.click(
      screen.getByRole('button', { name: 'Cancel booking' }),
    );
    expect(api.cancelPairingBooking).toHaveBeenCalledWith(7);
  });

  it('gives the owner the booking but no Book buttons, Mark filled or Reopen', async () => {
    await renderPost(booked, OWNER);
    expect(
      await screen.findByText('You posted this', undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('pairing-booking')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Cancel booking' }),
    ).toBeEnabled();
    expect(screen.queryByRole('button', { name: /^Book / })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Mark filled' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reopen' })).toBeNull();
    expect(screen.queryByText('Interested people')).toBeNull();
  });

  it('shows others a booked session without the booking actions', async () => {
    await renderPost(booked, 'user:default/someone-else');
    expect(
      await screen.findByTestId('pairing-booking', undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel booking' })).toBeNull();
    expect(
      screen.queryByRole('button', { name: 'Add to calendar' }),
    ).toBeNull();
    expect(screen.queryByRole('button', { name: /^Book / })).toBeNull();
  });
});
