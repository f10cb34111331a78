import { Link } from '@backstage/core-components';
import { ApiHolder, useApi } from '@backstage/core-plugin-api';
import {
  translationApiRef,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { FormHelperText, TextField } from '@material-ui/core';
import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import {
  ServiceNameCheck,
  serviceNameProblem,
} from '@onramp/backstage-plugin-golden-paths-common';
import { useEffect, useState } from 'react';
import { goldenPathsApiRef } from '../api';
import { goldenPathsTranslationRef } from '../translation';

/** The field's name in templates: `ui:field: GoldenPathServiceName`. */
export const SERVICE_NAME_FIELD = 'GoldenPathServiceName';

type Answer =
  | { state: 'checking' }
  | { state: 'done'; check: ServiceNameCheck }
  | { state: 'failed'; error: string };

/**
 * A Day-1 service name: checks the pattern as you type, then (after a
 * pause) asks the catalog and the git root whether the name is free.
 */
export const ServiceNameField = ({
  formData,
  onChange,
  required,
  disabled,
  rawErrors,
  schema,
  idSchema,
  debounceMs = 400,
}: FieldExtensionComponentProps<string> & { debounceMs?: number }) => {
  const api = useApi(goldenPathsApiRef);
  const { t } = useTranslationRef(goldenPathsTranslationRef);
  const value = formData ?? '';
  const problem = value ? serviceNameProblem(value) : undefined;
  const [answer, setAnswer] = useState<Answer | undefined>();

  useEffect(() => {
    setAnswer(undefined);
    if (!value || problem) {
      return undefined;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      setAnswer({ state: 'checking' });
      api.checkServiceName(value).then(
        check => !cancelled && setAnswer({ state: 'done', check }),
        e =>
          !cancelled &&
          setAnswer({ state: 'failed', error: (e as Error).message }),
      );
    }, debounceMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, value, problem, debounceMs]);

  const takenCheck =
    answer?.state === 'done' && !answer.check.available
      ? answer.check
      : undefined;
  const id = idSchema?.$id ?? 'service-name';
  const status = () => {
    if (problem) {
      return problem;
    }
    if (takenCheck) {
      const { message = '', url } = takenCheck;
      if (!url) {
        return message;
      }
      // "… choose another name, or open it: <url>": the words become the link.
      const lead = message.endsWith(`open it: ${url}`)
        ? message.slice(0, -`open it: ${url}`.length)
        : `${message} (`;
      return (
        <>
          {lead}
          <Link to={url}>{t('journey.serviceName.openIt')}</Link>
          {lead.endsWith('(') ? ')' : ''}
        </>
      );
    }
    switch (answer?.state) {
      case 'checking':
        return t('journey.serviceName.checking', { name: value });
      case 'done':
        return t('journey.serviceName.free', { name: value });
      case 'failed':
        return t('journey.serviceName.checkFailed', { reason: answer.error });
      default:
        return schema.description;
    }
  };
  return (
    <>
      <TextField
        id={id}
        label={schema.title ?? t('journey.serviceName.label')}
        value={value}
        required={required}
        disabled={disabled}
        onChange={e => onChange(e.target.value || undefined)}
        error={Boolean(problem || takenCheck || rawErrors?.length)}
        inputProps={{ 'aria-describedby': `${id}-status` }}
        margin="normal"
        fullWidth
      />
      <FormHelperText id={`${id}-status`} role="status">
        {status()}
      </FormHelperText>
    </>
  );
};

/** "<name> is taken" in the app's language (English until it has loaded). */
function takenText(apiHolder: ApiHolder, name: string): string {
  const snapshot = apiHolder
    .get(translationApiRef)
    ?.getTranslation(goldenPathsTranslationRef);
  return snapshot?.ready
    ? snapshot.t('journey.serviceName.taken', { name })
    : `${name} is taken`;
}

/**
 * Runs before the next step and before submit: the pattern, then the same
 * question the field asks as you type.
 */
export const serviceNameValidation: CustomFieldValidator<string> = async (
  value,
  validation,
  { apiHolder },
) => {
  if (!value) {
    return;
  }
  const problem = serviceNameProblem(value);
  if (problem) {
    validation.addError(problem);
    return;
  }
  const api = apiHolder.get(goldenPathsApiRef);
  if (!api) {
    return;
  }
  const check = await api.checkServiceName(value);
  if (!check.available) {
    validation.addError(check.message ?? takenText(apiHolder, value));
  }
};
