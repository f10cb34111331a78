import { Grid, MenuItem, TextField } from '@material-ui/core';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  LOCATIONS,
  PROFICIENCY_LEVELS,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeTranslationRef } from '../translation';
import { levelDescription, levelNameOf, timeShareText } from './common';

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
}) => {
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  return (
    <>
      <Grid item xs={12} md={6}>
        <TextField
          {...field('team', t('posts.embedFields.team'), {
            select: true,
            required: true,
          })}
        >
          {(teams ?? []).map(team => (
            <MenuItem key={team.ref} value={team.ref}>
              {team.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          {...field('level', t('posts.embedFields.level'), {
            select: true,
          })}
        >
          {PROFICIENCY_LEVELS.map(l => (
            <MenuItem key={l.level} value={l.level}>
              {l.level} · {levelNameOf(t, l.level)}:{' '}
              {levelDescription(l.level, t)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          {...field('start', t('posts.embedFields.start'), {
            required: true,
            placeholder: '2027-Q1',
            helperText: t('posts.embedFields.startHelp'),
          })}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <TextField
          {...field('durationWeeks', t('posts.embedFields.duration'), {
            type: 'number',
            inputProps: { min: 1, max: 52 },
          })}
        />
        <TextField
          {...field('timeSharePercent', t('posts.embedFields.timeShare'), {
            select: true,
            helperText: t('posts.embedFields.timeShareHelp'),
          })}
        >
          {TIME_SHARES.map(p => (
            <MenuItem key={p} value={p}>
              {timeShareText(t, p)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          {...field('location', t('posts.embedFields.location'), {
            select: true,
          })}
        >
          {LOCATIONS.map(l => (
            <MenuItem key={l} value={l}>
              {t(`posts.location.${l}`)}
            </MenuItem>
          ))}
        </TextField>
        {form.location === 'office' && (
          <TextField {...field('office', t('posts.embedFields.office'))} />
        )}
        <TextField
          {...field('headcount', t('posts.embedFields.headcount'), {
            type: 'number',
            inputProps: { min: 1, max: 20 },
          })}
        />
      </Grid>
    </>
  );
};
