import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
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
  type Post,
  type RetroState,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { skillExchangeTranslationRef } from '../translation';
import { levelNameOf, SkillChips, useSkillExchangePath } from './common';
import { SkillsInput } from './SkillsInput';
import { useAction } from './useAction';

/** The keys of the words of each usefulness, 1 to 5. */
const USEFULNESS = [
  'notUseful',
  'aLittle',
  'useful',
  'very',
  'extremely',
] as const;

/** The retro form: skills practised, usefulness 1 to 5, a comment. */
const RetroForm = ({ post, onSent }: { post: Post; onSent: () => void }) => {
  const api = useApi(skillExchangeApiRef);
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const [ticked, setTicked] = useState<string[]>([]);
  const [others, setOthers] = useState<string[]>([]);
  const [usefulness, setUsefulness] = useState<number>();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  const { busy, run } = useAction(onSent);
  const toggle = (skill: string) =>
    setTicked(was =>
      was.includes(skill) ? was.filter(s => s !== skill) : [...was, skill],
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
          : t('insights.retro.sayHowUseful'),
      );
      return;
    }
    setError(undefined);
    run(() => api.writeRetro(post.id, parsed.data), t('insights.retro.sent'));
  };

  return (
    <form
      aria-label={t('insights.retro.title')}
      onSubmit={e => {
        e.preventDefault();
        send();
      }}
    >
      <FormControl component="fieldset" margin="dense">
        <FormLabel component="legend">
          {t('insights.retro.skillsPractised')}
        </FormLabel>
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
        label={t('insights.retro.otherSkills')}
        value={others}
        onChange={setOthers}
        max={10}
      />
      <FormControl component="fieldset" margin="normal" required>
        <FormLabel component="legend">
          {t('insights.retro.howUseful')}
        </FormLabel>
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
              label={`${i + 1} ${t(`insights.retro.usefulness.${words}`)}`}
            />
          ))}
        </RadioGroup>
      </FormControl>
      <TextField
        id={`retro-comment-${post.id}`}
        label={t('insights.retro.comment')}
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
          {t('insights.retro.send')}
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
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const { busy, run } = useAction(props.onAdded);
  if (!props.state.offers.length) return null;
  return (
    <List dense aria-label={t('insights.retro.offersLabel')}>
      {props.state.offers.map(({ skill, level }) => (
        <ListItem key={skill} divider style={{ display: 'block' }}>
          <Typography variant="body2" gutterBottom>
            {t('insights.retro.offer', {
              skill,
              title: props.post.title,
              level: String(level),
              levelName: levelNameOf(t, level),
            })}
          </Typography>
          <Button
            size="small"
            variant="outlined"
            color="primary"
            disabled={busy}
            onClick={() =>
              run(
                () => api.acceptSuggestion(skill, { level }),
                t('insights.retro.added', { skill }),
              )
            }
          >
            {t('insights.retro.addToProfile', { skill })}
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
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const {
    value: state,
    error,
    retry,
  } = useAsyncRetry(() => api.getRetro(post.id), [api, post.id, post.version]);

  if (error) {
    return (
      <Alert severity="error">
        {t('insights.retro.loadFailed', { error: error.message })}
      </Alert>
    );
  }
  if (!state) return <Progress />;
  if (state.state === 'not_on_it') return null;
  const kind = t(`common.kindsInText.${post.kind}`);
  return (
    <div id="retro">
      <InfoCard title={t('insights.retro.title')}>
        {state.state === 'not_over' && (
          <Typography variant="body2">
            {state.endsOn
              ? t('insights.retro.endsOn', { kind, endsOn: state.endsOn })
              : t('insights.retro.notOver', { kind })}
          </Typography>
        )}
        {state.state === 'due' && (
          <>
            <Typography variant="body2" paragraph>
              {t('insights.retro.due', { kind })}
            </Typography>
            <RetroForm post={post} onSent={retry} />
          </>
        )}
        {state.state === 'written' && state.retro && (
          <>
            <Typography variant="body2" paragraph>
              {t('insights.retro.written', {
                date: new Date(state.retro.createdAt).toLocaleDateString(),
                usefulness: String(state.retro.usefulness),
                words: t(
                  `insights.retro.usefulness.${
                    USEFULNESS[state.retro.usefulness - 1]
                  }`,
                ),
              })}
            </Typography>
            {state.retro.skills.length > 0 && (
              <>
                <Typography variant="subtitle2" component="h3">
                  {t('insights.retro.skillsPractised')}
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
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const { value: due, error } = useAsync(async () => api.getDueRetros(), [api]);
  if (error) {
    return (
      <Alert severity="error">
        {t('insights.dueRetros.loadFailed', { error: error.message })}
      </Alert>
    );
  }
  if (!due?.length) return null;
  return (
    <InfoCard
      title={t('insights.dueRetros.title')}
      subheader={t('insights.dueRetros.subheader')}
    >
      <List dense aria-label={t('insights.dueRetros.title')}>
        {due.map(d => (
          <ListItem key={d.postId} divider>
            <ListItemText
              primary={
                <Link to={`${path(`/posts/${d.postId}`)}#retro`}>
                  {d.title}
                </Link>
              }
              secondary={t('insights.dueRetros.line', {
                kind: t(`common.kinds.${d.kind}`),
                role:
                  d.role === 'owner'
                    ? t('insights.dueRetros.ranIt')
                    : t('insights.dueRetros.tookPart'),
                date: new Date(d.endedAt).toLocaleDateString(),
              })}
            />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
};
