import { Grid, MenuItem, TextField } from '@material-ui/core';
import {
  HackEvent,
  LIMITS,
  registrationState,
  todayIso,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { HACK_CATEGORY_LABELS, HACK_LOCATION_LABELS } from './common';
import type { Field } from './EmbedFields';

/**
 * The events a hack can pick: those open for registration today, and the one
 * it is in already (it keeps it after registration closes).
 */
export function eventsToPick(events: HackEvent[], currentId?: number) {
  const today = todayIso();
  return events.filter(
    ev => ev.id === currentId || registrationState(ev, today) === 'open',
  );
}

/**
 * A hack's own fields: status, event, where people hack on it, what it is
 * about, and once completed its demo link and result.
 */
export const HackFields = ({
  field,
  events,
  form,
}: {
  field: Field;
  events: HackEvent[];
  form: Record<string, any>;
}) => (
  <>
    <Grid item xs={12} md={6}>
      <TextField {...field('stage', 'Status', { select: true })}>
        <MenuItem value="idea">Idea</MenuItem>
        <MenuItem value="in_progress">In progress</MenuItem>
        <MenuItem value="completed">Completed</MenuItem>
      </TextField>
      <TextField
        {...field('eventId', 'Hack event', {
          select: true,
          helperText: 'Events whose registration is open',
        })}
      >
        <MenuItem value="">No event</MenuItem>
        {eventsToPick(events, Number(form.eventId) || undefined).map(ev => (
          <MenuItem key={ev.id} value={ev.id}>
            {ev.name}
          </MenuItem>
        ))}
      </TextField>
    </Grid>
    <Grid item xs={12} md={6}>
      <TextField {...field('location', 'Where', { select: true })}>
        <MenuItem value="">Not said</MenuItem>
        {Object.entries(HACK_LOCATION_LABELS).map(([value, label]) => (
          <MenuItem key={value} value={value}>
            {label}
          </MenuItem>
        ))}
      </TextField>
      <TextField {...field('category', 'Category', { select: true })}>
        <MenuItem value="">No category</MenuItem>
        {Object.entries(HACK_CATEGORY_LABELS).map(([value, label]) => (
          <MenuItem key={value} value={value}>
            {label}
          </MenuItem>
        ))}
      </TextField>
    </Grid>
    {form.stage === 'completed' && (
      <Grid item xs={12}>
        <TextField
          {...field('demoUrl', 'Demo link', {
            type: 'url',
            helperText:
              'A recording or the running demo (in an event, once it shows results)',
          })}
        />
        <TextField
          {...field('resultSummary', 'Result summary', {
            multiline: true,
            minRows: 2,
            inputProps: { maxLength: LIMITS.message },
          })}
        />
      </Grid>
    )}
  </>
);
