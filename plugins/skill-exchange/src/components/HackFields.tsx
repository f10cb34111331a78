import { Grid, MenuItem, TextField } from '@material-ui/core';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  HACK_CATEGORIES,
  HACK_STAGES,
  HackEvent,
  LIMITS,
  LOCATIONS,
  registrationState,
  todayIso,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeTranslationRef } from '../translation';
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
}) => {
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  return (
    <>
      <Grid item xs={12} md={6}>
        <TextField
          {...field('stage', t('posts.hackFields.status'), { select: true })}
        >
          {HACK_STAGES.map(stage => (
            <MenuItem key={stage} value={stage}>
              {t(`posts.stage.${stage}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          {...field(
            'eventId',
            t('posts.filters.event', { kind: t('common.kinds.hack') }),
            {
              select: true,
              helperText: t('posts.hackFields.eventHelp'),
            },
          )}
        >
          <MenuItem value="">{t('posts.hackFields.noEvent')}</MenuItem>
          {eventsToPick(events, Number(form.eventId) || undefined).map(ev => (
            <MenuItem key={ev.id} value={ev.id}>
              {ev.name}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12} md={6}>
        <TextField
          {...field('location', t('posts.hackFields.where'), { select: true })}
        >
          <MenuItem value="">{t('posts.hackFields.notSaid')}</MenuItem>
          {LOCATIONS.map(l => (
            <MenuItem key={l} value={l}>
              {t(`posts.hackLocation.${l}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          {...field('category', t('posts.hackFields.category'), {
            select: true,
          })}
        >
          <MenuItem value="">{t('posts.hackFields.noCategory')}</MenuItem>
          {HACK_CATEGORIES.map(c => (
            <MenuItem key={c} value={c}>
              {t(`posts.hackCategory.${c}`)}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      {form.stage === 'completed' && (
        <Grid item xs={12}>
          <TextField
            {...field('demoUrl', t('posts.hackFields.demoUrl'), {
              type: 'url',
              helperText: t('posts.hackFields.demoUrlHelp'),
            })}
          />
          <TextField
            {...field('resultSummary', t('posts.hackFields.resultSummary'), {
              multiline: true,
              minRows: 2,
              inputProps: { maxLength: LIMITS.message },
            })}
          />
        </Grid>
      )}
    </>
  );
};
