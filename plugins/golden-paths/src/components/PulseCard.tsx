import { InfoCard, Link } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@material-ui/core';
import {
  Pulse,
  pulseAnswerRequestSchema,
} from '@onramp/backstage-plugin-golden-paths-common';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { goldenPathsApiRef } from '../api';
import { GoldenPathsT, useGoldenPathsT } from './translate';

const SCORES = [1, 2, 3, 4, 5];

/** "1 (not at all)", "2", ..., "5 (fully)". */
const scoreLabel = (t: GoldenPathsT, score: number) => {
  if (score === 1) {
    return t('insights.pulse.card.scoreLabel', {
      score: '1',
      meaning: t('insights.pulse.scale.notAtAll'),
    });
  }
  if (score === 5) {
    return t('insights.pulse.card.scoreLabel', {
      score: '5',
      meaning: t('insights.pulse.scale.fully'),
    });
  }
  return String(score);
};

/** One 1..5 question as a labelled radio group. */
const ScoreQuestion = (props: {
  id: string;
  question: string;
  value: number | undefined;
  onChange: (value: number) => void;
}) => {
  const t = useGoldenPathsT();
  return (
    <FormControl component="fieldset" margin="normal">
      <FormLabel component="legend" id={props.id}>
        {t('insights.pulse.card.questionLegend', { question: props.question })}
      </FormLabel>
      <RadioGroup
        row
        aria-labelledby={props.id}
        name={props.id}
        value={props.value === undefined ? '' : String(props.value)}
        onChange={e => props.onChange(Number(e.target.value))}
      >
        {SCORES.map(score => (
          <FormControlLabel
            key={score}
            value={String(score)}
            control={<Radio color="primary" />}
            label={scoreLabel(t, score)}
          />
        ))}
      </RadioGroup>
    </FormControl>
  );
};

/** The form of one pulse: both questions, a comment and Save. */
const PulseForm = (props: { pulse: Pulse; onSaved: () => void }) => {
  const { pulse } = props;
  const t = useGoldenPathsT();
  const api = useApi(goldenPathsApiRef);
  const alertApi = useApi(alertApiRef);
  const [onboarded, setOnboarded] = useState(pulse.answer?.onboarded);
  const [productive, setProductive] = useState(pulse.answer?.productive);
  const [comment, setComment] = useState(pulse.answer?.comment ?? '');
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setOnboarded(pulse.answer?.onboarded);
    setProductive(pulse.answer?.productive);
    setComment(pulse.answer?.comment ?? '');
  }, [pulse]);
  const body = pulseAnswerRequestSchema.safeParse({
    onboarded,
    productive,
    comment,
  });

  const save = async () => {
    if (!body.success) return;
    setSaving(true);
    try {
      await api.answerPulse(pulse.day, body.data);
      alertApi.post({
        message: t('insights.pulse.card.saved', { day: String(pulse.day) }),
        severity: 'success',
        display: 'transient',
      });
      props.onSaved();
    } catch (e) {
      alertApi.post({
        message: t('insights.pulse.card.saveFailed', {
          message: (e as Error).message,
        }),
        severity: 'error',
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box
      component="form"
      aria-label={t('insights.pulse.card.formLabel', {
        day: String(pulse.day),
      })}
      onSubmit={(e: React.FormEvent) => {
        e.preventDefault();
        save();
      }}
    >
      <Typography variant="subtitle1" component="h3">
        {pulse.answer
          ? t('insights.pulse.card.answered', {
              day: String(pulse.day),
              date: new Date(pulse.answer.updatedAt).toLocaleDateString(),
            })
          : t('insights.pulse.card.waiting', { day: String(pulse.day) })}
      </Typography>
      <Box display="flex" flexDirection="column">
        <ScoreQuestion
          id={`pulse-${pulse.day}-onboarded`}
          question={t('insights.pulse.questions.onboarded')}
          value={onboarded}
          onChange={setOnboarded}
        />
        <ScoreQuestion
          id={`pulse-${pulse.day}-productive`}
          question={t('insights.pulse.questions.productive')}
          value={productive}
          onChange={setProductive}
        />
        <TextField
          id={`pulse-${pulse.day}-comment`}
          label={t('insights.pulse.card.comment')}
          value={comment}
          onChange={e => setComment(e.target.value)}
          multiline
          minRows={2}
          margin="normal"
          inputProps={{ maxLength: 2000 }}
        />
      </Box>
      <Button
        type="submit"
        variant="contained"
        color="primary"
        disabled={!body.success || saving}
      >
        {pulse.answer
          ? t('insights.pulse.card.saveChanges')
          : t('insights.pulse.card.save')}
      </Button>
    </Box>
  );
};

/**
 * "How are you doing?": the signed-in person's pulse surveys (day 7, 30,
 * 60, 90 after their start date). Shown when one was asked; the due one
 * first, answered ones can be changed. Nothing when none was asked.
 */
export const PulseCard = () => {
  const t = useGoldenPathsT();
  const api = useApi(goldenPathsApiRef);
  const [params] = useSearchParams();
  const { value, retry } = useAsyncRetry(() => api.getMyPulses(), [api]);
  const [chosen, setChosen] = useState<number | undefined>();
  if (!value || value.items.length === 0) {
    return null;
  }
  const linked = Number(params.get('pulse'));
  const day =
    chosen ??
    (value.items.some(p => p.day === linked)
      ? linked
      : value.due[0] ?? value.items[0].day);
  const pulse = value.items.find(p => p.day === day) ?? value.items[0];
  return (
    <Box id="pulse" mb={3}>
      <InfoCard
        title={t('insights.pulse.card.title')}
        subheader={t('insights.pulse.card.subheader')}
      >
        {value.items.length > 1 && (
          <Box mb={1}>
            {value.items.map(p => (
              <Button
                key={p.day}
                size="small"
                variant={p.day === pulse.day ? 'outlined' : 'text'}
                aria-pressed={p.day === pulse.day}
                onClick={() => setChosen(p.day)}
              >
                {p.answer
                  ? t('insights.pulse.card.day', { day: String(p.day) })
                  : t('insights.pulse.card.dayDue', { day: String(p.day) })}
              </Button>
            ))}
          </Box>
        )}
        <PulseForm key={pulse.day} pulse={pulse} onSaved={retry} />
      </InfoCard>
    </Box>
  );
};

/**
 * For the home page's "Your next step" card: a link to the due pulse, or
 * nothing when none is due.
 */
export const PulseDueNote = (props: { basePath: string }) => {
  const t = useGoldenPathsT();
  const api = useApi(goldenPathsApiRef);
  const { value } = useAsync(() => api.getMyPulses(), [api]);
  const day = value?.due[0];
  if (day === undefined) {
    return null;
  }
  return (
    <Box mb={2}>
      <Typography variant="body2">
        <Link to={`${props.basePath}?pulse=${day}#pulse`}>
          {t('insights.pulse.card.dueNote', { day: String(day) })}
        </Link>
      </Typography>
    </Box>
  );
};
