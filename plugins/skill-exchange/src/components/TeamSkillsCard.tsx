import { useState } from 'react';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import {
  Box,
  Button,
  Chip,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Theme,
  Typography,
  useTheme,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type { TeamSkillCoverage } from '@onramp/backstage-plugin-skill-exchange-common';
import {
  levelName,
  PROFICIENCY_LEVELS,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { shortRef } from './common';
import { useEntityLoad } from './useEntityLoad';

/**
 * One colour per level, light to strong; in the dark theme strong is bright,
 * so Expert always stands out against the paper it is drawn on.
 */
const LEVEL_COLOURS = {
  light: ['#a6c8e4', '#74a9d4', '#4a8cc6', '#1f64a8', '#08306b'],
  dark: ['#1f3b57', '#2b5f8f', '#4a90d9', '#8cc0f5', '#dcefff'],
};

export function levelColours(theme: Theme): string[] {
  return LEVEL_COLOURS[theme.palette.type === 'dark' ? 'dark' : 'light'];
}

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    height: 14,
    minWidth: 120,
    borderRadius: 3,
    overflow: 'hidden',
    backgroundColor: theme.palette.action.hover,
  },
  segment: {
    height: '100%',
    '&:not(:last-child)': {
      borderRight: `2px solid ${theme.palette.background.paper}`,
    },
  },
  swatch: {
    display: 'inline-block',
    width: 12,
    height: 12,
    borderRadius: 2,
    marginRight: 4,
    verticalAlign: 'middle',
    border: `1px solid ${theme.palette.divider}`,
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1.5),
    marginTop: theme.spacing(1),
  },
  cell: { padding: theme.spacing(0.75, 1) },
  gap: { marginRight: theme.spacing(0.5), marginBottom: theme.spacing(0.5) },
}));

/** "1 Expert, 2 Practitioner": the members at each level, strongest first. */
export function describeLevels(levels: number[]): string {
  return levels
    .map((n, i) => ({ n, level: i + 1 }))
    .filter(l => l.n > 0)
    .reverse()
    .map(l => `${l.n} ${levelName(l.level)}`)
    .join(', ');
}

const LevelBar = ({
  coverage,
  of,
}: {
  coverage: TeamSkillCoverage;
  of: number;
}) => {
  const classes = useStyles();
  const colours = levelColours(useTheme());
  return (
    <div
      className={classes.bar}
      role="img"
      aria-label={`${coverage.skill}: ${
        describeLevels(coverage.levels) || 'nobody has it yet'
      }`}
    >
      {coverage.levels.map((n, i) =>
        n > 0 ? (
          <div
            key={i}
            className={classes.segment}
            style={{
              width: `${(100 * n) / Math.max(of, 1)}%`,
              backgroundColor: colours[i],
            }}
          />
        ) : null,
      )}
    </div>
  );
};

const LevelLegend = () => {
  const classes = useStyles();
  const colours = levelColours(useTheme());
  return (
    <div className={classes.legend} aria-hidden>
      {PROFICIENCY_LEVELS.map(l => (
        <Typography key={l.level} variant="caption" color="textSecondary">
          <span
            className={classes.swatch}
            style={{ backgroundColor: colours[l.level - 1] }}
          />
          {l.level} · {l.name}
        </Typography>
      ))}
    </div>
  );
};

const VISIBLE = 10;

/**
 * Entity card for Group pages: how the members of the group (and of the groups
 * below it) cover skills on the 5-step scale, who is learning what, and the
 * skills the team's open posts ask for that nobody in it has.
 */
