import { FormEvent, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
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
  const [form, setForm] = useState<Form>(() => formOf(event));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);
  const title = event ? `Edit ${event.name}` : 'Create a hack event';

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
              Could not save: {failure}
            </Alert>
          )}
          <TextField
            {...field('name', 'Name', {
              required: true,
              autoFocus: true,
              inputProps: { maxLength: 120 },
            })}
          />
          <TextField
            {...field('description', 'Description (Markdown)', {
              multiline: true,
              minRows: 3,
              inputProps: { maxLength: LIMITS.description },
            })}
          />
          <TextField
            {...field('startsOn', 'First day', {
              type: 'date',
              required: true,
            })}
          />
          <TextField
            {...field('endsOn', 'Last day', { type: 'date', required: true })}
          />
          <TextField
            {...field('registrationOpensOn', 'Registration opens', {
              type: 'date',
              helperText: 'Empty: open from now on',
            })}
          />
          <TextField
            {...field('registrationClosesOn', 'Registration closes', {
              type: 'date',
              helperText: 'Empty: on the last day',
            })}
          />
          <TextField
            {...field('organisers', 'Other organisers', {
              helperText:
                'User refs, comma-separated, e.g. user:default/amara.okafor',
            })}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={saving}
          >
            {event ? 'Save event' : 'Create event'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
