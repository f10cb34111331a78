import {
  Content,
  Header,
  InfoCard,
  Link,
  Page,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { Box, Button, Grid } from '@material-ui/core';
import SettingsIcon from '@material-ui/icons/Settings';
import { useNavigate } from 'react-router-dom';
import {
  skillExchangePostModeratePermission,
  skillExchangeTaxonomyManagePermission,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { useSkillExchangePath } from '../common';
import { ModerationQueue } from './ModerationQueue';
import { SkillsAdmin } from './SkillsAdmin';

/** Whether the signed-in person may manage the taxonomy, and moderate. */
export function useAdminAccess() {
  const taxonomy = usePermission({
    permission: skillExchangeTaxonomyManagePermission,
  });
  const moderation = usePermission({
    permission: skillExchangePostModeratePermission,
  });
  return {
    loading: taxonomy.loading || moderation.loading,
    taxonomy: taxonomy.allowed,
    moderation: moderation.allowed,
  };
}

/**
 * `/skill-exchange/admin`: the skills taxonomy for taxonomy managers and the
 * moderation queue for moderators; anyone else reads that they may not.
 */
export const AdminPage = () => {
  const access = useAdminAccess();
  const path = useSkillExchangePath();
  let body;
  if (access.loading) {
    body = <Progress />;
  } else if (!access.taxonomy && !access.moderation) {
    body = (
      <WarningPanel
        severity="error"
        title="You are not allowed to administer the Skill Exchange"
        message="Managing the skills taxonomy and moderating posts take permissions you do not have. Ask your portal's administrators if you need them."
      >
        <Link to={path('/')}>Back to the Skill Exchange</Link>
      </WarningPanel>
    );
  } else {
    body = (
      <Grid container spacing={3}>
        {access.taxonomy && (
          <Grid item xs={12}>
            <InfoCard title="Skills">
              <SkillsAdmin />
            </InfoCard>
          </Grid>
        )}
        {access.moderation && (
          <Grid item xs={12}>
            <InfoCard title="Moderation">
              <ModerationQueue />
            </InfoCard>
          </Grid>
        )}
      </Grid>
    );
  }
  return (
    <Page themeId="tool">
      <Header
        title="Skill Exchange admin"
        subtitle="The skills taxonomy and reported posts"
        type="Skill Exchange"
        typeLink={path('/')}
      />
      <Content>
        <Box>{body}</Box>
      </Content>
    </Page>
  );
};

/** The header's "Admin" button, only for people who may use the admin page. */
export const AdminButton = () => {
  const access = useAdminAccess();
  const navigate = useNavigate();
  const path = useSkillExchangePath();
  if (access.loading || (!access.taxonomy && !access.moderation)) return null;
  return (
    <Button
      variant="outlined"
      color="inherit"
      startIcon={<SettingsIcon />}
      onClick={() => navigate(path('/admin'))}
      style={{ marginLeft: 8 }}
    >
      Admin
    </Button>
  );
};
