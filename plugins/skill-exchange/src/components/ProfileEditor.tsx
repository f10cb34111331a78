import { FormEvent, useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  Box,
  Button,
  FormControlLabel,
  Grid,
  Switch,
  TextField,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type { Profile } from '@onramp/backstage-plugin-skill-exchange-common';
import {
  LIMITS,
  profileInputSchema,
  describeZodError,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { skillExchangeTranslationRef } from '../translation';
import { SkillsInput } from './SkillsInput';
import { EditableSkill, ProfileSkillsEditor } from './ProfileSkillsEditor';
import { OPEN_TO_KEYS, openToLabel } from './common';

/**
 * My skill profile as a form. Checks it with the backend's schema before
 * sending; on a failure keeps what was typed and says why.
 */
export const ProfileEditor = ({
  profile,
  onSaved,
}: {
  profile: Profile;
  onSaved: (p: Profile) => void;
}) => {
  const api = useApi(skillExchangeApiRef);
  const alertApi = useApi(alertApiRef);
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const [skills, setSkills] = useState<EditableSkill[]>(
    profile.skills.map(s => ({
      skill: s.skill,
      level: s.level,
      canHelp: s.canHelp,
    })),
  );
  const [learning, setLearning] = useState(profile.learning);
  const [bio, setBio] = useState(profile.bio);
  const [contact, setContact] = useState(profile.contact);
  const [open, setOpen] = useState({
    openToEmbeds: profile.openToEmbeds,
    openToMentoring: profile.openToMentoring,
    openToHacks: profile.openToHacks,
  });
  const [shareEvidence, setShareEvidence] = useState(
    profile.shareEvidence ?? false,
  );
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(undefined);
    const parsed = profileInputSchema.safeParse({
      bio,
      contact,
      ...open,
      shareEvidence,
      skills,
      learning,
      version: profile.version,
    });
    if (!parsed.success) {
      setFailure(describeZodError(parsed.error));
      return;
    }
    setSaving(true);
    try {
      const saved = await api.updateMyProfile(parsed.data);
      alertApi.post({
        message: t('profiles.profileEditor.saved'),
        severity: 'success',
        display: 'transient',
      });
      onSaved(saved);
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={save} aria-label={t('profiles.profileEditor.formLabel')}>
      <Grid container spacing={3}>
        <Grid item xs={12} md={7}>
          <InfoCard title={t('profiles.profileEditor.mySkills')}>
            {failure && (
              <Alert severity="error" role="alert" style={{ marginBottom: 16 }}>
                {t('profiles.profileEditor.couldNotSave', { reason: failure })}
              </Alert>
            )}
            <ProfileSkillsEditor skills={skills} onChange={setSkills} />
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={5}>
          <InfoCard title={t('profiles.profileEditor.growing')}>
            <SkillsInput
              id="sx-learning"
              label={t('profiles.profileEditor.learning')}
              value={learning}
              onChange={setLearning}
              max={LIMITS.skills}
            />
            {OPEN_TO_KEYS.map(key => (
              <FormControlLabel
                key={key}
                control={
                  <Switch
                    checked={open[key]}
                    onChange={e =>
                      setOpen({ ...open, [key]: e.target.checked })
                    }
                  />
                }
                label={openToLabel(t, key)}
              />
            ))}
            <FormControlLabel
              control={
                <Switch
                  checked={shareEvidence}
                  onChange={e => setShareEvidence(e.target.checked)}
                />
              }
              label={t('profiles.profileEditor.shareEvidence', {
                embeds: t('common.kindsInText.embeds'),
                mentorships: t('common.kindsInText.mentorships'),
              })}
            />
            <TextField
              id="sx-bio"
              label={t('profiles.profileEditor.bio')}
              fullWidth
              multiline
              minRows={3}
              variant="outlined"
              margin="dense"
              value={bio}
              onChange={e => setBio(e.target.value)}
              inputProps={{ maxLength: LIMITS.bio }}
            />
            <TextField
              id="sx-contact"
              label={t('profiles.profileEditor.contact')}
              fullWidth
              variant="outlined"
              margin="dense"
              value={contact}
              onChange={e => setContact(e.target.value)}
              inputProps={{ maxLength: 200 }}
            />
            <Box mt={2}>
              <Button
                type="submit"
                variant="contained"
                color="primary"
                disabled={saving}
              >
                {t('profiles.profileEditor.save')}
              </Button>
            </Box>
          </InfoCard>
        </Grid>
      </Grid>
    </form>
  );
};
