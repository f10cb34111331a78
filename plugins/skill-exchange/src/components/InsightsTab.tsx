import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Button, Grid, Typography, useTheme } from '@material-ui/core';
import GetAppIcon from '@material-ui/icons/GetApp';
import useAsync from 'react-use/esm/useAsync';
import type { Insights } from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { KIND_LABELS } from './common';
import { downloadInsightsCsv, RetroOutcomesCard } from './RetroOutcomesCard';

/** One horizontal bar with its number, scaled to `max`. */
const Bar = (props: {
  value: number;
  max: number;
  color: string;
  label: string;
}) => (
  <Box display="flex" alignItems="center" style={{ gap: 8 }}>
    <Box
      role="img"
      aria-label={`${props.label}: ${props.value}`}
      style={{
        height: 10,
        width: `${
          props.max ? Math.max(2, (100 * props.value) / props.max) : 0
        }%`,
        maxWidth: 240,
        background: props.color,
        borderRadius: 2,
      }}
    />
    <Typography variant="caption">{props.value}</Typography>
  </Box>
);

const SupplyDemand = ({ insights }: { insights: Insights }) => {
  const theme = useTheme();
  const rows = [...insights.skills]
    .filter(s => s.demand > 0 || s.supply > 0)
    .sort((a, b) => b.gap - a.gap || b.demand - a.demand)
    .slice(0, 15);
  const max = Math.max(1, ...rows.flatMap(r => [r.supply, r.demand]));
  return (
    <InfoCard
      title="Supply and demand per skill"
      subheader="Open posts asking for a skill, against people at Practitioner or above. The biggest gaps first."
    >
      <table
        aria-label="Supply and demand per skill"
        style={{ width: '100%', borderSpacing: '0 6px' }}
      >
        <thead>
          <tr>
            <th align="left">Skill</th>
            <th align="left">Demand (open posts)</th>
            <th align="left">Supply (people)</th>
            <th align="left">Learners</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(r => (
            <tr key={r.skill}>
              <td>
                <Typography variant="body2">{r.skill}</Typography>
              </td>
              <td>
                <Bar
                  value={r.demand}
                  max={max}
                  color={theme.palette.secondary.main}
                  label={`${r.skill} demand`}
                />
              </td>
              <td>
                <Bar
                  value={r.supply}
                  max={max}
                  color={theme.palette.primary.main}
                  label={`${r.skill} supply`}
                />
              </td>
              <td>
                <Typography variant="body2">{r.learners}</Typography>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && (
        <Typography variant="body2">
          No skills asked for or offered yet.
        </Typography>
      )}
    </InfoCard>
  );
};

/** Insights: supply vs demand per skill, open vs filled, time to fill, activity. */
export const InsightsTab = () => {
  const api = useApi(skillExchangeApiRef);
  const theme = useTheme();
  const { value, loading, error } = useAsync(
    () => api.getInsights({ top: 50 }),
    [api],
  );
  const download = () => downloadInsightsCsv(api, 'skills');
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const insights = value!;
  const kinds = ['embed', 'hack', 'mentorship', 'pairing'] as const;
  const count = (kind: string, status: string) =>
    insights.posts.find(p => p.kind === kind && p.status === status)?.count ??
    0;
  const maxPosts = Math.max(1, ...insights.posts.map(p => p.count));
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={4}>
        <InfoCard title="Active this month">
          <Typography variant="h2" component="p">
            {insights.monthlyActiveUsers}
          </Typography>
          <Typography variant="body2">
            people posted, answered, joined or updated their profile in the last
            30 days
          </Typography>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title="Open and filled">
          <table
            aria-label="Posts by kind and status"
            style={{ width: '100%' }}
          >
            <tbody>
              {kinds.map(kind => (
                <tr key={kind}>
                  <td>
                    <Typography variant="body2">
                      {KIND_LABELS[kind]}s
                    </Typography>
                  </td>
                  <td>
                    <Bar
                      value={count(kind, 'open')}
                      max={maxPosts}
                      color={theme.palette.primary.main}
                      label={`${kind} open`}
                    />
                    <Bar
                      value={count(kind, 'filled')}
                      max={maxPosts}
                      color={theme.palette.success.main}
                      label={`${kind} filled`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Typography variant="caption">
            Upper bar open, lower bar filled.
          </Typography>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title="Time to fill">
          {insights.timeToFill.length === 0 && (
            <Typography variant="body2">Nothing filled yet.</Typography>
          )}
          {insights.timeToFill.map(t => (
            <Typography key={t.kind} variant="body2">
              {KIND_LABELS[t.kind]}s:{' '}
              <strong>{t.meanDays.toFixed(1)} days</strong> on average (
              {t.filled} filled)
            </Typography>
          ))}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <SupplyDemand insights={insights} />
        <Box mt={1}>
          <Button
            startIcon={<GetAppIcon />}
            variant="outlined"
            onClick={download}
          >
            Download CSV
          </Button>
        </Box>
      </Grid>
      <Grid item xs={12}>
        <RetroOutcomesCard />
      </Grid>
    </Grid>
  );
};
