import { useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Box, Button, MenuItem, TextField } from '@material-ui/core';
import EditIcon from '@material-ui/icons/Edit';
import {
  EVENT_PHASES,
  EventPhase,
  HackEvent,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../../api';
import { skillExchangeTranslationRef } from '../../translation';
import { useAction } from '../useAction';
import { EventFormDialog } from './EventFormDialog';
import { hackWords } from './eventText';

/** For an event's organisers (and moderators): edit it, move its phase. */
export const OrganiserCard = ({
  event,
  onChange,
}: {
  event: HackEvent;
  onChange: () => void;
}) => {
  const api = useApi(skillExchangeApiRef);
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const [editing, setEditing] = useState(false);
  const { busy, run } = useAction(onChange);

  const movePhase = (phase: EventPhase) =>
    run(
      () =>
        api.updateEvent(event.id, {
          name: event.name,
          description: event.description,
          startsOn: event.startsOn,
          endsOn: event.endsOn,
          registrationOpensOn: event.registrationOpensOn,
          registrationClosesOn: event.registrationClosesOn,
          organisers: event.organisers,
          phase,
          version: event.version,
        }),
      t(`events.phaseMoved.${phase}`, { event: event.name }),
    );

  return (
    <InfoCard title={t('events.organise.title')}>
      <TextField
        id="sx-event-phase"
        select
        fullWidth
        variant="outlined"
        margin="dense"
        label={t('events.organise.phase')}
        value={event.phase}
        disabled={busy}
        helperText={t(`events.phaseHints.${event.phase}`, hackWords(t))}
        onChange={e => movePhase(e.target.value as EventPhase)}
      >
        {EVENT_PHASES.map(phase => (
          <MenuItem key={phase} value={phase}>
            {t(`events.phases.${phase}`)}
          </MenuItem>
        ))}
      </TextField>
      <Box mt={2}>
        <Button
          variant="outlined"
          startIcon={<EditIcon />}
          onClick={() => setEditing(true)}
        >
          {t('events.organise.edit')}
        </Button>
      </Box>
      {editing && (
        <EventFormDialog
          event={event}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onChange();
          }}
        />
      )}
    </InfoCard>
  );
};
