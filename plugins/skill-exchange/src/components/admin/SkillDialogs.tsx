import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  TextField,
} from '@material-ui/core';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  TranslationFunction,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import {
  Skill,
  SKILL_CATEGORIES,
  SkillInput,
  skillInputSchema,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeTranslationRef } from '../../translation';

type Translate = TranslationFunction<typeof skillExchangeTranslationRef.T>;

/** "a, b , c" -> ["a", "b", "c"] (blank parts left out). */
export function splitAliases(text: string): string[] {
  return text
    .split(',')
    .map(a => a.trim())
    .filter(Boolean);
}

/** A dialog's Cancel and its one action. */
const CancelOr = (props: {
  label: string;
  disabled: boolean;
  onCancel: () => void;
  onClick: () => void;
}) => {
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  return (
    <DialogActions>
      <Button onClick={props.onCancel}>{t('admin.skillDialog.cancel')}</Button>
      <Button
        color="primary"
        variant="contained"
        disabled={props.disabled}
        onClick={props.onClick}
      >
        {props.label}
      </Button>
    </DialogActions>
  );
};

/**
 * Adds a skill (no `skill`) or edits one: name, category, description and
 * aliases, checked with the backend's own schema before it is sent.
 */
export const SkillDialog = (props: {
  skill?: Skill;
  onClose: () => void;
  onSave: (input: SkillInput) => Promise<void>;
}) => {
  const { skill } = props;
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const [name, setName] = useState(skill?.name ?? '');
  const [category, setCategory] = useState<string>(
    skill?.category ?? 'language',
  );
  const [description, setDescription] = useState(skill?.description ?? '');
  const [aliases, setAliases] = useState(skill?.aliases.join(', ') ?? '');
  const parsed = skillInputSchema.safeParse({
    name,
    category,
    description,
    aliases: splitAliases(aliases),
  });
  const problem = parsed.success
    ? undefined
    : parsed.error.issues
        .map(
          i =>
            `${i.path.join('.') || t('admin.skillDialog.problemField')}: ${
              i.message
            }`,
        )
        .join('; ');
  const title = skill
    ? t('admin.skillDialog.editTitle', { name: skill.name })
    : t('admin.skillDialog.addTitle');
  return (
    <Dialog open onClose={props.onClose} aria-labelledby="sx-skill-title">
      <DialogTitle id="sx-skill-title">{title}</DialogTitle>
      <DialogContent>
        <TextField
          id="sx-skill-name"
          label={t('admin.skillDialog.name')}
          fullWidth
          margin="normal"
          required
          value={name}
          helperText={skill ? t('admin.skillDialog.renameHint') : undefined}
          onChange={e => setName(e.target.value)}
        />
        <TextField
          id="sx-skill-category"
          select
          label={t('admin.skillDialog.category')}
          fullWidth
          margin="normal"
          value={category}
          onChange={e => setCategory(e.target.value)}
        >
          {SKILL_CATEGORIES.map(c => (
            <MenuItem key={c} value={c}>
              {t(`admin.categories.${c}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="sx-skill-aliases"
          label={t('admin.skillDialog.aliases')}
          fullWidth
          margin="normal"
          value={aliases}
          helperText={t('admin.skillDialog.aliasesHint')}
          onChange={e => setAliases(e.target.value)}
        />
        <TextField
          id="sx-skill-description"
          label={t('admin.skillDialog.description')}
          fullWidth
          multiline
          minRows={2}
          margin="normal"
          value={description}
          onChange={e => setDescription(e.target.value)}
        />
        {problem && name && (
          <DialogContentText color="error" role="alert">
            {problem}
          </DialogContentText>
        )}
      </DialogContent>
      <CancelOr
        label={t('admin.skillDialog.save')}
        disabled={!parsed.success}
        onCancel={props.onClose}
        onClick={() => parsed.success && props.onSave(parsed.data)}
      />
    </Dialog>
  );
};

/** What merging `from` into `into` rewrites, in words. */
export function mergeSummary(t: Translate, from: Skill, into: string): string {
  return t('admin.mergeDialog.summary', {
    posts: t('admin.mergeDialog.posts', { count: from.usage?.posts ?? 0 }),
    profiles: t('admin.mergeDialog.profiles', {
      count: from.usage?.profiles ?? 0,
    }),
    from: from.name,
    into,
  });
}

/** Picks the skill to merge `skill` into, then asks to confirm what moves. */
export const MergeDialog = (props: {
  skill: Skill;
  skills: Skill[];
  onClose: () => void;
  onMerge: (into: string) => Promise<void>;
}) => {
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const [into, setInto] = useState<Skill | null>(null);
  const others = props.skills.filter(s => s.id !== props.skill.id);
  return (
    <Dialog
      open
      onClose={props.onClose}
      aria-labelledby="sx-merge-title"
      fullWidth
    >
      <DialogTitle id="sx-merge-title">
        {t('admin.mergeDialog.title', { name: props.skill.name })}
      </DialogTitle>
      <DialogContent>
        <Autocomplete
          id="sx-merge-into"
          options={others}
          getOptionLabel={s => s.name}
          value={into}
          onChange={(_e, value) => setInto(value)}
          renderInput={params => (
            <TextField
              {...params}
              label={t('admin.mergeDialog.into')}
              variant="outlined"
            />
          )}
        />
        {into && (
          <DialogContentText style={{ marginTop: 16 }}>
            {mergeSummary(t, props.skill, into.name)}
          </DialogContentText>
        )}
      </DialogContent>
      <CancelOr
        label={t('admin.mergeDialog.merge')}
        disabled={!into}
        onCancel={props.onClose}
        onClick={() => into && props.onMerge(into.name)}
      />
    </Dialog>
  );
};
