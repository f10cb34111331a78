import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Button, Grid, Typography } from '@material-ui/core';
import GetAppIcon from '@material-ui/icons/GetApp';
import { Alert } from '@material-ui/lab';
import useAsync from 'react-use/esm/useAsync';
import type {
  RetroOutcome,
  SkillExchangeApi,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { KIND_LABELS } from './common';

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

const OutcomeTable = (props: {
  label: string;
  /** The first column's heading: Kind or Skill. */
  group: string;
  rows: RetroOutcome[];
  name: (group: string) => string;
}) => (
  <table
    aria-label={props.label}
    style={{ width: '100%', borderCollapse: 'collapse' }}
  >
    <thead>
      <tr>
        <th align="left">{props.group}</th>
        <th align="right" style={cell}>
          Answers
        </th>
        <th align="right" style={cell}>
          Mean usefulness (1 to 5)
        </th>
        <th align="left" style={cell}>
          Answers at 1 · 2 · 3 · 4 · 5
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
  const { value, loading, error } = useAsync(
    () => api.getRetroInsights(),
    [api],
  );
  if (loading) return <Progress />;
  if (error) {
    return (
      <Alert severity="error">
        Could not load retro outcomes: {error.message}
      </Alert>
    );
  }
  const { byKind, bySkill, hidden, minimumGroupSize } = value!;
  const kindName = (kind: string) =>
    `${KIND_LABELS[kind as keyof typeof KIND_LABELS] ?? kind}s`;
  return (
    <InfoCard
      title="Outcomes after stints"
      subheader={`What people said in their retros. Groups of fewer than ${minimumGroupSize} answers are not shown, so no one's own answer can be read off.`}
    >
      {byKind.length === 0 && bySkill.length === 0 ? (
        <Typography variant="body2">
          No group has {minimumGroupSize} retros yet.
        </Typography>
      ) : (
        <Grid container spacing={3}>
          {[
            {
              label: 'Outcomes per kind',
              group: 'Kind',
              rows: byKind,
              name: kindName,
            },
            {
              label: 'Outcomes per skill',
              group: 'Skill',
              rows: bySkill,
              name: (x: string) => x,
            },
          ]
            .filter(t => t.rows.length > 0)
            .map(t => (
              <Grid item xs={12} key={t.group}>
                <OutcomeTable {...t} />
              </Grid>
            ))}
        </Grid>
      )}
      {(hidden.kinds > 0 || hidden.skills > 0) && (
        <Typography variant="caption" component="p">
          Not shown: {hidden.kinds} kind{hidden.kinds === 1 ? '' : 's'} and{' '}
          {hidden.skills} skill{hidden.skills === 1 ? '' : 's'} with fewer than{' '}
          {minimumGroupSize} answers.
        </Typography>
      )}
      <Box mt={1}>
        <Button
          startIcon={<GetAppIcon />}
          variant="outlined"
          onClick={() => downloadInsightsCsv(api, 'retros')}
        >
          Download retro outcomes (CSV)
        </Button>
      </Box>
    </InfoCard>
  );
};
