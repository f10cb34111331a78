import { FormEvent, useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
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
import { SkillsInput } from './SkillsInput';
import { EditableSkill, ProfileSkillsEditor } from './ProfileSkillsEditor';
import { OPEN_TO } from './common';

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
        message: 'Profile saved',
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
    <form onSubmit={save} aria-label="Edit my skill profile">
      <Grid container spacing={3}>
        <Grid item xs={12} md={7}>
          <InfoCard title="My skills">
            {failure && (
              <Alert severity="error" role="alert" style={{ marginBottom: 16 }}>
                Could not save: {failure}
              </Alert>
            )}
            <ProfileSkillsEditor skills={skills} onChange={setSkills} />
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={5}>
          <InfoCard title="Growing">
            <SkillsInput
              id="sx-learning"
              label="What I am learning"
              value={learning}
              onChange={setLearning}
              max={LIMITS.skills}
            />
            {OPEN_TO.map(([key, label]) => (
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
                label={label}
              />
            ))}
            <FormControlLabel
              control={
                <Switch
                  checked={shareEvidence}
                  onChange={e => setShareEvidence(e.target.checked)}
                />
              }
              label="Show others the evidence behind my skills (merged pull requests, completed embeds and mentorships)"
            />
            <TextField
              id="sx-bio"
              label="Bio"
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
              label="Contact (chat handle or channel)"
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
                Save profile
              </Button>
            </Box>
          </InfoCard>
        </Grid>
      </Grid>
    </form>
  );
};
