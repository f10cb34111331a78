import { useEffect, useState } from 'react';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  Box,
  Button,
  List,
  ListItem,
  ListItemText,
  TextField,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type {
  Profile,
  SkillEvidence,
  SkillSuggestion,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { skillExchangeTranslationRef } from '../translation';
import { levelOptions } from './common';
import { useAction } from './useAction';

/** Read by screen readers, not shown. */
const srOnly = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
} as const;

/**
 * What supports a skill, short ("7 PRs · 1 embed"), with each piece in
 * words for screen readers and as a tooltip.
 */
export const SkillEvidenceLine = ({
  evidence,
}: {
  evidence?: SkillEvidence;
}) => {
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  return evidence ? (
    <Typography
      variant="caption"
      color="textSecondary"
      component="div"
      title={evidence.items.map(i => i.text).join('\n')}
    >
      <span aria-hidden>{evidence.summary}</span>
      <span style={srOnly}>
        {t('profiles.suggestedSkills.evidence', {
          items: evidence.items.map(i => i.text).join('; '),
        })}
      </span>
    </Typography>
  ) : null;
};

/** One suggestion: what supports it, a level, Accept and "Not me". */
const SuggestionItem = ({
  suggestion,
  busy,
  onAccept,
  onReject,
}: {
  suggestion: SkillSuggestion;
  busy: boolean;
  onAccept: (level: number) => void;
  onReject: () => void;
}) => {
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const [level, setLevel] = useState(2);
  const id = `sx-suggestion-${suggestion.skill.replace(/\W+/g, '-')}`;
  return (
    <ListItem divider alignItems="flex-start" aria-labelledby={id}>
      <ListItemText
        primary={<span id={id}>{suggestion.skill}</span>}
        secondary={suggestion.evidence.items.map(i => i.text).join('; ')}
      />
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <TextField
          id={`${id}-level`}
          select
          label={t('profiles.suggestedSkills.level')}
          variant="outlined"
          margin="dense"
          value={level}
          onChange={e => setLevel(Number(e.target.value))}
          style={{ minWidth: 170 }}
        >
          {levelOptions(t)}
        </TextField>
        <Button
          variant="contained"
          color="primary"
          disabled={busy}
          onClick={() => onAccept(level)}
          aria-label={t('profiles.suggestedSkills.acceptLabel', {
            skill: suggestion.skill,
          })}
        >
          {t('profiles.suggestedSkills.accept')}
        </Button>
        <Button
          disabled={busy}
          onClick={onReject}
          aria-label={t('profiles.suggestedSkills.notMeLabel', {
            skill: suggestion.skill,
          })}
        >
          {t('profiles.suggestedSkills.notMe')}
        </Button>
      </Box>
    </ListItem>
  );
};

/**
 * "Suggested skills" on my profile: skills my merged pull requests and
 * completed embeds and mentorships point to. Only I see them; accepting adds
 * the skill at the chosen level (`onAccepted` gets my profile back), "Not
 * me" never suggests it again.
 */
export const SuggestedSkillsCard = ({
  profile,
  onAccepted,
}: {
  profile: Profile;
  onAccepted: (profile: Profile) => void;
}) => {
  const api = useApi(skillExchangeApiRef);
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const [suggestions, setSuggestions] = useState<SkillSuggestion[]>();
  const [error, setError] = useState<Error>();
  useEffect(() => {
    Promise.resolve()
      .then(() => api.getMySuggestions())
      .then(setSuggestions, setError);
  }, [api]);
  const { busy, run } = useAction(() => {});

  return (
    <InfoCard
      title={t('profiles.suggestedSkills.title')}
      subheader={t('profiles.suggestedSkills.subheader', {
        embeds: t('common.kindsInText.embeds'),
        mentorships: t('common.kindsInText.mentorships'),
        pairing: t('common.kindsInText.pairing'),
      })}
    >
      {!suggestions && !error && <Progress />}
      {error && (
        <Alert severity="error">
          {t('profiles.suggestedSkills.loadError', { message: error.message })}
        </Alert>
      )}
      {suggestions?.length === 0 && (
        <Typography variant="body2">
          {t('profiles.suggestedSkills.empty')}
        </Typography>
      )}
      {suggestions && suggestions.length > 0 && (
        <List dense aria-label={t('profiles.suggestedSkills.title')}>
          {suggestions.map(s => (
            <SuggestionItem
              key={s.skill}
              suggestion={s}
              busy={busy}
              onAccept={level =>
                run(async () => {
                  const saved = await api.acceptSuggestion(s.skill, {
                    level,
                    version: profile.version,
                  });
                  setSuggestions(suggestions.filter(x => x !== s));
                  onAccepted(saved);
                }, t('profiles.suggestedSkills.added', { skill: s.skill }))
              }
              onReject={() =>
                run(
                  async () =>
                    setSuggestions(await api.rejectSuggestion(s.skill)),
                  t('profiles.suggestedSkills.rejected', { skill: s.skill }),
                )
              }
            />
          ))}
        </List>
      )}
      <Box mt={1}>
        <Button
          size="small"
          disabled={busy}
          onClick={() =>
            run(async () => setSuggestions(await api.refreshMyEvidence()))
          }
        >
          {t('profiles.suggestedSkills.lookAgain')}
        </Button>
      </Box>
    </InfoCard>
  );
};
