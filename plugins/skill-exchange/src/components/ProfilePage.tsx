import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Content, Header, Page, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Box, Button } from '@material-ui/core';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type { Profile } from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { skillExchangeTranslationRef } from '../translation';
import { ErrorPage, shortRef, SkillExchangeT } from './common';
import { ProfileEditor } from './ProfileEditor';
import { ProfileView } from './ProfileView';
import { MyHacksCalendarButton } from './events/MyHacksCalendarButton';

/** "3 months here", "2 years here" from the catalog start date. */
function tenure(t: SkillExchangeT, startDate?: string): string | undefined {
  if (!startDate) return undefined;
  const months = Math.floor(
    (Date.now() - new Date(startDate).getTime()) / (30.44 * 86_400_000),
  );
  if (Number.isNaN(months)) return undefined;
  if (months < 1) return t('profiles.profilePage.joinedThisMonth');
  if (months < 12)
    return t('profiles.profilePage.monthsHere', { count: months });
  return t('profiles.profilePage.yearsHere', {
    count: Math.floor(months / 12),
  });
}

/** My profile (editable) at /profile, anyone's (read-only) at /profiles/:ref. */
export const ProfilePage = ({ mine = false }: { mine?: boolean }) => {
  const { ref } = useParams();
  const api = useApi(skillExchangeApiRef);
  const { t } = useTranslationRef(skillExchangeTranslationRef);
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
      <ErrorPage
        title={t('profiles.profilePage.errorTitle')}
        error={state.error}
      />
    );
  }
  if (!profile) return null;
  const subtitle = [
    profile.title,
    profile.teams.map(shortRef).join(', '),
    tenure(t, profile.startDate),
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Page themeId="tool">
      <Header
        title={profile.displayName ?? shortRef(profile.user)}
        subtitle={subtitle}
        type={t('profiles.profilePage.type')}
      >
        {mine && (
          <Box display="flex" style={{ gap: 8 }}>
            <MyHacksCalendarButton />
            <Button
              variant="contained"
              color="primary"
              onClick={() => setEditing(!editing)}
            >
              {editing
                ? t('profiles.profilePage.doneEditing')
                : t('profiles.profilePage.editProfile')}
            </Button>
          </Box>
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
          <ProfileView profile={profile} mine={mine} onChanged={setProfile} />
        )}
      </Content>
    </Page>
  );
};
