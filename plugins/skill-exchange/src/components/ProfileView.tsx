import { useState } from 'react';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Chip, Grid, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import useAsync from 'react-use/esm/useAsync';
import type {
  Profile,
  ProfileSkill,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { PostCard } from './PostCard';
import {
  LevelLabel,
  levelDescription,
  OPEN_TO,
  shortRef,
  SkillChips,
} from './common';
import { SkillEvidenceLine, SuggestedSkillsCard } from './EvidenceCards';
import { LearningCard } from './LearningCard';
import { DueRetrosCard } from './RetroCard';
import { GrowthActivitiesCard, RecommendedCard } from './ProfileCards';

const CATEGORY_TITLES: Record<string, string> = {
  discipline: 'Discipline',
  framework: 'Frameworks',
  infrastructure: 'Infrastructure',
  language: 'Languages',
  domain: 'Domains',
};

/** The skills someone can help with, grouped in the order of CATEGORY_TITLES. */
function helpByCategory(skills: ProfileSkill[]): Map<string, ProfileSkill[]> {
  const byCategory = new Map<string, ProfileSkill[]>(
    Object.keys(CATEGORY_TITLES).map(c => [c, []]),
  );
  for (const s of skills.filter(x => x.canHelp)) {
    byCategory.set(s.category, [...(byCategory.get(s.category) ?? []), s]);
  }
  for (const [category, list] of byCategory) {
    if (!list.length) byCategory.delete(category);
  }
  return byCategory;
}

const SkillLevelsTable = ({ skills }: { skills: ProfileSkill[] }) => (
  <table aria-label="Skill levels">
    <tbody>
      {skills.map(s => (
        <tr key={s.skill}>
          <td style={{ paddingRight: 16, verticalAlign: 'top' }}>{s.skill}</td>
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
            <SkillEvidenceLine evidence={s.evidence} />
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);

/** The profile owner's open posts: "My open opportunities" or "Team up with …". */
const OpenPostsCard = ({
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
  const name = profile.displayName ?? shortRef(profile.user);
  return (
    <InfoCard title={mine ? 'My open opportunities' : `Team up with ${name}`}>
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
  );
};

/**
 * A skill profile read-only: help by category, levels (with their evidence),
 * goals, open posts, growth; mine with my suggested skills (`onChanged` gets
 * my profile after I accepted one).
 */
export const ProfileView = ({
  profile,
  mine,
  onChanged,
}: {
  profile: Profile;
  mine: boolean;
  onChanged?: (profile: Profile) => void;
}) => {
  const byCategory = helpByCategory(profile.skills);
  // Bumped when I mark a learning resource done: growth loads again.
  const [learned, setLearned] = useState(0);
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
          <SkillLevelsTable skills={profile.skills} />
        </InfoCard>
      </Grid>
      {mine && onChanged && (
        <Grid item xs={12}>
          <SuggestedSkillsCard profile={profile} onAccepted={onChanged} />
        </Grid>
      )}
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
            {OPEN_TO.filter(([key]) => profile[key]).map(([key, label]) => (
              <Chip
                key={key}
                size="small"
                label={label}
                style={{ marginRight: 4 }}
              />
            ))}
          </Box>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <OpenPostsCard profile={profile} mine={mine} />
      </Grid>
      {mine && (
        <Grid item xs={12}>
          <DueRetrosCard />
        </Grid>
      )}
      {mine && (
        <Grid item xs={12} md={6}>
          <LearningCard onCompleted={() => setLearned(n => n + 1)} />
        </Grid>
      )}
      {mine && (
        <Grid item xs={12} md={6}>
          <RecommendedCard />
        </Grid>
      )}
      <Grid item xs={12} md={mine ? 6 : 12}>
        <GrowthActivitiesCard
          key={learned}
          userRef={profile.user}
          mine={mine}
        />
      </Grid>
    </Grid>
  );
};
