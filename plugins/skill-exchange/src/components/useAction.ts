import { useState } from 'react';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';

/**
 * Runs one action at a time for a page: `busy` while it runs, an optional
 * success toast, the error as an alert, and `onDone` after a success.
 */
export function useAction(onDone: () => void) {
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState(false);
  const run = async (what: () => Promise<unknown>, success?: string) => {
    setBusy(true);
    try {
      await what();
      if (success)
        alertApi.post({
          message: success,
          severity: 'success',
          display: 'transient',
        });
      onDone();
    } catch (e) {
      alertApi.post({ message: (e as Error).message, severity: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
