import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@material-ui/core';
import {
  formatSlot,
  PairingPost,
  PairingSlot,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { CalendarButton } from './CalendarButton';
import { PersonLink } from './common';
import { useAction } from './useAction';

/** A slot in the viewer's time zone: "Tue 8 Dec 14:00–15:00". */
export function slotText(slot: Pick<PairingSlot, 'startsAt' | 'endsAt'>) {
  return formatSlot(slot, new Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/**
 * A pairing session's slots: others book one; once booked, the owner and
 * the booker see who and when, may cancel, and add it to their calendar.
 */
export const PairingSession = ({
  post,
  me,
  onChange,
}: {
  post: PairingPost;
  me: string;
  onChange: () => void;
}) => {
  const api = useApi(skillExchangeApiRef);
  const { busy, run } = useAction(onChange);
  const { booking } = post;
  const bookedSlot = post.slots.find(s => s.id === booking?.slotId);
  const involved = booking && (me === post.owner || me === booking.user);
  const canBook = !booking && post.status === 'open' && post.owner !== me;
  return (
    <InfoCard title={`Pairing session · ${post.durationMinutes} minutes`}>
      {booking && bookedSlot ? (
        <Box display="flex" flexDirection="column" style={{ gap: 8 }}>
          <Typography variant="body1" data-testid="pairing-booking">
            Booked by <PersonLink userRef={booking.user} inText /> for{' '}
            <strong>{slotText(bookedSlot)}</strong>
          </Typography>
          {involved && (
            <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
              <CalendarButton
                variant="contained"
                load={() => api.getPairingInvite(post.id)}
                fileName={`pairing-${post.id}.ics`}
              />
              <Button
                variant="outlined"
                disabled={busy}
                onClick={() =>
                  run(
                    () => api.cancelPairingBooking(post.id),
                    'Booking cancelled',
                  )
                }
              >
                Cancel booking
              </Button>
            </Box>
          )}
        </Box>
      ) : (
        <Typography variant="body2">
          {post.status === 'open'
            ? 'Pick a time that suits you.'
            : 'This session is not open for booking.'}
        </Typography>
      )}
      <List dense aria-label="Slots">
        {post.slots.map(slot => (
          <ListItem key={slot.id} divider>
            <ListItemText
              primary={slotText(slot)}
              secondary={slot.id === booking?.slotId ? 'Booked' : undefined}
            />
            {canBook && (
              <Button
                size="small"
                variant="contained"
                color="primary"
                disabled={busy}
                aria-label={`Book ${slotText(slot)}`}
                onClick={() =>
                  run(
                    () => api.bookPairingSlot(post.id, slot.id),
                    'Booked: you both got a notification',
                  )
                }
              >
                Book
              </Button>
            )}
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
};
