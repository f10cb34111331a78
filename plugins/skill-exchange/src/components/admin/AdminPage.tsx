import {
  Content,
  Header,
  InfoCard,
  Link,
  Page,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { Box, Button, Grid } from '@material-ui/core';
import SettingsIcon from '@material-ui/icons/Settings';
import { useNavigate } from 'react-router-dom';
import {
  skillExchangePostModeratePermission,
  skillExchangeTaxonomyManagePermission,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeTranslationRef } from '../../translation';
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
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const title = t('common.title');
  let body;
  if (access.loading) {
    body = <Progress />;
  } else if (!access.taxonomy && !access.moderation) {
    body = (
      <WarningPanel
        severity="error"
        title={t('admin.page.deniedTitle', { title })}
        message={t('admin.page.deniedMessage')}
      >
        <Link to={path('/')}>{t('admin.page.back', { title })}</Link>
      </WarningPanel>
    );
  } else {
    body = (
      <Grid container spacing={3}>
        {access.taxonomy && (
          <Grid item xs={12}>
            <InfoCard title={t('admin.page.skills')}>
              <SkillsAdmin />
            </InfoCard>
          </Grid>
        )}
        {access.moderation && (
          <Grid item xs={12}>
            <InfoCard title={t('admin.page.moderation')}>
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
        title={t('admin.page.title', { title })}
        subtitle={t('admin.page.subtitle')}
        type={title}
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
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  if (access.loading || (!access.taxonomy && !access.moderation)) return null;
  return (
    <Button
      variant="outlined"
      color="inherit"
      startIcon={<SettingsIcon />}
      onClick={() => navigate(path('/admin'))}
      style={{ marginLeft: 8 }}
    >
      {t('admin.adminButton')}
    </Button>
  );
};
