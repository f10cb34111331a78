import { useSearchParams } from 'react-router-dom';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  Table,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Checkbox,
  FormControlLabel,
  MenuItem,
  TextField,
  Typography,
} from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { Expert } from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { skillExchangeTranslationRef } from '../translation';
import { SkillsInput } from './SkillsInput';
import { LevelLabel, levelOptions, PersonLink, shortRef } from './common';

/** The expert finder: people with all the chosen skills at a minimum level. */
export const PeopleTab = () => {
  const api = useApi(skillExchangeApiRef);
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const [params, setParams] = useSearchParams();
  const skills = params.get('skills')?.split(',').filter(Boolean) ?? [];
  const minLevel = Number(params.get('minLevel') ?? 3);
  const canHelp = params.get('canHelp') === 'true';
  const rank = params.get('rank') === 'evidence' ? 'evidence' : 'level';
  const set = (key: string, value?: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const { value, loading, error } = useAsync(
    async () =>
      skills.length
        ? api.findExperts({
            skills,
            minLevel,
            canHelp: canHelp || undefined,
            rank,
            limit: 50,
          })
        : undefined,
    [api, params.toString()],
  );

  return (
    <Box>
      <Typography variant="body1" paragraph>
        {t('profiles.peopleTab.intro')}
      </Typography>
      <Box
        display="flex"
        alignItems="flex-start"
        flexWrap="wrap"
        style={{ gap: 16 }}
        mb={2}
      >
        <Box flexGrow={1} minWidth={300}>
          <SkillsInput
            id="sx-expert-skills"
            label={t('profiles.peopleTab.skills')}
            value={skills}
            onChange={s => set('skills', s.join(','))}
          />
        </Box>
        <TextField
          id="sx-min-level"
          select
          label={t('profiles.peopleTab.atLeast')}
          variant="outlined"
          margin="dense"
          value={minLevel}
          onChange={e => set('minLevel', String(e.target.value))}
          style={{ minWidth: 200 }}
        >
          {levelOptions(t)}
        </TextField>
        <TextField
          id="sx-rank"
          select
          label={t('profiles.peopleTab.rankBy')}
          variant="outlined"
          margin="dense"
          value={rank}
          onChange={e =>
            set('rank', e.target.value === 'evidence' ? 'evidence' : undefined)
          }
          style={{ minWidth: 160 }}
        >
          <MenuItem value="level">{t('profiles.peopleTab.rankLevel')}</MenuItem>
          <MenuItem value="evidence">
            {t('profiles.peopleTab.rankEvidence')}
          </MenuItem>
        </TextField>
        <FormControlLabel
          control={
            <Checkbox
              checked={canHelp}
              onChange={e =>
                set('canHelp', e.target.checked ? 'true' : undefined)
              }
            />
          }
          label={t('profiles.peopleTab.onlyHelpers')}
        />
      </Box>
      {rank === 'evidence' && (
        <Typography variant="body2" paragraph>
          {t('profiles.peopleTab.evidenceRanking', {
            embeds: t('common.kindsInText.embeds'),
            mentorships: t('common.kindsInText.mentorships'),
          })}
        </Typography>
      )}
      {!skills.length && (
        <EmptyState
          missing="data"
          title={t('profiles.peopleTab.pickTitle')}
          description={t('profiles.peopleTab.pickDescription')}
        />
      )}
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && (
        <Table<Expert>
          title={t('profiles.peopleTab.people', { count: value.totalItems })}
          options={{ paging: false, search: false }}
          data={value.items}
          columns={[
            {
              title: t('profiles.peopleTab.person'),
              render: e => <PersonLink userRef={e.user} />,
            },
            {
              title: t('profiles.peopleTab.team'),
              render: e => (e.team ? shortRef(e.team) : ''),
            },
            ...skills.map((_s, i) => ({
              title: value.items[0]?.skills[i]?.skill ?? skills[i],
              render: (e: Expert) => (
                <>
                  <LevelLabel level={e.skills[i].level} />
                  {e.skills[i].canHelp ? t('profiles.peopleTab.canHelp') : ''}
                </>
              ),
            })),
            ...(rank === 'evidence'
              ? [
                  {
                    title: t('profiles.peopleTab.why'),
                    render: (e: Expert) => e.evidence?.reason,
                  },
                ]
              : []),
          ]}
          emptyContent={<Box p={2}>{t('profiles.peopleTab.nobody')}</Box>}
        />
      )}
    </Box>
  );
};
