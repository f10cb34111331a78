import { Grid, MenuItem, TextField } from '@material-ui/core';
import type { HackEvent } from '@onramp/backstage-plugin-skill-exchange-common';
import { HACK_CATEGORY_LABELS, HACK_LOCATION_LABELS } from './common';
import type { Field } from './EmbedFields';

/** A hack's own fields: status, event, where people hack on it, what it is about. */
export const HackFields = ({
  field,
  events,
}: {
  field: Field;
  events: HackEvent[];
}) => (
  <>
    <Grid item xs={12} md={6}>
      <TextField {...field('stage', 'Status', { select: true })}>
        <MenuItem value="idea">Idea</MenuItem>
        <MenuItem value="in_progress">In progress</MenuItem>
        <MenuItem value="completed">Completed</MenuItem>
      </TextField>
      <TextField {...field('eventId', 'Hack event', { select: true })}>
        <MenuItem value="">No event</MenuItem>
        {events.map(ev => (
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
  </>
);
