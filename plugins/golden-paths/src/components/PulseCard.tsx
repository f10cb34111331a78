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
  PULSE_QUESTIONS,
  pulseAnswerRequestSchema,
} from '@onramp/backstage-plugin-golden-paths-common';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { goldenPathsApiRef } from '../api';

const SCORES = [1, 2, 3, 4, 5];
const SCALE = { 1: 'not at all', 5: 'fully' } as Record<number, string>;

/** One 1..5 question as a labelled radio group. */
const ScoreQuestion = (props: {
  id: string;
  question: string;
  value: number | undefined;
  onChange: (value: number) => void;
}) => (
  <FormControl component="fieldset" margin="normal">
    <FormLabel component="legend" id={props.id}>
      {props.question} (1 not at all, 5 fully)
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
          label={SCALE[score] ? `${score} (${SCALE[score]})` : String(score)}
        />
      ))}
    </RadioGroup>
  </FormControl>
);

/** The form of one pulse: both questions, a comment and Save. */
const PulseForm = (props: { pulse: Pulse; onSaved: () => void }) => {
  const { pulse } = props;
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
        message: `Saved your day ${pulse.day} pulse. Thank you!`,
        severity: 'success',
        display: 'transient',
      });
      props.onSaved();
    } catch (e) {
      alertApi.post({
        message: `Could not save your pulse: ${(e as Error).message}`,
        severity: 'error',
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box
      component="form"
      aria-label={`Day ${pulse.day} pulse`}
      onSubmit={(e: React.FormEvent) => {
        e.preventDefault();
        save();
      }}
    >
      <Typography variant="subtitle1" component="h3">
        Day {pulse.day}
        {pulse.answer
          ? ` · answered ${new Date(
              pulse.answer.updatedAt,
            ).toLocaleDateString()}`
          : ' · waiting for your answer'}
      </Typography>
      <Box display="flex" flexDirection="column">
        <ScoreQuestion
          id={`pulse-${pulse.day}-onboarded`}
          question={PULSE_QUESTIONS.onboarded}
          value={onboarded}
          onChange={setOnboarded}
        />
        <ScoreQuestion
          id={`pulse-${pulse.day}-productive`}
          question={PULSE_QUESTIONS.productive}
          value={productive}
          onChange={setProductive}
        />
        <TextField
          id={`pulse-${pulse.day}-comment`}
          label="Comment (optional)"
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
        {pulse.answer ? 'Save changes' : 'Save'}
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
        title="How are you doing?"
        subheader="Your onboarding pulse: only you see your own answers; insights show groups of people, never one person."
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
                Day {p.day}
                {p.answer ? '' : ' (due)'}
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
          How are you doing? Your day {day} pulse is waiting
        </Link>
      </Typography>
    </Box>
  );
};
