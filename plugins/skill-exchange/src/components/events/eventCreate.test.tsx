import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AMARA, renderEvents } from '../__testUtils__/renderEvents';
import { EventsTab } from './EventsTab';

jest.setTimeout(30_000);

/** Where the policy allows creating events (a file of its own: see renderEvents). */
describe('EventsTab for those allowed', () => {
  it('lets those allowed create an event, checking its dates first', async () => {
    const api = await renderEvents(<EventsTab />, { me: AMARA, allowed: true });
    fireEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Create event' },
        { timeout: 10_000 },
      ),
    );
    const form = screen.getByRole('form', { name: 'Create a hack event' });
    fireEvent.change(within(form).getByLabelText(/^Name/), {
      target: { value: 'Spring hack days' },
    });
    fireEvent.change(within(form).getByLabelText(/^First day/), {
      target: { value: '2027-03-10' },
    });
    fireEvent.change(within(form).getByLabelText(/^Last day/), {
      target: { value: '2027-03-12' },
    });
    fireEvent.change(within(form).getByLabelText(/^Registration closes/), {
      target: { value: '2027-03-20' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Create event' }));
    expect(
      await within(form).findByText(
        'registration must close on or before the last day',
      ),
    ).toBeInTheDocument();
    expect(api.createEvent).not.toHaveBeenCalled();

    fireEvent.change(within(form).getByLabelText(/^Registration closes/), {
      target: { value: '2027-03-11' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Create event' }));
    await waitFor(() =>
      expect(api.createEvent).toHaveBeenCalledWith({
        name: 'Spring hack days',
        description: '',
        startsOn: '2027-03-10',
        endsOn: '2027-03-12',
        registrationOpensOn: null,
        registrationClosesOn: '2027-03-11',
        organisers: [],
        phase: 'planning',
      }),
    );
  });
});
