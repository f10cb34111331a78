import { useApi } from '@backstage/core-plugin-api';
import { TextField } from '@material-ui/core';
import { Autocomplete } from '@material-ui/lab';
import useAsync from 'react-use/esm/useAsync';
import { skillExchangeApiRef } from '../api';

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
