import { FormEvent, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  Grid,
  IconButton,
  MenuItem,
  Switch,
  TextField,
  Typography,
} from '@material-ui/core';
import DeleteIcon from '@material-ui/icons/Delete';
import { Alert } from '@material-ui/lab';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useAsync from 'react-use/esm/useAsync';
import type {
  Profile,
  ProfileSkill,
} from '@onramp/backstage-plugin-skill-exchange-common';
import {
  LIMITS,
  PROFICIENCY_LEVELS,
  profileInputSchema,
  describeZodError,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { PostCard } from './PostCard';
import { LevelLabel, shortRef, SkillChips } from './common';
import { SkillsInput } from './SkillsInput';
import { GrowthActivitiesCard, RecommendedCard } from './ProfileCards';

function levelDescription(level: number): string {
  return PROFICIENCY_LEVELS.find(l => l.level === level)?.description ?? '';
}

const CATEGORY_TITLES: Record<string, string> = {
  discipline: 'Discipline',
  framework: 'Frameworks',
  infrastructure: 'Infrastructure',
  language: 'Languages',
  domain: 'Domains',
};

function tenure(startDate?: string): string | undefined {
  if (!startDate) return undefined;
  const months = Math.floor(
    (Date.now() - new Date(startDate).getTime()) / (30.44 * 86_400_000),
  );
  if (Number.isNaN(months)) return undefined;
  if (months < 1) return 'joined this month';
  if (months < 12) return `${months} month${months > 1 ? 's' : ''} here`;
  const years = Math.floor(months / 12);
  return `${years} year${years > 1 ? 's' : ''} here`;
}

const ProfileView = ({
  profile,
  mine,
}: {
  profile: Profile;
  mine: boolean;
}) => {
  const api = useApi(skillExchangeApiRef);
  const open = useAsync(
    () => api.listPosts({ owner: profile.user, status: 'open', limit: 6 }),
    [api, profile.user],
  );
  // Grouped in the order of CATEGORY_TITLES: discipline, frameworks, ...
  const byCategory = new Map<string, ProfileSkill[]>(
    Object.keys(CATEGORY_TITLES).map(c => [c, []]),
  );
  for (const s of profile.skills.filter(x => x.canHelp)) {
    byCategory.set(s.category, [...(byCategory.get(s.category) ?? []), s]);
  }
  for (const [category, skills] of byCategory) {
    if (!skills.length) byCategory.delete(category);
  }
  const name = profile.displayName ?? shortRef(profile.user);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <InfoCard title="I can help with">
          {byCategory.size === 0 && (
            <Typography variant="body2">Nothing listed yet.</Typography>
          )}
          {[...byCategory.entries()].map(([category, skills]) => (
            <Box key={category} mb={1}>
              <Typography variant="subtitle2" component="h3">
                {CATEGORY_TITLES[category] ?? category}
              </Typography>
              <SkillChips skills={skills.map(s => s.skill)} />
            </Box>
          ))}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Skill levels">
          {profile.skills.length === 0 && (
            <Typography variant="body2">No skills yet.</Typography>
          )}
          <table aria-label="Skill levels">
            <tbody>
              {profile.skills.map(s => (
                <tr key={s.skill}>
                  <td style={{ paddingRight: 16, verticalAlign: 'top' }}>
                    {s.skill}
                  </td>
                  <td
                    style={{
                      paddingRight: 16,
                      verticalAlign: 'top',
                      whiteSpace: 'nowrap',
                    }}
                  >
                    <LevelLabel level={s.level} />
                  </td>
                  <td style={{ verticalAlign: 'top' }}>
                    <Typography variant="caption" color="textSecondary">
                      {levelDescription(s.level)}
                    </Typography>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Learning goals">
          {profile.learning.length ? (
            <SkillChips skills={profile.learning} />
          ) : (
            <Typography variant="body2">None yet.</Typography>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="About">
          <Typography variant="body2" paragraph>
            {profile.bio || 'No bio yet.'}
          </Typography>
          <Typography variant="body2">
            Contact: {profile.contact || profile.email || '—'}
          </Typography>
          <Box mt={1}>
            {profile.openToEmbeds && (
              <Chip
                size="small"
                label="Open to embeds"
                style={{ marginRight: 4 }}
              />
            )}
            {profile.openToMentoring && (
              <Chip
                size="small"
                label="Open to mentoring"
                style={{ marginRight: 4 }}
              />
            )}
            {profile.openToHacks && <Chip size="small" label="Open to hacks" />}
          </Box>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title={mine ? 'My open opportunities' : `Team up with ${name}`}
        >
          {open.loading && <Progress />}
          {open.error && (
            <Alert severity="error">
              Could not load open opportunities: {open.error.message}
            </Alert>
          )}
          {open.value?.items.length === 0 && (
            <Typography variant="body2">
              No open opportunities right now.
            </Typography>
          )}
          <Grid container spacing={2}>
            {open.value?.items.map(post => (
              <Grid item xs={12} md={6} lg={4} key={post.id}>
                <PostCard post={post} />
              </Grid>
            ))}
          </Grid>
          {open.value && open.value.totalItems > open.value.items.length && (
            <Typography variant="caption" color="textSecondary">
              {open.value.items.length} of {open.value.totalItems} shown, newest
              first.
            </Typography>
          )}
        </InfoCard>
      </Grid>
      {mine && (
        <Grid item xs={12} md={6}>
          <RecommendedCard />
        </Grid>
      )}
      <Grid item xs={12} md={mine ? 6 : 12}>
        <GrowthActivitiesCard userRef={profile.user} mine={mine} />
      </Grid>
    </Grid>
  );
};

const ProfileEditor = ({
  profile,
  onSaved,
}: {
  profile: Profile;
  onSaved: (p: Profile) => void;
}) => {
  const api = useApi(skillExchangeApiRef);
  const alertApi = useApi(alertApiRef);
  const [skills, setSkills] = useState(
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
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);

  const addSkills = (names: string[]) => {
    const known = new Set(skills.map(s => s.skill));
    setSkills([
      ...skills,
      ...names
        .filter(n => !known.has(n))
        .map(skill => ({ skill, level: 2, canHelp: false })),
    ]);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(undefined);
    const parsed = profileInputSchema.safeParse({
      bio,
      contact,
      ...open,
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
            {skills.map((s, index) => (
              <Box
                key={s.skill}
                display="flex"
                alignItems="center"
                style={{ gap: 12 }}
                data-testid={`skill-row-${s.skill}`}
              >
                <Typography style={{ minWidth: 160 }}>{s.skill}</Typography>
                <TextField
                  id={`sx-level-${index}`}
                  select
                  size="small"
                  variant="outlined"
                  label={`Level in ${s.skill}`}
                  value={s.level}
                  onChange={e =>
                    setSkills(
                      skills.map((x, i) =>
                        i === index
                          ? { ...x, level: Number(e.target.value) }
                          : x,
                      ),
                    )
                  }
                  style={{ minWidth: 220 }}
                  margin="dense"
                >
                  {PROFICIENCY_LEVELS.map(l => (
                    <MenuItem key={l.level} value={l.level}>
                      {l.level} · {l.name}
                    </MenuItem>
                  ))}
                </TextField>
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={s.canHelp}
                      onChange={e =>
                        setSkills(
                          skills.map((x, i) =>
                            i === index
                              ? { ...x, canHelp: e.target.checked }
                              : x,
                          ),
                        )
                      }
                    />
                  }
                  label="I can help"
                />
                <IconButton
                  aria-label={`Remove ${s.skill}`}
                  onClick={() =>
                    setSkills(skills.filter((_x, i) => i !== index))
                  }
                >
                  <DeleteIcon />
                </IconButton>
              </Box>
            ))}
            <SkillsInput
              id="sx-add-skills"
              label="Add skills"
              value={[]}
              onChange={addSkills}
              max={LIMITS.profileSkills}
            />
            <Box mt={1}>
              {PROFICIENCY_LEVELS.map(l => (
                <Typography key={l.level} variant="caption" component="div">
                  <strong>
                    {l.level} · {l.name}
                  </strong>
                  : {l.description}
                </Typography>
              ))}
            </Box>
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
            <FormControlLabel
              control={
                <Switch
                  checked={open.openToEmbeds}
                  onChange={e =>
                    setOpen({ ...open, openToEmbeds: e.target.checked })
                  }
                />
              }
              label="Open to embeds"
            />
            <FormControlLabel
              control={
                <Switch
                  checked={open.openToMentoring}
                  onChange={e =>
                    setOpen({ ...open, openToMentoring: e.target.checked })
                  }
                />
              }
              label="Open to mentoring"
            />
            <FormControlLabel
              control={
                <Switch
                  checked={open.openToHacks}
                  onChange={e =>
                    setOpen({ ...open, openToHacks: e.target.checked })
                  }
                />
              }
              label="Open to hacks"
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

/** My profile (editable) at /profile, anyone's (read-only) at /profiles/:ref. */
export const ProfilePage = ({ mine = false }: { mine?: boolean }) => {
  const { ref } = useParams();
  const api = useApi(skillExchangeApiRef);
  const state = useAsyncRetry(
    () =>
      mine ? api.getMyProfile() : api.getProfile(decodeURIComponent(ref ?? '')),
    [api, mine, ref],
  );
  const [profile, setProfile] = useState<Profile>();
  const [editing, setEditing] = useState(false);
  useEffect(() => setProfile(state.value), [state.value]);

  if (state.loading && !profile) return <Progress />;
  if (state.error) {
    return (
      <Page themeId="tool">
        <Header title="Skill profile" />
        <Content>
          <ResponseErrorPanel error={state.error} />
        </Content>
      </Page>
    );
  }
  if (!profile) return null;
  const subtitle = [
    profile.title,
    profile.teams.map(shortRef).join(', '),
    tenure(profile.startDate),
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Page themeId="tool">
      <Header
        title={profile.displayName ?? shortRef(profile.user)}
        subtitle={subtitle}
        type="Skill profile"
      >
        {mine && (
          <Button
            variant="contained"
            color="primary"
            onClick={() => setEditing(!editing)}
          >
            {editing ? 'Done editing' : 'Edit profile'}
          </Button>
        )}
      </Header>
      <Content>
        {mine && editing ? (
          <ProfileEditor
            key={profile.version}
            profile={profile}
            onSaved={saved => {
              setProfile(saved);
              setEditing(false);
            }}
          />
        ) : (
          <ProfileView profile={profile} mine={mine} />
        )}
      </Content>
    </Page>
  );
};
