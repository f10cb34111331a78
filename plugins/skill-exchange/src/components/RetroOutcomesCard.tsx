import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Box, Button, Grid, Typography } from '@material-ui/core';
import GetAppIcon from '@material-ui/icons/GetApp';
import { Alert } from '@material-ui/lab';
import useAsync from 'react-use/esm/useAsync';
import type {
  RetroOutcome,
  SkillExchangeApi,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { skillExchangeTranslationRef } from '../translation';
import { SkillExchangeT } from './common';

/** Downloads one insights table as a CSV file. */
export async function downloadInsightsCsv(
  api: SkillExchangeApi,
  table: 'skills' | 'retros',
) {
  const csv = await api.exportInsightsCsv(table);
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download =
    table === 'skills'
      ? 'skill-exchange-insights.csv'
      : 'skill-exchange-retros.csv';
  a.click();
  URL.revokeObjectURL(url);
}

const cell = { padding: '4px 12px 4px 0' };

/** "Embeds", "Hacks": a kind as a heading names it (the group if unknown). */
function kindsName(t: SkillExchangeT, kind: string): string {
  switch (kind) {
    case 'embed':
    case 'hack':
    case 'mentorship':
    case 'pairing':
      return t(`common.kinds.${kind}s`);
    default:
      return kind;
  }
}

const OutcomeTable = (props: {
  label: string;
  /** The first column's heading: Kind or Skill. */
  group: string;
  rows: RetroOutcome[];
  name: (group: string) => string;
  t: SkillExchangeT;
}) => (
  <table
    aria-label={props.label}
    style={{ width: '100%', borderCollapse: 'collapse' }}
  >
    <thead>
      <tr>
        <th align="left">{props.group}</th>
        <th align="right" style={cell}>
          {props.t('profiles.retroOutcomes.answers')}
        </th>
        <th align="right" style={cell}>
          {props.t('profiles.retroOutcomes.meanUsefulness')}
        </th>
        <th align="left" style={cell}>
          {props.t('profiles.retroOutcomes.distribution')}
        </th>
      </tr>
    </thead>
    <tbody>
      {props.rows.map(o => (
        <tr key={o.group}>
          <td style={cell}>{props.name(o.group)}</td>
          <td align="right" style={cell}>
            {o.answers}
          </td>
          <td align="right" style={cell}>
            {o.meanUsefulness.toFixed(1)}
          </td>
          <td style={cell}>{o.distribution.join(' · ')}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

/**
 * What people said after embeds, mentorships, hacks and pairing sessions:
 * answers and usefulness per kind and per practised skill. Groups with fewer
 * answers than the threshold are not shown, only counted.
 */
export const RetroOutcomesCard = () => {
  const api = useApi(skillExchangeApiRef);
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const { value, loading, error } = useAsync(
    () => api.getRetroInsights(),
    [api],
  );
  if (loading) return <Progress />;
  if (error) {
    return (
      <Alert severity="error">
        {t('profiles.retroOutcomes.loadError', { message: error.message })}
      </Alert>
    );
  }
  const { byKind, bySkill, hidden, minimumGroupSize } = value!;
  const minimum = String(minimumGroupSize);
  return (
    <InfoCard
      title={t('profiles.retroOutcomes.title')}
      subheader={t('profiles.retroOutcomes.subheader', { minimum })}
    >
      {byKind.length === 0 && bySkill.length === 0 ? (
        <Typography variant="body2">
          {t('profiles.retroOutcomes.noGroup', { minimum })}
        </Typography>
      ) : (
        <Grid container spacing={3}>
          {[
            {
              label: t('profiles.retroOutcomes.perKind'),
              group: t('profiles.retroOutcomes.kind'),
              rows: byKind,
              name: (kind: string) => kindsName(t, kind),
            },
            {
              label: t('profiles.retroOutcomes.perSkill'),
              group: t('profiles.retroOutcomes.skill'),
              rows: bySkill,
              name: (x: string) => x,
            },
          ]
            .filter(table => table.rows.length > 0)
            .map(table => (
              <Grid item xs={12} key={table.group}>
                <OutcomeTable {...table} t={t} />
              </Grid>
            ))}
        </Grid>
      )}
      {(hidden.kinds > 0 || hidden.skills > 0) && (
        <Typography variant="caption" component="p">
          {t('profiles.retroOutcomes.notShown', {
            kinds: t('profiles.retroOutcomes.kinds', { count: hidden.kinds }),
            skills: t('profiles.retroOutcomes.skills', {
              count: hidden.skills,
            }),
            minimum,
          })}
        </Typography>
      )}
      <Box mt={1}>
        <Button
          startIcon={<GetAppIcon />}
          variant="outlined"
          onClick={() => downloadInsightsCsv(api, 'retros')}
        >
          {t('profiles.retroOutcomes.download')}
        </Button>
      </Box>
    </InfoCard>
  );
};
