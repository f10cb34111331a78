import { InfoCard } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  FormControl,
  FormControlLabel,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  TextField,
} from '@material-ui/core';
import {
  createCohortRequestSchema,
  GoldenPath,
} from '@onramp/backstage-plugin-golden-paths-common';
import { FormEvent, useState } from 'react';
import { goldenPathsApiRef } from '../../api';
import { useGoldenPathsT } from '../translate';

/** `ML Bootcamp January` -> `ml-bootcamp-january`. */
export function slugOf(title: string): string {
  return title
    .toLocaleLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

/** Field name -> first message, from a zod error. */
type Errors = Partial<Record<string, string>>;

/**
 * Create a bootcamp: a title, a path, start and end dates, and its members
 * from a catalog group (resolved by the backend) or a list of people; checked
 * with the API's own schema before it is sent.
 */
export const CohortForm = ({
  owner,
  paths,
  groups,
  onCreated,
}: {
  owner: string;
  paths: GoldenPath[];
  groups: Array<{ ref: string; title: string }>;
  onCreated: (cohortId: string) => void;
}) => {
  const t = useGoldenPathsT();
  const api = useApi(goldenPathsApiRef);
  const alertApi = useApi(alertApiRef);
  const [title, setTitle] = useState('');
  const [pathId, setPathId] = useState('');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [from, setFrom] = useState<'group' | 'list'>('group');
  const [group, setGroup] = useState('');
  const [list, setList] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const members = list
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(m => (m.includes(':') ? m : `user:default/${m}`));
    const parsed = createCohortRequestSchema.safeParse({
      id: slugOf(title),
      title,
      startDate,
      ...(endDate ? { endDate } : {}),
      owner,
      ...(pathId ? { pathId } : {}),
      ...(from === 'group' ? { group: group || undefined } : { members }),
    });
    const found: Errors = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'form');
        found[field] ??= issue.message;
      }
    }
    if (from === 'group' && !group) {
      found.group = t('bootcamps.form.chooseGroup');
    }
    if (from === 'list' && members.length === 0) {
      found.members = t('bootcamps.form.addPeople');
    }
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const cohort = await api.createCohort(parsed.data);
      alertApi.post({
        message: t('bootcamps.form.created', {
          title: cohort.title,
          count: cohort.members.length,
        }),
        severity: 'success',
        display: 'transient',
      });
      onCreated(cohort.id);
    } catch (e) {
      alertApi.post({
        message: t('bootcamps.form.createFailed', {
          message: (e as Error).message,
        }),
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };

  const field = (name: string) => ({
    error: Boolean(errors[name]),
    helperText: errors[name],
  });

  return (
    <InfoCard title={t('bootcamps.form.title')}>
      <form onSubmit={submit} aria-label={t('bootcamps.form.title')} noValidate>
        <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
          <TextField
            id="bootcamp-title"
            label={t('bootcamps.form.titleField')}
            value={title}
            onChange={e => setTitle(e.target.value)}
            required
            {...field('title')}
            {...(errors.id && !errors.title ? field('id') : {})}
          />
          <TextField
            select
            id="bootcamp-path"
            label={t('bootcamps.form.path')}
            value={pathId}
            onChange={e => setPathId(e.target.value)}
            style={{ minWidth: 220 }}
            {...field('pathId')}
          >
            {paths.map(p => (
              <MenuItem key={p.id} value={p.id}>
                {p.title}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            id="bootcamp-start"
            label={t('bootcamps.form.startDate')}
            type="date"
            value={startDate}
            onChange={e => setStartDate(e.target.value)}
            InputLabelProps={{ shrink: true }}
            required
            {...field('startDate')}
          />
          <TextField
            id="bootcamp-end"
            label={t('bootcamps.form.endDate')}
            type="date"
            value={endDate}
            onChange={e => setEndDate(e.target.value)}
            InputLabelProps={{ shrink: true }}
            {...field('endDate')}
          />
        </Box>
        <Box mt={2}>
          <FormControl component="fieldset">
            <FormLabel component="legend">
              {t('bootcamps.form.members')}
            </FormLabel>
            <RadioGroup
              row
              value={from}
              onChange={e => setFrom(e.target.value as 'group' | 'list')}
            >
              <FormControlLabel
                value="group"
                control={<Radio />}
                label={t('bootcamps.form.fromGroup')}
              />
              <FormControlLabel
                value="list"
                control={<Radio />}
                label={t('bootcamps.form.fromList')}
              />
            </RadioGroup>
          </FormControl>
        </Box>
        {from === 'group' ? (
          <TextField
            select
            id="bootcamp-group"
            label={t('bootcamps.form.group')}
            value={group}
            onChange={e => setGroup(e.target.value)}
            style={{ minWidth: 280 }}
            {...field('group')}
          >
            {groups.map(g => (
              <MenuItem key={g.ref} value={g.ref}>
                {g.title}
              </MenuItem>
            ))}
          </TextField>
        ) : (
          <TextField
            id="bootcamp-people"
            label={t('bootcamps.form.people')}
            multiline
            minRows={3}
            fullWidth
            value={list}
            onChange={e => setList(e.target.value)}
            {...field('members')}
          />
        )}
        <Box mt={2}>
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={busy}
          >
            {t('bootcamps.form.create')}
          </Button>
        </Box>
      </form>
    </InfoCard>
  );
};
