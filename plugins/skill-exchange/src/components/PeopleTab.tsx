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
import type { Expert } from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { SkillsInput } from './SkillsInput';
import { LevelLabel, levelOptions, PersonLink, shortRef } from './common';

/** The expert finder: people with all the chosen skills at a minimum level. */
export const PeopleTab = () => {
  const api = useApi(skillExchangeApiRef);
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
        Find people who know what you need to learn. Everyone listed has all the
        skills you pick at the level or above.
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
            label="Skills"
            value={skills}
            onChange={s => set('skills', s.join(','))}
          />
        </Box>
        <TextField
          id="sx-min-level"
          select
          label="At least"
          variant="outlined"
          margin="dense"
          value={minLevel}
          onChange={e => set('minLevel', String(e.target.value))}
          style={{ minWidth: 200 }}
        >
          {levelOptions()}
        </TextField>
        <TextField
          id="sx-rank"
          select
          label="Rank by"
          variant="outlined"
          margin="dense"
          value={rank}
          onChange={e =>
            set('rank', e.target.value === 'evidence' ? 'evidence' : undefined)
          }
          style={{ minWidth: 160 }}
        >
          <MenuItem value="level">Level</MenuItem>
          <MenuItem value="evidence">Evidence</MenuItem>
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
          label="Only people who offer help"
        />
      </Box>
      {rank === 'evidence' && (
        <Typography variant="body2" paragraph>
          Ranked by merged pull requests and completed embeds and mentorships in
          these skills, among people who share their evidence.
        </Typography>
      )}
      {!skills.length && (
        <EmptyState
          missing="data"
          title="Pick a skill"
          description="Choose one or more skills to find people who can help."
        />
      )}
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && (
        <Table<Expert>
          title={`${value.totalItems} ${
            value.totalItems === 1 ? 'person' : 'people'
          }`}
          options={{ paging: false, search: false }}
          data={value.items}
          columns={[
            { title: 'Person', render: e => <PersonLink userRef={e.user} /> },
            { title: 'Team', render: e => (e.team ? shortRef(e.team) : '') },
            ...skills.map((_s, i) => ({
              title: value.items[0]?.skills[i]?.skill ?? skills[i],
              render: (e: Expert) => (
                <>
                  <LevelLabel level={e.skills[i].level} />
                  {e.skills[i].canHelp ? ' · can help' : ''}
                </>
              ),
            })),
            ...(rank === 'evidence'
              ? [{ title: 'Why', render: (e: Expert) => e.evidence?.reason }]
              : []),
          ]}
          emptyContent={
            <Box p={2}>Nobody has all of these skills at that level yet.</Box>
          }
        />
      )}
    </Box>
  );
};
