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
  Skill,
  SKILL_CATEGORIES,
  SkillInput,
  skillInputSchema,
} from '@onramp/backstage-plugin-skill-exchange-common';

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
  color: 'primary' | 'secondary';
  disabled: boolean;
  onCancel: () => void;
  onClick: () => void;
}) => (
  <DialogActions>
    <Button onClick={props.onCancel}>Cancel</Button>
    <Button
      color={props.color}
      variant="contained"
      disabled={props.disabled}
      onClick={props.onClick}
    >
      {props.label}
    </Button>
  </DialogActions>
);

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
        .map(i => `${i.path.join('.') || 'skill'}: ${i.message}`)
        .join('; ');
  const title = skill ? `Edit ${skill.name}` : 'Add a skill';
  return (
    <Dialog open onClose={props.onClose} aria-labelledby="sx-skill-title">
      <DialogTitle id="sx-skill-title">{title}</DialogTitle>
      <DialogContent>
        <TextField
          id="sx-skill-name"
          label="Name"
          fullWidth
          margin="normal"
          required
          value={name}
          helperText={
            skill
              ? 'A new name keeps the old one as an alias, so old links work.'
              : undefined
          }
          onChange={e => setName(e.target.value)}
        />
        <TextField
          id="sx-skill-category"
          select
          label="Category"
          fullWidth
          margin="normal"
          value={category}
          onChange={e => setCategory(e.target.value)}
        >
          {SKILL_CATEGORIES.map(c => (
            <MenuItem key={c} value={c}>
              {c}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="sx-skill-aliases"
          label="Aliases"
          fullWidth
          margin="normal"
          value={aliases}
          helperText="Other names, separated by commas (e.g. k8s, kube)."
          onChange={e => setAliases(e.target.value)}
        />
        <TextField
          id="sx-skill-description"
          label="Description"
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
        label="Save"
        color="primary"
        disabled={!parsed.success}
        onCancel={props.onClose}
        onClick={() => parsed.success && props.onSave(parsed.data)}
      />
    </Dialog>
  );
};

/** What merging `from` into `into` rewrites, in words. */
export function mergeSummary(from: Skill, into: string): string {
  const posts = from.usage?.posts ?? 0;
  const profiles = from.usage?.profiles ?? 0;
  const plural = (n: number, word: string) =>
    `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(posts, 'post')} and ${plural(profiles, 'profile')} using ${
    from.name
  }, with its retros, evidence and dismissed suggestions, move to ${into} in one step. ${
    from.name
  } and its aliases become aliases of ${into}. This cannot be undone.`;
}

/** Picks the skill to merge `skill` into, then asks to confirm what moves. */
export const MergeDialog = (props: {
  skill: Skill;
  skills: Skill[];
  onClose: () => void;
  onMerge: (into: string) => Promise<void>;
}) => {
  const [into, setInto] = useState<Skill | null>(null);
  const others = props.skills.filter(s => s.id !== props.skill.id);
  return (
    <Dialog
      open
      onClose={props.onClose}
      aria-labelledby="sx-merge-title"
      fullWidth
    >
      <DialogTitle id="sx-merge-title">Merge {props.skill.name}</DialogTitle>
      <DialogContent>
        <Autocomplete
          id="sx-merge-into"
          options={others}
          getOptionLabel={s => s.name}
          value={into}
          onChange={(_e, value) => setInto(value)}
          renderInput={params => (
            <TextField {...params} label="Merge into" variant="outlined" />
          )}
        />
        {into && (
          <DialogContentText style={{ marginTop: 16 }}>
            {mergeSummary(props.skill, into.name)}
          </DialogContentText>
        )}
      </DialogContent>
      <CancelOr
        label="Merge"
        color="secondary"
        disabled={!into}
        onCancel={props.onClose}
        onClick={() => into && props.onMerge(into.name)}
      />
    </Dialog>
  );
};
