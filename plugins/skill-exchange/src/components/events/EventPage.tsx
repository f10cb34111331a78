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
import { useTranslationRef } from '@backstage/frontend-plugin-api';
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
  skillExchangePostModeratePermission,
  todayIso,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../../api';
import { skillExchangeTranslationRef } from '../../translation';
import { ErrorPage, useSkillExchangePath } from '../common';
import { CalendarButton } from '../CalendarButton';
import { OrganiserCard } from './OrganiserCard';
import {
  dateRange,
  day,
  hackWords,
  organises,
  registrationClosedText,
  registrationText,
} from './eventText';

/** A hack of the event: its page, stage, people and, once in, its result. */
const HackItem = ({ hack }: { hack: Post }) => {
  const path = useSkillExchangePath();
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  if (hack.kind !== 'hack') return null;
  const people = hack.members.length;
  return (
    <ListItem divider alignItems="flex-start">
      <ListItemText
        primary={<Link to={path(`/posts/${hack.id}`)}>{hack.title}</Link>}
        secondaryTypographyProps={{ component: 'div' }}
        secondary={
          <>
            {t(`posts.stage.${hack.stage}`)} ·{' '}
            {t('events.page.people', { count: people })}
            {hack.resultSummary && (
              <Typography variant="body2" color="textPrimary">
                {t('events.page.result', { result: hack.resultSummary })}
              </Typography>
            )}
            {hack.demoUrl && (
              <Link to={hack.demoUrl} underline="always">
                {t('events.page.demo', { title: hack.title })}
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
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const closed = registrationClosedText(t, event, todayIso());
  return (
    <InfoCard title={t('events.page.takePart')}>
      <Typography variant="body2" paragraph>
        {closed ?? registrationText(t, event, todayIso())}
      </Typography>
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        {!closed && (
          <LinkButton
            variant="contained"
            color="primary"
            startIcon={<AddIcon />}
            to={path(`/new/hack?eventId=${event.id}`)}
          >
            {t('events.page.addHack', hackWords(t))}
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
  const { t } = useTranslationRef(skillExchangeTranslationRef);
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
      <ErrorPage
        title={t('events.page.type', hackWords(t))}
        error={state.error}
      >
        <Link to={path('/events')}>{t('events.page.back')}</Link>
      </ErrorPage>
    );
  }
  const { event, hacks, me } = state.value!;

  return (
    <Page themeId="tool">
      <Header
        title={event.name}
        subtitle={dateRange(t, event)}
        type={t('events.page.type', hackWords(t))}
        typeLink={path('/events')}
      >
        <Chip
          label={t('events.page.phase', {
            phase: t(`events.phases.${event.phase}`),
          })}
          color="primary"
        />
      </Header>
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12} md={8}>
            <InfoCard title={t('events.page.about')}>
              <Typography variant="body2" color="textSecondary" paragraph>
                {dateRange(t, event)} ·{' '}
                {event.registrationOpensOn
                  ? t('events.page.registrationFromUntil', {
                      opens: day(t, event.registrationOpensOn),
                      closes: day(t, event.registrationClosesOn),
                    })
                  : t('events.page.registrationUntil', {
                      closes: day(t, event.registrationClosesOn),
                    })}
              </Typography>
              <MarkdownContent
                content={event.description || t('events.page.noDescription')}
              />
            </InfoCard>
            <Box mt={3}>
              <InfoCard
                title={t('events.page.hacksTitle', {
                  ...hackWords(t),
                  n: String(hacks.length),
                })}
              >
                {hacks.length ? (
                  <List
                    aria-label={t('events.page.hacksLabel', {
                      ...hackWords(t),
                      event: event.name,
                    })}
                    dense
                  >
                    {hacks.map(hack => (
                      <HackItem key={hack.id} hack={hack} />
                    ))}
                  </List>
                ) : (
                  <Typography variant="body2">
                    {t('events.page.noHacks', hackWords(t))}
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
