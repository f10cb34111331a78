import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { hackEvent, inDays } from '../testData';
import { eventsToPick } from '../HackFields';
import { past, renderEvents, upcoming } from '../__testUtils__/renderEvents';
import { EventsTab } from './EventsTab';

jest.setTimeout(30_000);

describe('EventsTab', () => {
  it('lists events upcoming first with phase, registration and hacks', async () => {
    await renderEvents(<EventsTab />);
    const table = await screen.findByRole(
      'table',
      { name: 'Hack events' },
      { timeout: 10_000 },
    );
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(r => within(r).getByRole('link').textContent)).toEqual([
      'Hack Week #8',
      'Hack Week #7',
    ]);
    expect(within(rows[0]).getByText('Planning')).toBeInTheDocument();
    expect(
      within(rows[0]).getByText(/^Registration open until/),
    ).toBeInTheDocument();
    expect(within(rows[1]).getByText('Results')).toBeInTheDocument();
    expect(
      within(rows[1]).getByText('Registration closed'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'My hacks calendar' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create event' })).toBeNull();
  });
});

describe('EventPage', () => {
  it('shows a past event with its hacks and results, no organiser controls', async () => {
    const api = await renderEvents(<div />, { route: '/events/1' });
    expect(
      await screen.findByText('Loudness explorer', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(api.listPosts).toHaveBeenCalledWith(
      expect.objectContaining({ kind: 'hack', eventId: 1 }),
    );
    expect(screen.getByText('Phase: Results')).toBeInTheDocument();
    expect(
      screen.getByText('Result: A working comparison tool.'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /^Demo of Loudness explorer/ }),
    ).toHaveAttribute('href', 'https://example.com/demos/loudness');
    expect(
      screen.getByText(/is showing its results; hacks can no longer join it/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Add a hack/ })).toBeNull();
    expect(screen.queryByText('Organise')).toBeNull();

    const createObjectURL = jest.fn(() => 'blob:calendar');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    fireEvent.click(screen.getByRole('button', { name: 'Add to calendar' }));
    await waitFor(() => expect(api.getEventCalendar).toHaveBeenCalledWith(1));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
  });

  it('lets an organiser move the phase and offers adding a hack while open', async () => {
    const api = await renderEvents(<div />, {
      route: '/events/2',
      me: 'user:default/Amara.Okafor',
    });
    const add = await screen.findByRole(
      'button',
      { name: /Add a hack/ },
      { timeout: 10_000 },
    );
    expect(add).toHaveAttribute('href', '/skill-exchange/new/hack?eventId=2');
    fireEvent.mouseDown(screen.getByLabelText('Phase'));
    fireEvent.click(await screen.findByRole('option', { name: 'Hacking' }));
    await waitFor(() =>
      expect(api.updateEvent).toHaveBeenCalledWith(
        2,
        expect.objectContaining({
          phase: 'hacking',
          version: 1,
          registrationClosesOn: inDays(11),
        }),
      ),
    );
    expect(
      screen.getByRole('button', { name: 'Edit event' }),
    ).toBeInTheDocument();
  });
});

describe('the hack form', () => {
  it('offers the events open for registration, and the one a hack is in', () => {
    const notYet = hackEvent(3, 'Later', { registrationOpensOn: inDays(3) });
    expect(eventsToPick([upcoming, past, notYet]).map(e => e.id)).toEqual([2]);
    expect(eventsToPick([upcoming, past, notYet], 1).map(e => e.id)).toEqual([
      2, 1,
    ]);
  });
});
