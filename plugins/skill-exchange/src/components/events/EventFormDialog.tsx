import { FormEvent, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import {
  eventInputSchema,
  eventUpdateSchema,
  HackEvent,
  LIMITS,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../../api';
import { skillExchangeTranslationRef } from '../../translation';

type Form = Record<
  | 'name'
  | 'description'
  | 'startsOn'
  | 'endsOn'
  | 'registrationOpensOn'
  | 'registrationClosesOn'
  | 'organisers',
  string
>;

function formOf(event?: HackEvent): Form {
  return {
    name: event?.name ?? '',
    description: event?.description ?? '',
    startsOn: event?.startsOn ?? '',
    endsOn: event?.endsOn ?? '',
    registrationOpensOn: event?.registrationOpensOn ?? '',
    registrationClosesOn: event?.registrationClosesOn ?? '',
    organisers: event?.organisers.join(', ') ?? '',
  };
}

/** Form values -> API input: empty optional days left out, organisers split. */
export function eventInputOf(form: Form) {
  return {
    name: form.name,
    description: form.description,
    startsOn: form.startsOn,
    endsOn: form.endsOn,
    registrationOpensOn: form.registrationOpensOn || null,
    ...(form.registrationClosesOn
      ? { registrationClosesOn: form.registrationClosesOn }
      : {}),
    organisers: form.organisers
      .split(/[\s,]+/)
      .map(ref => ref.trim())
      .filter(Boolean),
  };
}

/**
 * Create an event (without `event`) or edit one, checked with the API's own
 * schema before it is sent; the API's answer (a 409 for a stale version)
 * shows above the form.
 */
export const EventFormDialog = ({
  event,
  onClose,
  onSaved,
}: {
  event?: HackEvent;
  onClose: () => void;
  onSaved: (saved: HackEvent) => void;
}) => {
  const api = useApi(skillExchangeApiRef);
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const [form, setForm] = useState<Form>(() => formOf(event));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);
  const title = event
    ? t('events.form.editTitle', { name: event.name })
    : t('events.form.createTitle', {
        hack: t('common.kindsInText.hack'),
      });

  const field = (
    name: keyof Form,
    label: string,
    { helperText, ...extra }: Record<string, unknown> = {},
  ) => ({
    id: `sx-event-${name}`,
    label,
    value: form[name],
    onChange: (e: { target: { value: string } }) => {
      setForm(f => ({ ...f, [name]: e.target.value }));
      // An edited field's error goes until the next check.
      setErrors(({ [name]: _edited, ...rest }) => rest);
    },
    error: Boolean(errors[name]),
    // A field's error replaces its hint.
    helperText: errors[name] ?? (helperText as string | undefined),
    fullWidth: true,
    variant: 'outlined' as const,
    margin: 'dense' as const,
    ...(extra.type === 'date' ? { InputLabelProps: { shrink: true } } : {}),
    ...extra,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(undefined);
    const input = eventInputOf(form);
    const parsed = event
      ? eventUpdateSchema.safeParse({ ...input, version: event.version })
      : eventInputSchema.safeParse(input);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        next[String(issue.path[0] ?? 'form')] ??= issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      onSaved(
        event
          ? await api.updateEvent(event.id, {
              ...(parsed.data as typeof input),
              version: event.version,
            })
          : await api.createEvent(parsed.data as any),
      );
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="sx-event-form-title">
      <form onSubmit={submit} noValidate aria-label={title}>
        <DialogTitle id="sx-event-form-title">{title}</DialogTitle>
        <DialogContent>
          {failure && (
            <Alert severity="error" role="alert">
              {t('events.form.failure', { error: failure })}
            </Alert>
          )}
          <TextField
            {...field('name', t('events.form.name'), {
              required: true,
              autoFocus: true,
              inputProps: { maxLength: 120 },
            })}
          />
          <TextField
            {...field('description', t('events.form.description'), {
              multiline: true,
              minRows: 3,
              inputProps: { maxLength: LIMITS.description },
            })}
          />
          <TextField
            {...field('startsOn', t('events.form.startsOn'), {
              type: 'date',
              required: true,
            })}
          />
          <TextField
            {...field('endsOn', t('events.form.endsOn'), {
              type: 'date',
              required: true,
            })}
          />
          <TextField
            {...field(
              'registrationOpensOn',
              t('events.form.registrationOpensOn'),
              {
                type: 'date',
                helperText: t('events.form.registrationOpensOnHint'),
              },
            )}
          />
          <TextField
            {...field(
              'registrationClosesOn',
              t('events.form.registrationClosesOn'),
              {
                type: 'date',
                helperText: t('events.form.registrationClosesOnHint'),
              },
            )}
          />
          <TextField
            {...field('organisers', t('events.form.organisers'), {
              helperText: t('events.form.organisersHint'),
            })}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('events.form.cancel')}</Button>
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={saving}
          >
            {event ? t('events.form.save') : t('events.form.create')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
