import { useState } from 'react';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';

/**
 * One action at a time: `busy` while it runs; a failure is posted as an
 * error alert, "<failure>: <reason>".
 */
export function useBusyAction() {
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState(false);
  const run = async (failure: string, action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      alertApi.post({
        message: `${failure}: ${(e as Error).message}`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
