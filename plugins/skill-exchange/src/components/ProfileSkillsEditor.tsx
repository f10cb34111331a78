import {
  Box,
  Checkbox,
  FormControlLabel,
  IconButton,
  TextField,
  Typography,
} from '@material-ui/core';
import DeleteIcon from '@material-ui/icons/Delete';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  LIMITS,
  PROFICIENCY_LEVELS,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeTranslationRef } from '../translation';
import { levelDescription, levelNameOf, levelOptions } from './common';
import { SkillsInput } from './SkillsInput';

/** One skill as the profile form edits it. */
export type EditableSkill = { skill: string; level: number; canHelp: boolean };

/** New skills start at level 2 ("Learning"), not offered as help. */
export function addSkills(
  skills: EditableSkill[],
  names: string[],
): EditableSkill[] {
  const known = new Set(skills.map(s => s.skill));
  return [
    ...skills,
    ...names
      .filter(n => !known.has(n))
      .map(skill => ({ skill, level: 2, canHelp: false })),
  ];
}

/** The rows of "My skills": a level and "I can help" per skill, remove, add. */
export const ProfileSkillsEditor = ({
  skills,
  onChange,
}: {
  skills: EditableSkill[];
  onChange: (skills: EditableSkill[]) => void;
}) => {
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const change = (index: number, patch: Partial<EditableSkill>) =>
    onChange(skills.map((x, i) => (i === index ? { ...x, ...patch } : x)));
  return (
    <>
      {skills.map((s, index) => (
        <Box
          key={s.skill}
          display="flex"
          alignItems="center"
          style={{ gap: 12 }}
          data-testid={`skill-row-${s.skill}`}
        >
          <Typography style={{ minWidth: 160 }}>{s.skill}</Typography>
          <TextField
            id={`sx-level-${index}`}
            select
            size="small"
            variant="outlined"
            label={t('profiles.skillsEditor.levelIn', { skill: s.skill })}
            value={s.level}
            onChange={e => change(index, { level: Number(e.target.value) })}
            style={{ minWidth: 220 }}
            margin="dense"
          >
            {levelOptions(t)}
          </TextField>
          <FormControlLabel
            control={
              <Checkbox
                checked={s.canHelp}
                onChange={e => change(index, { canHelp: e.target.checked })}
              />
            }
            label={t('profiles.skillsEditor.canHelp')}
          />
          <IconButton
            aria-label={t('profiles.skillsEditor.remove', { skill: s.skill })}
            onClick={() => onChange(skills.filter((_x, i) => i !== index))}
          >
            <DeleteIcon />
          </IconButton>
        </Box>
      ))}
      <SkillsInput
        id="sx-add-skills"
        label={t('profiles.skillsEditor.addSkills')}
        value={[]}
        onChange={names => onChange(addSkills(skills, names))}
        max={LIMITS.profileSkills}
      />
      <Box mt={1}>
        {PROFICIENCY_LEVELS.map(l => (
          <Typography key={l.level} variant="caption" component="div">
            <strong>
              {l.level} · {levelNameOf(t, l.level)}
            </strong>
            : {levelDescription(l.level, t)}
          </Typography>
        ))}
      </Box>
    </>
  );
};
