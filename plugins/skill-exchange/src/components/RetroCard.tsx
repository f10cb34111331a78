import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormLabel,
  List,
  ListItem,
  ListItemText,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import {
  describeZodError,
  retroInputSchema,
  levelName,
  type Post,
  type RetroState,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { KIND_LABELS, SkillChips, useSkillExchangePath } from './common';
import { SkillsInput } from './SkillsInput';
import { useAction } from './useAction';

/** The words of each usefulness, 1 to 5. */
export const USEFULNESS = [
  'Not useful',
  'A little useful',
  'Useful',
  'Very useful',
  'Extremely useful',
];

const kindName = (kind: Post['kind']) => KIND_LABELS[kind].toLocaleLowerCase();

/** The retro form: skills practised, usefulness 1 to 5, a comment. */
const RetroForm = ({ post, onSent }: { post: Post; onSent: () => void }) => {
  const api = useApi(skillExchangeApiRef);
  const [ticked, setTicked] = useState<string[]>([]);
  const [others, setOthers] = useState<string[]>([]);
  const [usefulness, setUsefulness] = useState<number>();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  const { busy, run } = useAction(onSent);
  const toggle = (skill: string) =>
    setTicked(t =>
      t.includes(skill) ? t.filter(s => s !== skill) : [...t, skill],
    );

  const send = () => {
    const parsed = retroInputSchema.safeParse({
      skills: [...new Set([...ticked, ...others])],
      usefulness,
      comment,
    });
    if (!parsed.success) {
      setError(
        usefulness
          ? describeZodError(parsed.error)
          : 'Say how useful it was, from 1 to 5',
      );
      return;
    }
    setError(undefined);
    run(() => api.writeRetro(post.id, parsed.data), 'Thank you: retro sent');
  };

  return (
    <form
      aria-label="Retro"
      onSubmit={e => {
        e.preventDefault();
        send();
      }}
    >
      <FormControl component="fieldset" margin="dense">
        <FormLabel component="legend">Skills you practised</FormLabel>
        <FormGroup row>
          {post.skills.map(skill => (
            <FormControlLabel
              key={skill}
              control={
                <Checkbox
                  checked={ticked.includes(skill)}
                  onChange={() => toggle(skill)}
                />
              }
              label={skill}
            />
          ))}
        </FormGroup>
      </FormControl>
      <SkillsInput
        id={`retro-skills-${post.id}`}
        label="Other skills you practised"
        value={others}
        onChange={setOthers}
        max={10}
      />
      <FormControl component="fieldset" margin="normal" required>
        <FormLabel component="legend">How useful was it?</FormLabel>
        <RadioGroup
          row
          name="usefulness"
          value={usefulness ? String(usefulness) : ''}
          onChange={e => setUsefulness(Number(e.target.value))}
        >
          {USEFULNESS.map((words, i) => (
            <FormControlLabel
              key={words}
              value={String(i + 1)}
              control={<Radio />}
              label={`${i + 1} ${words}`}
            />
          ))}
        </RadioGroup>
      </FormControl>
      <TextField
        id={`retro-comment-${post.id}`}
        label="Comment (optional)"
        value={comment}
        onChange={e => setComment(e.target.value)}
        multiline
        minRows={2}
        fullWidth
        margin="dense"
      />
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      <Box mt={1}>
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={busy}
        >
          Send retro
        </Button>
      </Box>
    </form>
  );
};

/** Whether `me` was on the post: its owner, accepted on it, a member of the hack, or the session's booker. */
export function wasOnIt(post: Post, me: string): boolean {
  if (post.owner === me) return true;
  if (post.kind === 'hack') return post.members.includes(me);
  if (post.kind === 'pairing') return post.booking?.user === me;
  return post.myInterest?.status === 'accepted';
}

/**
 * "You practised Kotlin on the Android embed: add Kotlin at level 2?" for
 * each practised skill not on my profile yet; adding it accepts the
 * suggestion that the retro's evidence made.
 */
const PractisedOffers = (props: {
  post: Post;
  state: RetroState;
  onAdded: () => void;
}) => {
  const api = useApi(skillExchangeApiRef);
  const { busy, run } = useAction(props.onAdded);
  if (!props.state.offers.length) return null;
  return (
    <List dense aria-label="Add what you practised to your profile">
      {props.state.offers.map(({ skill, level }) => (
        <ListItem key={skill} divider style={{ display: 'block' }}>
          <Typography variant="body2" gutterBottom>
            You practised {skill} on {props.post.title}: add {skill} at level{' '}
            {level} ({levelName(level)})?
          </Typography>
          <Button
            size="small"
            variant="outlined"
            color="primary"
            disabled={busy}
            onClick={() =>
              run(
                () => api.acceptSuggestion(skill, { level }),
                `${skill} added to your profile`,
              )
            }
          >
            Add {skill} to my profile
          </Button>
        </ListItem>
      ))}
    </List>
  );
};

/**
 * On a post's page, for the people who were on it: once it is over, a short
 * retro (skills practised, how useful, a comment); afterwards what they
 * wrote, with the practised skills not on their profile yet.
 */
export const RetroCard = ({ post }: { post: Post }) => {
  const api = useApi(skillExchangeApiRef);
  const {
    value: state,
    error,
    retry,
  } = useAsyncRetry(() => api.getRetro(post.id), [api, post.id, post.version]);

  if (error) {
    return (
      <Alert severity="error">Could not load your retro: {error.message}</Alert>
    );
  }
  if (!state) return <Progress />;
  if (state.state === 'not_on_it') return null;
  const kind = kindName(post.kind);
  return (
    <div id="retro">
      <InfoCard title="Retro">
        {state.state === 'not_over' && (
          <Typography variant="body2">
            {state.endsOn
              ? `When this ${kind} ends (${state.endsOn}), you'll be asked which skills you practised and how useful it was.`
              : `When this ${kind} is over, you'll be asked which skills you practised and how useful it was.`}
          </Typography>
        )}
        {state.state === 'due' && (
          <>
            <Typography variant="body2" paragraph>
              This {kind} is over. Two minutes: what did you practise, and how
              useful was it? Only you see your answers; insights count them in
              groups.
            </Typography>
            <RetroForm post={post} onSent={retry} />
          </>
        )}
        {state.state === 'written' && state.retro && (
          <>
            <Typography variant="body2" paragraph>
              You wrote your retro on{' '}
              {new Date(state.retro.createdAt).toLocaleDateString()}:{' '}
              {state.retro.usefulness} of 5 (
              {USEFULNESS[state.retro.usefulness - 1]}).
            </Typography>
            {state.retro.skills.length > 0 && (
              <>
                <Typography variant="subtitle2" component="h3">
                  Skills you practised
                </Typography>
                <SkillChips skills={state.retro.skills} />
              </>
            )}
            {state.retro.comment && (
              <Typography variant="body2">“{state.retro.comment}”</Typography>
            )}
            <PractisedOffers post={post} state={state} onAdded={retry} />
          </>
        )}
      </InfoCard>
    </div>
  );
};

/** On my profile: the stints that are over and whose retro I have not written. */
export const DueRetrosCard = () => {
  const api = useApi(skillExchangeApiRef);
  const path = useSkillExchangePath();
  const { value: due, error } = useAsync(async () => api.getDueRetros(), [api]);
  if (error) {
    return (
      <Alert severity="error">
        Could not load your retros: {error.message}
      </Alert>
    );
  }
  if (!due?.length) return null;
  return (
    <InfoCard
      title="Retros to write"
      subheader="Two minutes each, only you see them"
    >
      <List dense aria-label="Retros to write">
        {due.map(d => (
          <ListItem key={d.postId} divider>
            <ListItemText
              primary={
                <Link to={`${path(`/posts/${d.postId}`)}#retro`}>
                  {d.title}
                </Link>
              }
              secondary={`${KIND_LABELS[d.kind]} · ${
                d.role === 'owner' ? 'you ran it' : 'you took part'
              } · over since ${new Date(d.endedAt).toLocaleDateString()}`}
            />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
};
