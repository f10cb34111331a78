import { useState } from 'react';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Box, Chip, Grid, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import useAsync from 'react-use/esm/useAsync';
import type {
  Profile,
  ProfileSkill,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { skillExchangeTranslationRef } from '../translation';
import { PostCard } from './PostCard';
import {
  LevelLabel,
  levelDescription,
  OPEN_TO_KEYS,
  openToLabel,
  shortRef,
  SkillChips,
  SkillExchangeT,
} from './common';
import { SkillEvidenceLine, SuggestedSkillsCard } from './EvidenceCards';
import { LearningCard } from './LearningCard';
import { DueRetrosCard } from './RetroCard';
import { GrowthActivitiesCard, RecommendedCard } from './ProfileCards';

/** The skill categories, in the order "I can help with" groups them. */
const CATEGORIES = [
  'discipline',
  'framework',
  'infrastructure',
  'language',
  'domain',
] as const;

/** "Frameworks", "Languages": a category as a heading (unknown ones as they are). */
function categoryTitle(t: SkillExchangeT, category: string): string {
  const known = CATEGORIES.find(c => c === category);
  return known ? t(`profiles.profileView.categories.${known}`) : category;
}

/** The skills someone can help with, grouped in the order of CATEGORIES. */
function helpByCategory(skills: ProfileSkill[]): Map<string, ProfileSkill[]> {
  const byCategory = new Map<string, ProfileSkill[]>(
    CATEGORIES.map(c => [c, []]),
  );
  for (const s of skills.filter(x => x.canHelp)) {
    byCategory.set(s.category, [...(byCategory.get(s.category) ?? []), s]);
  }
  for (const [category, list] of byCategory) {
    if (!list.length) byCategory.delete(category);
  }
  return byCategory;
}

const SkillLevelsTable = ({ skills }: { skills: ProfileSkill[] }) => {
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  return (
    <table aria-label={t('profiles.profileView.skillLevels')}>
      <tbody>
        {skills.map(s => (
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
                {levelDescription(s.level, t)}
              </Typography>
              <SkillEvidenceLine evidence={s.evidence} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

/** The profile owner's open posts: "My open opportunities" or "Team up with …". */
const OpenPostsCard = ({
  profile,
  mine,
}: {
  profile: Profile;
  mine: boolean;
}) => {
  const api = useApi(skillExchangeApiRef);
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const open = useAsync(
    () => api.listPosts({ owner: profile.user, status: 'open', limit: 6 }),
    [api, profile.user],
  );
  const name = profile.displayName ?? shortRef(profile.user);
  return (
    <InfoCard
      title={
        mine
          ? t('profiles.profileView.myOpenPosts')
          : t('profiles.profileView.teamUpWith', { name })
      }
    >
      {open.loading && <Progress />}
      {open.error && (
        <Alert severity="error">
          {t('profiles.profileView.openPostsError', {
            message: open.error.message,
          })}
        </Alert>
      )}
      {open.value?.items.length === 0 && (
        <Typography variant="body2">
          {t('profiles.profileView.noOpenPosts')}
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
          {t('profiles.profileView.openPostsShown', {
            shown: String(open.value.items.length),
            total: String(open.value.totalItems),
          })}
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
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const byCategory = helpByCategory(profile.skills);
  // Bumped when I mark a learning resource done: growth loads again.
  const [learned, setLearned] = useState(0);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <InfoCard title={t('profiles.profileView.canHelpWith')}>
          {byCategory.size === 0 && (
            <Typography variant="body2">
              {t('profiles.profileView.nothingListed')}
            </Typography>
          )}
          {[...byCategory.entries()].map(([category, skills]) => (
            <Box key={category} mb={1}>
              <Typography variant="subtitle2" component="h3">
                {categoryTitle(t, category)}
              </Typography>
              <SkillChips skills={skills.map(s => s.skill)} />
            </Box>
          ))}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title={t('profiles.profileView.skillLevels')}>
          {profile.skills.length === 0 && (
            <Typography variant="body2">
              {t('profiles.profileView.noSkills')}
            </Typography>
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
        <InfoCard title={t('profiles.profileView.learningGoals')}>
          {profile.learning.length ? (
            <SkillChips skills={profile.learning} />
          ) : (
            <Typography variant="body2">
              {t('profiles.profileView.noneYet')}
            </Typography>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title={t('profiles.profileView.about')}>
          <Typography variant="body2" paragraph>
            {profile.bio || t('profiles.profileView.noBio')}
          </Typography>
          <Typography variant="body2">
            {t('profiles.profileView.contact', {
              contact: profile.contact || profile.email || '—',
            })}
          </Typography>
          <Box mt={1}>
            {OPEN_TO_KEYS.filter(key => profile[key]).map(key => (
              <Chip
                key={key}
                size="small"
                label={openToLabel(t, key)}
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
