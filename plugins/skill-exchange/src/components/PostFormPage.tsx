import { FormEvent, useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useCatalogGroups } from './useCatalogGroups';
import { HackFields } from './HackFields';
import { Box, Button, Grid, MenuItem, TextField } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import useAsync from 'react-use/esm/useAsync';
import type {
  Post,
  PostKind,
} from '@onramp/backstage-plugin-skill-exchange-common';
import {
  LIMITS,
  postInputSchema,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { skillExchangeTranslationRef } from '../translation';
import { EmbedFields } from './EmbedFields';
import {
  PairingFields,
  pairingFormState,
  pairingSlotsInput,
} from './PairingFields';
import { SkillsInput } from './SkillsInput';
import { useSkillExchangePath } from './common';

type FormState = Record<string, any>;

const EMPTY: Record<PostKind, FormState> = {
  embed: {
    title: '',
    description: '',
    skills: [],
    team: '',
    level: 3,
    start: '',
    durationWeeks: 4,
    timeSharePercent: 100,
    location: 'remote',
    office: '',
    headcount: 1,
  },
  hack: {
    title: '',
    description: '',
    skills: [],
    stage: 'idea',
    eventId: '',
    location: '',
    category: '',
    demoUrl: '',
    resultSummary: '',
  },
  mentorship: {
    title: '',
    description: '',
    skills: [],
    mode: 'offering',
    capacity: 1,
  },
  pairing: { title: '', description: '', skills: [], ...pairingFormState() },
};

function fromPost(post: Post): FormState {
  const { title, description, skills } = post;
  switch (post.kind) {
    case 'embed':
      return {
        title,
        description,
        skills,
        team: post.team,
        level: post.level,
        start: post.start,
        durationWeeks: post.durationWeeks,
        timeSharePercent: post.timeSharePercent,
        location: post.location,
        office: post.office ?? '',
        headcount: post.headcount,
      };
    case 'hack':
      return {
        title,
        description,
        skills,
        stage: post.stage,
        eventId: post.eventId ?? '',
        location: post.location ?? '',
        category: post.category ?? '',
        demoUrl: post.demoUrl ?? '',
        resultSummary: post.resultSummary ?? '',
      };
    case 'pairing':
      return { title, description, skills, ...pairingFormState(post) };
    default:
      return {
        title,
        description,
        skills,
        mode: post.mode,
        capacity: post.capacity,
      };
  }
}

/** Form values -> API input (numbers as numbers, empty optionals left out). */
export function toInput(
  kind: PostKind,
  form: FormState,
): Record<string, unknown> {
  const input: Record<string, unknown> = {
    kind,
    title: form.title,
    description: form.description,
    skills: form.skills,
  };
  if (kind === 'embed') {
    Object.assign(input, {
      team: form.team,
      level: Number(form.level),
      start: form.start,
      durationWeeks: Number(form.durationWeeks),
      timeSharePercent: Number(form.timeSharePercent),
      location: form.location,
      headcount: Number(form.headcount),
      ...(form.location === 'office' && form.office
        ? { office: form.office }
        : {}),
    });
  } else if (kind === 'hack') {
    Object.assign(input, {
      stage: form.stage,
      ...(form.eventId ? { eventId: Number(form.eventId) } : {}),
      ...(form.location ? { location: form.location } : {}),
      ...(form.category ? { category: form.category } : {}),
      ...(form.stage === 'completed' && form.demoUrl
        ? { demoUrl: form.demoUrl }
        : {}),
      ...(form.stage === 'completed' && form.resultSummary
        ? { resultSummary: form.resultSummary }
        : {}),
    });
  } else if (kind === 'pairing') {
    Object.assign(input, {
      mode: form.mode,
      durationMinutes: Number(form.durationMinutes),
      slots: pairingSlotsInput(form),
    });
  } else {
    Object.assign(input, { mode: form.mode, capacity: Number(form.capacity) });
  }
  return input;
}

export const PostFormPage = () => {
  const params = useParams();
  const editId = params.id ? Number(params.id) : undefined;
  const api = useApi(skillExchangeApiRef);
  const navigate = useNavigate();
  const path = useSkillExchangePath();
  const { t } = useTranslationRef(skillExchangeTranslationRef);

  const existing = useAsync(
    async () => (editId ? api.getPost(editId) : undefined),
    [api, editId],
  );
  const kind = (existing.value?.kind ?? params.kind ?? 'embed') as PostKind;
  // A hack added from an event's page comes with that event.
  const [search] = useSearchParams();
  const [form, setForm] = useState<FormState>(() => ({
    ...(EMPTY[kind] ?? EMPTY.embed),
    ...(kind === 'hack' && search.get('eventId')
      ? { eventId: Number(search.get('eventId')) }
      : {}),
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (existing.value) setForm(fromPost(existing.value));
  }, [existing.value]);

  const teams = useCatalogGroups(kind === 'embed');
  const events = useAsync(
    async () => (kind === 'hack' ? api.listEvents() : []),
    [api, kind],
  );

  if (!EMPTY[kind]) {
    return (
      <ResponseErrorPanel
        error={new Error(t('posts.postForm.unknownKind', { kind }))}
      />
    );
  }
  if (existing.loading) return <Progress />;
  if (existing.error) return <ResponseErrorPanel error={existing.error} />;

  const set = (field: string) => (e: { target: { value: unknown } }) =>
    setForm(f => ({ ...f, [field]: e.target.value }));
  const field = (
    name: string,
    label: string,
    { helperText, ...extra }: Record<string, unknown> = {},
  ) => ({
    id: `sx-${name}`,
    label,
    value: form[name],
    onChange: set(name),
    error: Boolean(errors[name]),
    // A field's error replaces its hint.
    helperText: errors[name] ?? (helperText as string | undefined),
    fullWidth: true,
    variant: 'outlined' as const,
    margin: 'dense' as const,
    ...extra,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(undefined);
    const input = toInput(kind, form);
    const parsed = postInputSchema.safeParse(input);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        // A slot's error goes to that slot ("slots.1").
        const key = issue.path.slice(0, issue.path[0] === 'slots' ? 2 : 1);
        next[key.join('.') || 'form'] ??= issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const saved = existing.value
        ? await api.updatePost(existing.value.id, {
            ...parsed.data,
            version: existing.value.version,
          } as any)
        : await api.createPost(parsed.data);
      navigate(path(`/posts/${saved.id}`));
    } catch (error) {
      // Keep everything typed; say why it failed.
      setFailure((error as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const title = existing.value
    ? t('posts.postForm.editTitle', { title: existing.value.title })
    : t('posts.postForm.newTitle', {
        kind: t(`common.kindsInText.${kind}`),
      });

  return (
    <Page themeId="tool">
      <Header title={title} type={t('common.title')} typeLink={path('/')} />
      <Content>
        <InfoCard>
          <form onSubmit={submit} noValidate aria-label={title}>
            {failure && (
              <Alert severity="error" role="alert" style={{ marginBottom: 16 }}>
                {t('posts.postForm.couldNotSave', { error: failure })}
              </Alert>
            )}
            <Grid container spacing={2}>
              <Grid item xs={12}>
                <TextField
                  {...field('title', t('posts.postForm.title'), {
                    required: true,
                    inputProps: { maxLength: LIMITS.title },
                  })}
                />
                <TextField
                  {...field('description', t('posts.postForm.description'), {
                    multiline: true,
                    minRows: 5,
                    inputProps: { maxLength: LIMITS.description },
                    helperText: t('posts.postForm.descriptionHelp'),
                  })}
                />
                <SkillsInput
                  id="sx-skills"
                  label={
                    (kind === 'mentorship' || kind === 'pairing') &&
                    form.mode === 'offering'
                      ? t('posts.helpWith.offering')
                      : t('posts.postForm.skillsSeeking')
                  }
                  value={form.skills}
                  onChange={skills => setForm(f => ({ ...f, skills }))}
                  error={errors.skills}
                  helperText={
                    kind === 'pairing'
                      ? t('posts.postForm.oneSkillPerSession')
                      : undefined
                  }
                  max={kind === 'pairing' ? 1 : LIMITS.skills}
                />
              </Grid>
              {kind === 'embed' && (
                <EmbedFields field={field} form={form} teams={teams.value} />
              )}
              {kind === 'hack' && (
                <HackFields
                  field={field}
                  events={events.value ?? []}
                  form={form}
                />
              )}
              {kind === 'pairing' && (
                <PairingFields
                  field={field}
                  form={form}
                  errors={errors}
                  onSlots={slots => setForm(f => ({ ...f, slots }))}
                />
              )}
              {kind === 'mentorship' && (
                <Grid item xs={12} md={6}>
                  <TextField
                    {...field('mode', t('posts.postForm.iAm'), {
                      select: true,
                    })}
                  >
                    <MenuItem value="offering">
                      {t('posts.mentorshipMode.offering')}
                    </MenuItem>
                    <MenuItem value="seeking">
                      {t('posts.mentorshipMode.seeking')}
                    </MenuItem>
                  </TextField>
                  <TextField
                    {...field('capacity', t('posts.postForm.capacity'), {
                      type: 'number',
                      inputProps: { min: 1, max: 10 },
                    })}
                  />
                </Grid>
              )}
            </Grid>
            <Box mt={2} display="flex" style={{ gap: 8 }}>
              <Button
                type="submit"
                variant="contained"
                color="primary"
                disabled={saving}
              >
                {existing.value
                  ? t('posts.postForm.saveChanges')
                  : t('posts.postForm.post')}
              </Button>
              <Button onClick={() => navigate(-1)}>{t('posts.cancel')}</Button>
            </Box>
          </form>
        </InfoCard>
      </Content>
    </Page>
  );
};
