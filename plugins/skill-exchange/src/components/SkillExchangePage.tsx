import { useNavigate, useResolvedPath, Route, Routes } from 'react-router-dom';
import {
  Content,
  Header,
  Page,
  TabbedLayout,
} from '@backstage/core-components';
import { Button } from '@material-ui/core';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import PersonIcon from '@material-ui/icons/Person';
import { PostList } from './PostList';
import { PostDetailPage } from './PostDetailPage';
import { PostFormPage } from './PostFormPage';
import { ProfilePage } from './ProfilePage';
import { PeopleTab } from './PeopleTab';
import { InsightsTab } from './InsightsTab';
import { ApprovalsTab } from './ManagerApproval';
import { SkillExchangeBase, useSkillExchangePath } from './common';
import { AdminButton, AdminPage } from './admin/AdminPage';
import { EventPage } from './events/EventPage';
import { EventsTab } from './events/EventsTab';
import { skillExchangeTranslationRef } from '../translation';

const Exchange = () => {
  const navigate = useNavigate();
  const path = useSkillExchangePath();
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  return (
    <Page themeId="tool">
      <Header
        title={t('common.title')}
        subtitle={t('posts.page.subtitle', {
          embeds: t('common.kinds.embeds'),
          hacks: t('common.kindsInText.hacks'),
          mentorships: t('common.kindsInText.mentorships'),
          pairing: t('common.kindsInText.pairing'),
        })}
      >
        <Button
          variant="contained"
          color="primary"
          startIcon={<PersonIcon />}
          onClick={() => navigate(path('/profile'))}
        >
          {t('posts.page.myProfile')}
        </Button>
        <AdminButton />
      </Header>
      <Content>
        <TabbedLayout>
          <TabbedLayout.Route path="/" title={t('common.kinds.embeds')}>
            <PostList kind="embed" />
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/hacks" title={t('common.kinds.hacks')}>
            <PostList kind="hack" />
          </TabbedLayout.Route>
          <TabbedLayout.Route
            path="/mentorships"
            title={t('common.kinds.mentorships')}
          >
            <PostList kind="mentorship" />
          </TabbedLayout.Route>
          <TabbedLayout.Route
            path="/pairings"
            title={t('common.kinds.pairing')}
          >
            <PostList kind="pairing" />
          </TabbedLayout.Route>
          <TabbedLayout.Route
            path="/events"
            title={t('posts.page.tabs.events')}
          >
            <EventsTab />
          </TabbedLayout.Route>
          <TabbedLayout.Route
            path="/people"
            title={t('posts.page.tabs.people')}
          >
            <PeopleTab />
          </TabbedLayout.Route>
          <TabbedLayout.Route
            path="/insights"
            title={t('posts.page.tabs.insights')}
          >
            <InsightsTab />
          </TabbedLayout.Route>
          <TabbedLayout.Route
            path="/approvals"
            title={t('posts.page.tabs.approvals')}
          >
            <ApprovalsTab />
          </TabbedLayout.Route>
        </TabbedLayout>
      </Content>
    </Page>
  );
};

/** The whole Skill Exchange: tabs, post pages, forms and profiles. */
export const SkillExchangePage = () => {
  const base = useResolvedPath('.').pathname;
  return (
    <SkillExchangeBase base={base}>
      <Routes>
        <Route path="posts/:id" element={<PostDetailPage />} />
        <Route path="posts/:id/edit" element={<PostFormPage />} />
        <Route path="new/:kind" element={<PostFormPage />} />
        <Route path="events/:id" element={<EventPage />} />
        <Route path="profile" element={<ProfilePage mine />} />
        <Route path="profiles/:ref" element={<ProfilePage />} />
        <Route path="admin" element={<AdminPage />} />
        <Route path="*" element={<Exchange />} />
      </Routes>
    </SkillExchangeBase>
  );
};
