import {
  Content,
  EmptyState,
  Header,
  InfoCard,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  Grid,
  LinearProgress,
  MenuItem,
  TextField,
  Typography,
} from '@material-ui/core';
import {
  fetchAllPages,
  GoldenPath,
  TeamMember,
} from '@onramp/backstage-plugin-golden-paths-common';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { goldenPathsApiRef } from '../../api';
import { useGoldenPathsT } from '../translate';
import { useBusyAction } from '../useBusyAction';

/** Starts a path for the report (their manager only). */
const AssignPath = ({
  member,
  paths,
  onDone,
}: {
  member: TeamMember;
  paths: GoldenPath[];
  onDone: () => void;
}) => {
  const t = useGoldenPathsT();
  const api = useApi(goldenPathsApiRef);
  const { busy, run } = useBusyAction();
  const [pathId, setPathId] = useState('');
  const open = paths.filter(p => !member.journeys.some(j => j.pathId === p.id));
  const assign = () =>
    run(t('bootcamps.team.assignFailed'), async () => {
      await api.assignPath({ userEntityRef: member.userEntityRef, pathId });
      setPathId('');
      onDone();
    });
  return (
    <Box display="flex" alignItems="center" mt={2} style={{ gap: 8 }}>
      <TextField
        select
        size="small"
        id={`assign-${member.userEntityRef.replace(/[^a-z0-9]+/gi, '-')}`}
        label={t('bootcamps.team.pathFor', { name: member.displayName })}
        value={pathId}
        onChange={e => setPathId(e.target.value)}
        style={{ minWidth: 240 }}
      >
        {open.map(p => (
          <MenuItem key={p.id} value={p.id}>
            {p.title}
          </MenuItem>
        ))}
      </TextField>
      <Button
        variant="contained"
        color="primary"
        disabled={busy || !pathId}
        onClick={assign}
      >
        {t('bootcamps.team.assign')}
      </Button>
    </Box>
  );
};

/** One report: their groups, journeys, Skill Exchange (when shared). */
const MemberCard = ({
  member,
  paths,
  onChange,
}: {
  member: TeamMember;
  paths: GoldenPath[];
  onChange: () => void;
}) => {
  const t = useGoldenPathsT();
  return (
    <InfoCard title={member.displayName} subheader={member.groups.join(', ')}>
      {member.journeys.length === 0 && (
        <Typography variant="body2">
          {t('bootcamps.team.noJourney', { path: t('common.pathInText') })}
        </Typography>
      )}
      {member.journeys.map(j => (
        <Box key={j.id} mb={1}>
          <Typography variant="body2">
            {t(
              j.status === 'completed'
                ? 'bootcamps.team.progressFinished'
                : 'bootcamps.team.progress',
              {
                path: j.pathTitle,
                done: String(j.completedSteps),
                total: String(j.totalSteps),
              },
            )}
          </Typography>
          <LinearProgress
            variant="determinate"
            aria-label={t('bootcamps.team.progressLabel', {
              name: member.displayName,
              path: j.pathTitle,
            })}
            value={j.totalSteps ? (100 * j.completedSteps) / j.totalSteps : 0}
          />
        </Box>
      ))}
      <Typography variant="body2" style={{ marginTop: 8 }}>
        {member.sharesSkillExchange ? (
          <Link
            to={`/skill-exchange/profiles/${encodeURIComponent(
              member.userEntityRef,
            )}`}
            underline="always"
          >
            {t('bootcamps.team.skillExchangeLink')}
          </Link>
        ) : (
          t('bootcamps.team.notShared')
        )}
      </Typography>
      <AssignPath member={member} paths={paths} onDone={onChange} />
    </InfoCard>
  );
};

/**
 * My team's onboarding: the caller's reports from the catalog (members of
 * the groups whose manager annotation names them), with their journeys.
 */
export const TeamPage = () => {
  const t = useGoldenPathsT();
  const api = useApi(goldenPathsApiRef);
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const [team, paths] = await Promise.all([
      api.getTeamOnboarding(),
      fetchAllPages(page => api.listPaths(page)),
    ]);
    return { team, paths };
  }, [api]);
  return (
    <Page themeId="home">
      <Header
        title={t('bootcamps.team.title')}
        subtitle={t('bootcamps.team.subtitle', {
          paths: t('common.pathsInText'),
        })}
      >
        <Button component={RouterLink} to=".." relative="path">
          {t('bootcamps.back')}
        </Button>
      </Header>
      <Content>
        {loading && !value && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && value.team.items.length === 0 && (
          <EmptyState
            missing="data"
            title={t('bootcamps.team.emptyTitle')}
            description={t('bootcamps.team.emptyDescription')}
          />
        )}
        {value && value.team.items.length > 0 && (
          <Grid container spacing={3}>
            {value.team.items.map(member => (
              <Grid
                item
                xs={12}
                md={6}
                key={member.userEntityRef}
                component="section"
                aria-label={member.displayName}
              >
                <MemberCard
                  member={member}
                  paths={value.paths}
                  onChange={retry}
                />
              </Grid>
            ))}
          </Grid>
        )}
      </Content>
    </Page>
  );
};
