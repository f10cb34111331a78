import { useState } from 'react';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { goldenPathsTranslationRef } from '../translation';

/**
 * One action at a time: `busy` while it runs; a failure is posted as an
 * error alert, "<failure>: <reason>" (`failure` is translated by the
 * caller).
 */
export function useBusyAction() {
  const alertApi = useApi(alertApiRef);
  const { t } = useTranslationRef(goldenPathsTranslationRef);
  const [busy, setBusy] = useState(false);
  const run = async (failure: string, action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      alertApi.post({
        message: t('journey.failed', {
          failure,
          reason: (e as Error).message,
        }),
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