export const TeamSkillsCard = ({
  base = '/skill-exchange',
}: {
  base?: string;
}) => {
  const { entity, ref, value, loading, error } = useEntityLoad(
    (api, entityRef) => api.getTeamSkills(entityRef),
  );
  const classes = useStyles();
  const [showAll, setShowAll] = useState(false);
  const people = (skill: string) =>
    `${base}/people?skills=${encodeURIComponent(skill)}&minLevel=1`;
  const name = entity.metadata.title ?? shortRef(ref);
  const levelled = value?.skills.filter(s => s.members > 0) ?? [];
  const learningOnly =
    value?.skills.filter(s => s.members === 0 && s.learning > 0) ?? [];
  const shown = showAll ? levelled : levelled.slice(0, VISIBLE);

  return (
    <InfoCard
      title="Team skills"
      subheader={
        value
          ? `${value.profiles} of ${value.members} member${
              value.members === 1 ? '' : 's'
            } have a skill profile${
              value.groups.length > 1
                ? ` (${value.groups.length - 1} group${
                    value.groups.length > 2 ? 's' : ''
                  } below ${name} included)`
                : ''
            }`
          : undefined
      }
      deepLink={{ title: 'Find people by skill', link: `${base}/people` }}
    >
      {loading && <Progress />}
      {error && (
        <Alert severity="error">
          Could not load the team's skills: {error.message}
        </Alert>
      )}
      {value && value.members === 0 && (
        <Typography variant="body2">
          {name} has no members in the catalog yet.
        </Typography>
      )}
      {value && value.members > 0 && value.skills.length === 0 && (
        <Typography variant="body2">
          Nobody in {name} has listed skills yet.{' '}
          <Link to={`${base}/profile`}>Add yours to your skill profile</Link>.
        </Typography>
      )}
      {levelled.length > 0 && (
        <>
          <Table size="small" aria-label={`Skills of ${name}`}>
            <TableHead>
              <TableRow>
                <TableCell className={classes.cell}>Skill</TableCell>
                <TableCell className={classes.cell} style={{ width: '40%' }}>
                  Levels
                </TableCell>
                <TableCell className={classes.cell} align="right">
                  Members
                </TableCell>
                <TableCell className={classes.cell} align="right">
                  Learning
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map(s => (
                <TableRow key={s.skill}>
                  <TableCell className={classes.cell}>
                    <Link to={people(s.skill)}>{s.skill}</Link>
                    {s.helpers > 0 && (
                      <Typography
                        variant="caption"
                        color="textSecondary"
                        component="div"
                      >
                        {s.helpers} can help
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell className={classes.cell}>
                    <LevelBar coverage={s} of={value!.profiles} />
                    <Typography
                      variant="caption"
                      color="textSecondary"
                      component="div"
                    >
                      {describeLevels(s.levels)}
                    </Typography>
                  </TableCell>
                  <TableCell className={classes.cell} align="right">
                    {s.members}
                  </TableCell>
                  <TableCell className={classes.cell} align="right">
                    {s.learning || '—'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <LevelLegend />
          {levelled.length > VISIBLE && (
            <Button size="small" onClick={() => setShowAll(!showAll)}>
              {showAll
                ? 'Show fewer skills'
                : `Show all ${levelled.length} skills`}
            </Button>
          )}
        </>
      )}
      {learningOnly.length > 0 && (
        <Box mt={2}>
          <Typography variant="subtitle2" component="h3">
            Learning, nobody has it yet
          </Typography>
          {learningOnly.map(s => (
            <Link key={s.skill} to={people(s.skill)} underline="none">
              <Chip
                size="small"
                label={`${s.skill} · ${s.learning} learning`}
                className={classes.gap}
              />
            </Link>
          ))}
        </Box>
      )}
      {value && value.gaps.length > 0 && (
        <Box mt={2}>
          <Typography variant="subtitle2" component="h3">
            Gaps: asked for by the team's open posts, no member has it
          </Typography>
          {value.gaps.map(skill => {
            const demand =
              value.skills.find(s => s.skill === skill)?.demand ?? 0;
            return (
              <Link key={skill} to={people(skill)} underline="none">
                <Chip
                  size="small"
                  variant="outlined"
                  label={`${skill} · ${demand} open post${
                    demand === 1 ? '' : 's'
                  }`}
                  className={classes.gap}
                />
              </Link>
            );
          })}
        </Box>
      )}
    </InfoCard>
  );
};
