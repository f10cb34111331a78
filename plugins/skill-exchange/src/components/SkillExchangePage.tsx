import { useNavigate, useResolvedPath, Route, Routes } from 'react-router-dom';
import {
  Content,
  Header,
  Page,
  TabbedLayout,
} from '@backstage/core-components';
import { Button } from '@material-ui/core';
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

const Exchange = () => {
  const navigate = useNavigate();
  const path = useSkillExchangePath();
  return (
    <Page themeId="tool">
      <Header
        title="Skill Exchange"
        subtitle="Embeds, hacks, mentorships and pairing: learn on the job, from each other"
      >
        <Button
          variant="contained"
          color="primary"
          startIcon={<PersonIcon />}
          onClick={() => navigate(path('/profile'))}
        >
          My profile
        </Button>
        <AdminButton />
      </Header>
      <Content>
        <TabbedLayout>
          <TabbedLayout.Route path="/" title="Embeds">
            <PostList kind="embed" />
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/hacks" title="Hacks">
            <PostList kind="hack" />
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/mentorships" title="Mentorships">
            <PostList kind="mentorship" />
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/pairings" title="Pairing">
            <PostList kind="pairing" />
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/events" title="Events">
            <EventsTab />
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/people" title="People">
            <PeopleTab />
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/insights" title="Insights">
            <InsightsTab />
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/approvals" title="Approvals">
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
