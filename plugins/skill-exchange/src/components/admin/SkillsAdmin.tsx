import { useState } from 'react';
import {
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Box, Button, Chip } from '@material-ui/core';
import AddIcon from '@material-ui/icons/Add';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type { Skill } from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../../api';
import { skillExchangeTranslationRef } from '../../translation';
import { useAction } from '../useAction';
import { MergeDialog, SkillDialog } from './SkillDialogs';
import { adminTableProps } from './tableProps';

type Open =
  | { dialog: 'add' }
  | { dialog: 'edit'; skill: Skill }
  | { dialog: 'merge'; skill: Skill }
  | undefined;

/**
 * The skills taxonomy for taxonomy managers: a searchable table with usage,
 * and add, edit (rename, category, aliases) and merge.
 */
export const SkillsAdmin = () => {
  const api = useApi(skillExchangeApiRef);
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const state = useAsyncRetry(() => api.listSkills(), [api]);
  const [open, setOpen] = useState<Open>();
  const { busy, run } = useAction(() => {
    setOpen(undefined);
    state.retry();
  });

  if (state.error) return <ResponseErrorPanel error={state.error} />;
  if (!state.value) return <Progress />;
  const skills = state.value;

  const columns: TableColumn<Skill>[] = [
    { title: t('admin.skills.columns.skill'), field: 'name', highlight: true },
    {
      title: t('admin.skills.columns.category'),
      field: 'category',
      render: s => t(`admin.categories.${s.category}`),
    },
    {
      title: t('admin.skills.columns.aliases'),
      field: 'aliases',
      customFilterAndSearch: (term: string, s: Skill) =>
        s.aliases.some(a => a.includes(term.toLocaleLowerCase())),
      render: s => (
        <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
          {s.aliases.map(a => (
            <Chip key={a} size="small" label={a} />
          ))}
        </Box>
      ),
    },
    {
      title: t('admin.skills.columns.posts'),
      field: 'usage.posts',
      type: 'numeric',
    },
    {
      title: t('admin.skills.columns.profiles'),
      field: 'usage.profiles',
      type: 'numeric',
    },
    {
      title: t('admin.skills.columns.actions'),
      sorting: false,
      render: s => (
        <Box display="flex" style={{ gap: 8 }}>
          <Button
            size="small"
            variant="outlined"
            aria-label={t('admin.skills.editLabel', { name: s.name })}
            onClick={() => setOpen({ dialog: 'edit', skill: s })}
          >
            {t('admin.skills.edit')}
          </Button>
          <Button
            size="small"
            variant="outlined"
            aria-label={t('admin.skills.mergeLabel', { name: s.name })}
            onClick={() => setOpen({ dialog: 'merge', skill: s })}
          >
            {t('admin.skills.merge')}
          </Button>
        </Box>
      ),
    },
  ];

  return (
    <>
      <Box mb={2} display="flex" justifyContent="flex-end">
        <Button
          variant="contained"
          color="primary"
          startIcon={<AddIcon />}
          disabled={busy}
          onClick={() => setOpen({ dialog: 'add' })}
        >
          {t('admin.skills.add')}
        </Button>
      </Box>
      <Table<Skill>
        title={t('admin.skills.tableTitle', { count: skills.length })}
        {...adminTableProps(t, t('admin.skills.filter'))}
        columns={columns}
        data={skills}
      />
      {open?.dialog === 'add' && (
        <SkillDialog
          onClose={() => setOpen(undefined)}
          onSave={input =>
            run(
              () => api.addSkill(input),
              t('admin.skills.added', { name: input.name }),
            )
          }
        />
      )}
      {open?.dialog === 'edit' && (
        <SkillDialog
          skill={open.skill}
          onClose={() => setOpen(undefined)}
          onSave={input =>
            run(
              () => api.updateSkill(open.skill.id, input),
              t('admin.skills.saved', { name: input.name }),
            )
          }
        />
      )}
      {open?.dialog === 'merge' && (
        <MergeDialog
          skill={open.skill}
          skills={skills}
          onClose={() => setOpen(undefined)}
          onMerge={into =>
            run(
              () => api.mergeSkill(open.skill.id, into),
              t('admin.skills.merged', { from: open.skill.name, into }),
            )
          }
        />
      )}
    </>
  );
};
