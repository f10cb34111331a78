import { useState } from 'react';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
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
import { skillExchangeTranslationRef } from '../translation';
import { levelNameOf, shortRef } from './common';
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
export function describeLevels(
  levels: number[],
  name: (level: number) => string = levelName,
): string {
  return levels
    .map((n, i) => ({ n, level: i + 1 }))
    .filter(l => l.n > 0)
    .reverse()
    .map(l => `${l.n} ${name(l.level)}`)
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
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  return (
    <div
      className={classes.bar}
      role="img"
      aria-label={t('insights.teamSkills.levelsLabel', {
        skill: coverage.skill,
        levels:
          describeLevels(coverage.levels, l => levelNameOf(t, l)) ||
          t('insights.teamSkills.nobodyYet'),
      })}
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
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  return (
    <div className={classes.legend} aria-hidden>
      {PROFICIENCY_LEVELS.map(l => (
        <Typography key={l.level} variant="caption" color="textSecondary">
          <span
            className={classes.swatch}
            style={{ backgroundColor: colours[l.level - 1] }}
          />
          {l.level} · {levelNameOf(t, l.level)}
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
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const levelNames = (level: number) => levelNameOf(t, level);
  const [showAll, setShowAll] = useState(false);
  const people = (skill: string) =>
    `${base}/people?skills=${encodeURIComponent(skill)}&minLevel=1`;
  const name = entity.metadata.title ?? shortRef(ref);
  const levelled = value?.skills.filter(s => s.members > 0) ?? [];
  const learningOnly =
    value?.skills.filter(s => s.members === 0 && s.learning > 0) ?? [];
  const shown = showAll ? levelled : levelled.slice(0, VISIBLE);

  let subheader: string | undefined;
  if (value) {
    subheader = t('insights.teamSkills.profiles', {
      profiles: String(value.profiles),
      count: value.members,
    });
    if (value.groups.length > 1) {
      subheader = t('insights.teamSkills.withGroups', {
        profiles: subheader,
        count: value.groups.length - 1,
        name,
      });
    }
  }

  return (
    <InfoCard
      title={t('insights.teamSkills.title')}
      subheader={subheader}
      deepLink={{
        title: t('insights.teamSkills.findPeople'),
        link: `${base}/people`,
      }}
    >
      {loading && <Progress />}
      {error && (
        <Alert severity="error">
          {t('insights.teamSkills.loadFailed', { error: error.message })}
        </Alert>
      )}
      {value && value.members === 0 && (
        <Typography variant="body2">
          {t('insights.teamSkills.noMembers', { name })}
        </Typography>
      )}
      {value && value.members > 0 && value.skills.length === 0 && (
        <Typography variant="body2">
          {t('insights.teamSkills.noSkills', {
            name,
            link: (
              <Link to={`${base}/profile`}>
                {t('insights.teamSkills.addYours')}
              </Link>
            ),
          })}
        </Typography>
      )}
      {levelled.length > 0 && (
        <>
          <Table
            size="small"
            aria-label={t('insights.teamSkills.tableLabel', { name })}
          >
            <TableHead>
              <TableRow>
                <TableCell className={classes.cell}>
                  {t('insights.teamSkills.skill')}
                </TableCell>
                <TableCell className={classes.cell} style={{ width: '40%' }}>
                  {t('insights.teamSkills.levelsColumn')}
                </TableCell>
                <TableCell className={classes.cell} align="right">
                  {t('insights.teamSkills.members')}
                </TableCell>
                <TableCell className={classes.cell} align="right">
                  {t('insights.teamSkills.learning')}
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
                        {t('insights.teamSkills.canHelp', {
                          n: String(s.helpers),
                        })}
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
                      {describeLevels(s.levels, levelNames)}
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
                ? t('insights.teamSkills.showFewer')
                : t('insights.teamSkills.showAll', {
                    n: String(levelled.length),
                  })}
            </Button>
          )}
        </>
      )}
      {learningOnly.length > 0 && (
        <Box mt={2}>
          <Typography variant="subtitle2" component="h3">
            {t('insights.teamSkills.learningOnly')}
          </Typography>
          {learningOnly.map(s => (
            <Link key={s.skill} to={people(s.skill)} underline="none">
              <Chip
                size="small"
                label={t('insights.teamSkills.learningChip', {
                  skill: s.skill,
                  n: String(s.learning),
                })}
                className={classes.gap}
              />
            </Link>
          ))}
        </Box>
      )}
      {value && value.gaps.length > 0 && (
        <Box mt={2}>
          <Typography variant="subtitle2" component="h3">
            {t('insights.teamSkills.gaps')}
          </Typography>
          {value.gaps.map(skill => {
            const demand =
              value.skills.find(s => s.skill === skill)?.demand ?? 0;
            return (
              <Link key={skill} to={people(skill)} underline="none">
                <Chip
                  size="small"
                  variant="outlined"
                  label={t('insights.teamSkills.gapChip', {
                    skill,
                    count: demand,
                  })}
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
