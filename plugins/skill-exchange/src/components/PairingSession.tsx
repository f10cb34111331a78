import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
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
import { skillExchangeTranslationRef } from '../translation';
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
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const { busy, run } = useAction(onChange);
  const { booking } = post;
  const bookedSlot = post.slots.find(s => s.id === booking?.slotId);
  const involved = booking && (me === post.owner || me === booking.user);
  const canBook = !booking && post.status === 'open' && post.owner !== me;
  return (
    <InfoCard
      title={t('posts.pairingSession.title', {
        kind: t('common.kinds.pairing'),
        minutes: String(post.durationMinutes),
      })}
    >
      {booking && bookedSlot ? (
        <Box display="flex" flexDirection="column" style={{ gap: 8 }}>
          <Typography variant="body1" data-testid="pairing-booking">
            {t('posts.pairingSession.bookedBy', {
              person: <PersonLink userRef={booking.user} inText />,
              slot: <strong>{slotText(bookedSlot)}</strong>,
            })}
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
                    t('posts.pairingSession.bookingCancelled'),
                  )
                }
              >
                {t('posts.pairingSession.cancelBooking')}
              </Button>
            </Box>
          )}
        </Box>
      ) : (
        <Typography variant="body2">
          {post.status === 'open'
            ? t('posts.pairingSession.pickATime')
            : t('posts.pairingSession.notOpen')}
        </Typography>
      )}
      <List dense aria-label={t('posts.pairingSession.slots')}>
        {post.slots.map(slot => (
          <ListItem key={slot.id} divider>
            <ListItemText
              primary={slotText(slot)}
              secondary={
                slot.id === booking?.slotId
                  ? t('posts.pairingSession.booked')
                  : undefined
              }
            />
            {canBook && (
              <Button
                size="small"
                variant="contained"
                color="primary"
                disabled={busy}
                aria-label={t('posts.pairingSession.bookSlot', {
                  slot: slotText(slot),
                })}
                onClick={() =>
                  run(
                    () => api.bookPairingSlot(post.id, slot.id),
                    t('posts.pairingSession.bookedToast'),
                  )
                }
              >
                {t('posts.pairingSession.book')}
              </Button>
            )}
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
};
