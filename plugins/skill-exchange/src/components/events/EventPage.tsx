import { useParams } from 'react-router-dom';
import {
  Content,
  Header,
  InfoCard,
  Link,
  LinkButton,
  MarkdownContent,
  Page,
  Progress,
} from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  Box,
  Chip,
  Grid,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@material-ui/core';
import AddIcon from '@material-ui/icons/Add';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  HackEvent,
  Post,
  registrationClosedReason,
  skillExchangePostModeratePermission,
  todayIso,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../../api';
import { ErrorPage, STAGE_LABELS, useSkillExchangePath } from '../common';
import { CalendarButton } from '../CalendarButton';
import { OrganiserCard } from './OrganiserCard';
import {
  dateRange,
  formatDay,
  organises,
  PHASE_LABELS,
  registrationText,
} from './eventText';

/** A hack of the event: its page, stage, people and, once in, its result. */
const HackItem = ({ hack }: { hack: Post }) => {
  const path = useSkillExchangePath();
  if (hack.kind !== 'hack') return null;
  const people = hack.members.length;
  return (
    <ListItem divider alignItems="flex-start">
      <ListItemText
        primary={<Link to={path(`/posts/${hack.id}`)}>{hack.title}</Link>}
        secondaryTypographyProps={{ component: 'div' }}
        secondary={
          <>
            {STAGE_LABELS[hack.stage]} · {people}{' '}
            {people === 1 ? 'person' : 'people'}
            {hack.resultSummary && (
              <Typography variant="body2" color="textPrimary">
                Result: {hack.resultSummary}
              </Typography>
            )}
            {hack.demoUrl && (
              <Link to={hack.demoUrl} underline="always">
                Demo of {hack.title}
              </Link>
            )}
          </>
        }
      />
    </ListItem>
  );
};

const TakePart = ({ event }: { event: HackEvent }) => {
  const api = useApi(skillExchangeApiRef);
  const path = useSkillExchangePath();
  const closed = registrationClosedReason(event, todayIso());
  return (
    <InfoCard title="Take part">
      <Typography variant="body2" paragraph>
        {closed ?? registrationText(event, todayIso())}
      </Typography>
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        {!closed && (
          <LinkButton
            variant="contained"
            color="primary"
            startIcon={<AddIcon />}
            to={path(`/new/hack?eventId=${event.id}`)}
          >
            Add a hack
          </LinkButton>
        )}
        <CalendarButton
          load={() => api.getEventCalendar(event.id)}
          fileName={`hack-event-${event.id}.ics`}
        />
      </Box>
    </InfoCard>
  );
};

/** A hack event: what and when, its hacks, and its organisers' controls. */
export const EventPage = () => {
  const { id = '' } = useParams();
  const api = useApi(skillExchangeApiRef);
  const identityApi = useApi(identityApiRef);
  const path = useSkillExchangePath();
  const { allowed: moderator } = usePermission({
    permission: skillExchangePostModeratePermission,
  });
  const state = useAsyncRetry(async () => {
    const eventId = Number(id);
    const [event, hacks, identity] = await Promise.all([
      api.getEvent(eventId),
      api.listPosts({ kind: 'hack', eventId, sort: 'title', limit: 100 }),
      identityApi.getBackstageIdentity(),
    ]);
    return { event, hacks: hacks.items, me: identity.userEntityRef };
  }, [api, id]);

  if (state.loading && !state.value) return <Progress />;
  if (state.error) {
    return (
      <ErrorPage title="Hack event" error={state.error}>
        <Link to={path('/events')}>Back to the events</Link>
      </ErrorPage>
    );
  }
  const { event, hacks, me } = state.value!;

  return (
    <Page themeId="tool">
      <Header
        title={event.name}
        subtitle={dateRange(event)}
        type="Hack event"
        typeLink={path('/events')}
      >
        <Chip label={`Phase: ${PHASE_LABELS[event.phase]}`} color="primary" />
      </Header>
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12} md={8}>
            <InfoCard title="About">
              <Typography variant="body2" color="textSecondary" paragraph>
                {dateRange(event)} · Registration{' '}
                {event.registrationOpensOn
                  ? `from ${formatDay(event.registrationOpensOn)} `
                  : ''}
                until {formatDay(event.registrationClosesOn)}
              </Typography>
              <MarkdownContent
                content={event.description || '_No description._'}
              />
            </InfoCard>
            <Box mt={3}>
              <InfoCard title={`Hacks (${hacks.length})`}>
                {hacks.length ? (
                  <List aria-label={`Hacks of ${event.name}`} dense>
                    {hacks.map(hack => (
                      <HackItem key={hack.id} hack={hack} />
                    ))}
                  </List>
                ) : (
                  <Typography variant="body2">
                    No hacks yet: be the first to add one.
                  </Typography>
                )}
              </InfoCard>
            </Box>
          </Grid>
          <Grid item xs={12} md={4}>
            <TakePart event={event} />
            {(moderator || organises(event, me)) && (
              <Box mt={3}>
                <OrganiserCard event={event} onChange={state.retry} />
              </Box>
            )}
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
};
