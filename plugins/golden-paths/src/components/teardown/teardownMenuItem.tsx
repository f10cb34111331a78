import { dialogApiRef, useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Typography } from '@material-ui/core';
import type { TeardownStarted } from '@onramp/backstage-plugin-golden-paths-common';
import { useNavigate } from 'react-router-dom';
import { useGoldenPathsT } from '../translate';
import { TeardownDialog } from './TeardownDialog';
import { useTeardownPlan } from './useTeardownPlan';

/**
 * The props of the "Tear down" item in the entity page's context menu
 * (shown on Components a Day-1 practice run created): disabled, with the
 * reason, for someone who may not; otherwise it asks to confirm what goes,
 * starts the teardown and opens its task page.
 */
export function useTeardownMenuItemProps() {
  const { entity } = useEntity();
  const t = useGoldenPathsT();
  const name = entity.metadata.name;
  const { value: plan } = useTeardownPlan(name);
  const dialogApi = useApi(dialogApiRef);
  const navigate = useNavigate();
  return {
    title: (
      <>
        {t('runtime.teardown.tearDown')}
        {plan?.reason && (
          <Typography variant="caption" component="div" color="textSecondary">
            {plan.reason}
          </Typography>
        )}
      </>
    ),
    disabled: !plan?.allowed,
    onClick: async () => {
      if (!plan) return;
      const started = await dialogApi
        .open<TeardownStarted | undefined>(({ dialog }) => (
          <TeardownDialog
            name={name}
            plan={plan}
            onClose={result => dialog.close(result)}
          />
        ))
        .result();
      if (started) navigate(started.taskUrl);
    },
  };
}
