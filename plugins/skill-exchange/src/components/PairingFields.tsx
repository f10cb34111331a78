import {
  Box,
  Button,
  Grid,
  IconButton,
  MenuItem,
  TextField,
  Typography,
} from '@material-ui/core';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  PAIRING_LIMITS,
  PairingPost,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeTranslationRef } from '../translation';
import type { Field } from './EmbedFields';

/** 60, 75, 90, 105 and 120 minutes. */
const DURATIONS = [60, 75, 90, 105, 120];

/** A slot as the form holds it: the local date and time of its start. */
type FormSlot = { start: string };

/** An ISO time as a `datetime-local` input shows it (local time). */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const local = new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A pairing post's own fields as the form holds them. */
export function pairingFormState(post?: PairingPost) {
  return {
    mode: post?.mode ?? 'offering',
    durationMinutes: post?.durationMinutes ?? 60,
    slots: post
      ? post.slots.map(s => ({ start: toLocalInput(s.startsAt) }))
      : [{ start: '' }],
  };
}

/**
 * The form's slots as the API takes them: each ends `durationMinutes` after
 * it starts; a start that is no time is passed on as typed, for the schema
 * to name.
 */
export function pairingSlotsInput(form: Record<string, any>) {
  const minutes = Number(form.durationMinutes);
  return (form.slots as FormSlot[]).map(({ start }) => {
    const time = new Date(start).getTime();
    if (Number.isNaN(time)) return { startsAt: start, endsAt: start };
    return {
      startsAt: new Date(time).toISOString(),
      endsAt: new Date(time + minutes * 60_000).toISOString(),
    };
  });
}

/**
 * A pairing session's own fields: offering or asking, how long, and the
 * slots (1 to 6) it can take place in, in local time.
 */
export const PairingFields = ({
  field,
  form,
  errors,
  onSlots,
}: {
  field: Field;
  form: Record<string, any>;
  errors: Record<string, string>;
  onSlots: (slots: FormSlot[]) => void;
}) => {
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const slots = form.slots as FormSlot[];
  const setSlot = (i: number, start: string) =>
    onSlots(slots.map((s, j) => (j === i ? { start } : s)));
  return (
    <>
      <Grid item xs={12} md={6}>
        <TextField
          {...field('mode', t('posts.postForm.iAm'), { select: true })}
        >
          <MenuItem value="offering">
            {t('posts.pairingFields.offering')}
          </MenuItem>
          <MenuItem value="seeking">
            {t('posts.pairingFields.seeking')}
          </MenuItem>
        </TextField>
        <TextField
          {...field('durationMinutes', t('posts.pairingFields.length'), {
            select: true,
          })}
        >
          {DURATIONS.map(m => (
            <MenuItem key={m} value={m}>
              {t('posts.pairingFields.minutes', { minutes: String(m) })}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12} md={6}>
        <Typography variant="subtitle2" component="h3" id="sx-slots-label">
          {t('posts.pairingFields.slots')}
        </Typography>
        {errors.slots && (
          <Typography variant="body2" color="error" role="alert">
            {errors.slots}
          </Typography>
        )}
        {slots.map((slot, i) => (
          <Box key={i} display="flex" alignItems="center" style={{ gap: 8 }}>
            <TextField
              id={`sx-slot-${i}`}
              label={t('posts.pairingFields.slotStarts', {
                number: String(i + 1),
              })}
              type="datetime-local"
              value={slot.start}
              onChange={e => setSlot(i, e.target.value)}
              error={Boolean(errors[`slots.${i}`])}
              helperText={errors[`slots.${i}`]}
              InputLabelProps={{ shrink: true }}
              variant="outlined"
              margin="dense"
              fullWidth
            />
            <IconButton
              aria-label={t('posts.pairingFields.removeSlot', {
                number: String(i + 1),
              })}
              disabled={slots.length === 1}
              onClick={() => onSlots(slots.filter((_, j) => j !== i))}
            >
              <DeleteIcon />
            </IconButton>
          </Box>
        ))}
        <Button
          startIcon={<AddIcon />}
          disabled={slots.length >= PAIRING_LIMITS.maxSlots}
          onClick={() => onSlots([...slots, { start: '' }])}
        >
          {t('posts.pairingFields.addSlot')}
        </Button>
      </Grid>
    </>
  );
};
