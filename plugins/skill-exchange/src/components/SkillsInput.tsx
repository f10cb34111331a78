import { useApi } from '@backstage/core-plugin-api';
import { TextField } from '@material-ui/core';
import { Autocomplete } from '@material-ui/lab';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { skillExchangeApiRef } from '../api';
import { skillExchangeTranslationRef } from '../translation';

/** Picks skills from the taxonomy (names and aliases are both searchable). */
export const SkillsInput = (props: {
  id: string;
  label: string;
  value: string[];
  onChange: (skills: string[]) => void;
  error?: string;
  helperText?: string;
  max?: number;
}) => {
  const api = useApi(skillExchangeApiRef);
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const { value: skills = [], loading } = useAsync(
    () => api.listSkills(),
    [api],
  );
  const byName = new Map(skills.map(s => [s.name, s]));
  return (
    <Autocomplete
      id={props.id}
      multiple
      loading={loading}
      noOptionsText={t('posts.skillsInput.noOptions')}
      loadingText={t('posts.skillsInput.loading')}
      clearText={t('posts.skillsInput.clear')}
      openText={t('posts.skillsInput.open')}
      closeText={t('posts.skillsInput.close')}
      options={skills.map(s => s.name)}
      value={props.value}
      onChange={(_e, value) => props.onChange(value.slice(0, props.max ?? 20))}
      filterOptions={(options, state) => {
        const q = state.inputValue.trim().toLocaleLowerCase();
        if (!q) return options.slice(0, 50);
        return options
          .filter(name => {
            const skill = byName.get(name);
            return (
              name.toLocaleLowerCase().includes(q) ||
              skill?.aliases.some(a => a.includes(q))
            );
          })
          .slice(0, 50);
      }}
      renderInput={params => (
        <TextField
          {...params}
          variant="outlined"
          margin="dense"
          label={props.label}
          error={Boolean(props.error)}
          helperText={props.error ?? props.helperText}
        />
      )}
    />
  );
};
