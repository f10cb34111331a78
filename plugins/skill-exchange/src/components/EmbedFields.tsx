import { Grid, MenuItem, TextField } from '@material-ui/core';
import {
  formatTimeShare,
  PROFICIENCY_LEVELS,
} from '@onramp/backstage-plugin-skill-exchange-common';

/** An embed's share of the week: a day a week (20%) steps, and half days. */
const TIME_SHARES = [10, 20, 40, 50, 60, 80, 100];

/** The props of one form field, as the post form's `field` helper makes them. */
export type Field = (
  name: string,
  label: string,
  extra?: Record<string, unknown>,
) => Record<string, unknown>;

/**
 * The embed's own fields: hosting team, level, start, duration, time share,
 * location and headcount.
 */
export const EmbedFields = ({
  field,
  form,
  teams,
}: {
  field: Field;
  form: Record<string, any>;
  teams?: Array<{ ref: string; name: string }>;
}) => (
  <>
    <Grid item xs={12} md={6}>
      <TextField
        {...field('team', 'Hosting team', {
          select: true,
          required: true,
        })}
      >
        {(teams ?? []).map(t => (
          <MenuItem key={t.ref} value={t.ref}>
            {t.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        {...field('level', 'Expertise level wanted', {
          select: true,
        })}
      >
        {PROFICIENCY_LEVELS.map(l => (
          <MenuItem key={l.level} value={l.level}>
            {l.level} · {l.name}: {l.description}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        {...field('start', 'Start', {
          required: true,
          placeholder: '2027-Q1',
          helperText: 'A date (2027-01-11) or a quarter (2027-Q1)',
        })}
      />
    </Grid>
    <Grid item xs={12} md={6}>
      <TextField
        {...field('durationWeeks', 'Duration (weeks)', {
          type: 'number',
          inputProps: { min: 1, max: 52 },
        })}
      />
      <TextField
        {...field('timeSharePercent', 'Time share', {
          select: true,
          helperText:
            'How much of their week it takes; their manager sees it when asked to approve',
        })}
      >
        {TIME_SHARES.map(p => (
          <MenuItem key={p} value={p}>
            {formatTimeShare(p, 1).replace(/ for 1 week$/, '')}
          </MenuItem>
        ))}
      </TextField>
      <TextField {...field('location', 'Location', { select: true })}>
        <MenuItem value="remote">Remote</MenuItem>
        <MenuItem value="office">Office</MenuItem>
        <MenuItem value="flexible">Flexible</MenuItem>
      </TextField>
      {form.location === 'office' && (
        <TextField {...field('office', 'Office')} />
      )}
      <TextField
        {...field('headcount', 'Headcount', {
          type: 'number',
          inputProps: { min: 1, max: 20 },
        })}
      />
    </Grid>
  </>
);
