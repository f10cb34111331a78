import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Box, Button, Grid, Typography, useTheme } from '@material-ui/core';
import GetAppIcon from '@material-ui/icons/GetApp';
import useAsync from 'react-use/esm/useAsync';
import type { Insights } from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { skillExchangeTranslationRef } from '../translation';
import { levelNameOf } from './common';
import { downloadInsightsCsv, RetroOutcomesCard } from './RetroOutcomesCard';

/** One horizontal bar with its number, scaled to `max`. */
const Bar = (props: {
  value: number;
  max: number;
  color: string;
  label: string;
}) => {
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  return (
    <Box display="flex" alignItems="center" style={{ gap: 8 }}>
      <Box
        role="img"
        aria-label={t('insights.bar', {
          label: props.label,
          value: String(props.value),
        })}
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
};

const SupplyDemand = ({ insights }: { insights: Insights }) => {
  const theme = useTheme();
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const rows = [...insights.skills]
    .filter(s => s.demand > 0 || s.supply > 0)
    .sort((a, b) => b.gap - a.gap || b.demand - a.demand)
    .slice(0, 15);
  const max = Math.max(1, ...rows.flatMap(r => [r.supply, r.demand]));
  return (
    <InfoCard
      title={t('insights.supplyDemand.title')}
      subheader={t('insights.supplyDemand.subheader', {
        level: levelNameOf(t, 3),
      })}
    >
      <table
        aria-label={t('insights.supplyDemand.title')}
        style={{ width: '100%', borderSpacing: '0 6px' }}
      >
        <thead>
          <tr>
            <th align="left">{t('insights.supplyDemand.skill')}</th>
            <th align="left">{t('insights.supplyDemand.demand')}</th>
            <th align="left">{t('insights.supplyDemand.supply')}</th>
            <th align="left">{t('insights.supplyDemand.learners')}</th>
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
                  label={t('insights.supplyDemand.demandBar', {
                    skill: r.skill,
                  })}
                />
              </td>
              <td>
                <Bar
                  value={r.supply}
                  max={max}
                  color={theme.palette.primary.main}
                  label={t('insights.supplyDemand.supplyBar', {
                    skill: r.skill,
                  })}
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
          {t('insights.supplyDemand.empty')}
        </Typography>
      )}
    </InfoCard>
  );
};

/** Insights: supply vs demand per skill, open vs filled, time to fill, activity. */
export const InsightsTab = () => {
  const api = useApi(skillExchangeApiRef);
  const theme = useTheme();
  const { t } = useTranslationRef(skillExchangeTranslationRef);
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
        <InfoCard title={t('insights.tab.active')}>
          <Typography variant="h2" component="p">
            {insights.monthlyActiveUsers}
          </Typography>
          <Typography variant="body2">
            {t('insights.tab.activeText')}
          </Typography>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title={t('insights.tab.openAndFilled')}>
          <table
            aria-label={t('insights.tab.postsLabel')}
            style={{ width: '100%' }}
          >
            <tbody>
              {kinds.map(kind => (
                <tr key={kind}>
                  <td>
                    <Typography variant="body2">
                      {t(`common.kinds.${kind}s`)}
                    </Typography>
                  </td>
                  <td>
                    <Bar
                      value={count(kind, 'open')}
                      max={maxPosts}
                      color={theme.palette.primary.main}
                      label={t('insights.tab.openBar', {
                        kind: t(`common.kindsInText.${kind}`),
                      })}
                    />
                    <Bar
                      value={count(kind, 'filled')}
                      max={maxPosts}
                      color={theme.palette.success.main}
                      label={t('insights.tab.filledBar', {
                        kind: t(`common.kindsInText.${kind}`),
                      })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Typography variant="caption">
            {t('insights.tab.barsHint')}
          </Typography>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title={t('insights.tab.timeToFill')}>
          {insights.timeToFill.length === 0 && (
            <Typography variant="body2">
              {t('insights.tab.nothingFilled')}
            </Typography>
          )}
          {insights.timeToFill.map(fill => (
            <Typography key={fill.kind} variant="body2">
              {t('insights.tab.fillLine', {
                kinds: t(`common.kinds.${fill.kind}s`),
                days: (
                  <strong>
                    {t('insights.tab.days', {
                      days: fill.meanDays.toFixed(1),
                    })}
                  </strong>
                ),
                filled: String(fill.filled),
              })}
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
            {t('insights.tab.downloadCsv')}
          </Button>
        </Box>
      </Grid>
      <Grid item xs={12}>
        <RetroOutcomesCard />
      </Grid>
    </Grid>
  );
};
