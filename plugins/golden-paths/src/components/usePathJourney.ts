import { useCallback, useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { Journey } from '@onramp/backstage-plugin-golden-paths-common';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathsApiRef } from '../api';

/**
 * A path and my journey on it. Evidence arrives from scaffolder runs, so the
 * journey is polled every `pollIntervalMs` while it is open.
 */
export function usePathJourney(pathId: string, pollIntervalMs: number) {
  const api = useApi(goldenPathsApiRef);
  const [journey, setJourney] = useState<Journey | undefined>();

  const loadJourney = useCallback(async () => {
    // At most one journey per person and path.
    const mine = await api.getMyJourneys({ pathId, limit: 1 });
    return mine.items.find(j => j.pathId === pathId);
  }, [api, pathId]);

  const {
    value: path,
    loading,
    error,
  } = useAsync(async () => {
    const [p, j] = await Promise.all([api.getPath(pathId), loadJourney()]);
    setJourney(j);
    return p;
  }, [api, pathId, loadJourney]);

  const open = journey !== undefined && journey.status !== 'completed';
  useEffect(() => {
    if (!open) {
      return undefined;
    }
    let cancelled = false;
    const timer = setInterval(async () => {
      try {
        const latest = await loadJourney();
        if (!cancelled && latest) {
          setJourney(latest);
        }
      } catch {
        // Keep the last known state; the next poll tries again.
      }
    }, pollIntervalMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [open, loadJourney, pollIntervalMs]);

  return { path, loading, error, journey, setJourney };
}
