import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  Box,
  Button,
  Chip,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import AddIcon from '@material-ui/icons/Add';
import useAsync from 'react-use/esm/useAsync';
import {
  HackEvent,
  skillExchangeEventCreatePermission,
  todayIso,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../../api';
import { skillExchangeTranslationRef } from '../../translation';
import { useSkillExchangePath } from '../common';
import { EventFormDialog } from './EventFormDialog';
import { MyHacksCalendarButton } from './MyHacksCalendarButton';
import { dateRange, hackWords, registrationText } from './eventText';

const EventRow = ({ event, today }: { event: HackEvent; today: string }) => {
  const path = useSkillExchangePath();
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  return (
    <TableRow>
      <TableCell component="th" scope="row">
        <Link to={path(`/events/${event.id}`)}>{event.name}</Link>
      </TableCell>
      <TableCell>{dateRange(t, event)}</TableCell>
      <TableCell>
        <Chip
          size="small"
          label={t(`events.phases.${event.phase}`)}
          color={event.phase === 'results' ? 'default' : 'primary'}
        />
      </TableCell>
      <TableCell>{registrationText(t, event, today)}</TableCell>
      <TableCell align="right">{event.hackCount}</TableCell>
    </TableRow>
  );
};

/**
 * The Events tab: hack events, upcoming first, with their phase, whether
 * hacks can still register and how many did; "Create event" for those the
 * policy lets create events.
 */
export const EventsTab = () => {
  const api = useApi(skillExchangeApiRef);
  const navigate = useNavigate();
  const path = useSkillExchangePath();
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const hack = hackWords(t);
  const { allowed: canCreate } = usePermission({
    permission: skillExchangeEventCreatePermission,
  });
  const [creating, setCreating] = useState(false);
  const events = useAsync(() => api.listEvents(), [api]);
  const today = todayIso();

  return (
    <>
      <Box
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        flexWrap="wrap"
        mb={2}
        style={{ gap: 8 }}
      >
        <Typography variant="body1">{t('events.tab.intro', hack)}</Typography>
        <Box display="flex" style={{ gap: 8 }}>
          <MyHacksCalendarButton />
          {canCreate && (
            <Button
              variant="contained"
              color="primary"
              startIcon={<AddIcon />}
              onClick={() => setCreating(true)}
            >
              {t('events.tab.create')}
            </Button>
          )}
        </Box>
      </Box>
      {events.loading && <Progress />}
      {events.error && <ResponseErrorPanel error={events.error} />}
      {events.value?.length === 0 && (
        <EmptyState
          missing="data"
          title={t('events.tab.emptyTitle', hack)}
          description={t('events.tab.emptyDescription', hack)}
        />
      )}
      {!!events.value?.length && (
        <TableContainer component={Paper}>
          <Table aria-label={t('events.tab.tableLabel', hack)} size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('events.tab.columns.event')}</TableCell>
                <TableCell>{t('events.tab.columns.dates')}</TableCell>
                <TableCell>{t('events.tab.columns.phase')}</TableCell>
                <TableCell>{t('events.tab.columns.registration')}</TableCell>
                <TableCell align="right">{hack.Hacks}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {events.value.map(event => (
                <EventRow key={event.id} event={event} today={today} />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {creating && (
        <EventFormDialog
          onClose={() => setCreating(false)}
          onSaved={saved => navigate(path(`/events/${saved.id}`))}
        />
      )}
    </>
  );
};
