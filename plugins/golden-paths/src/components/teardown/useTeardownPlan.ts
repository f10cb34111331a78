import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathsApiRef } from '../../api';

/**
 * The teardown plan of a service (what goes, whether you may); `value` is
 * null when the catalog has no such Component (already torn down).
 */
export function useTeardownPlan(name: string | undefined) {
  const api = useApi(goldenPathsApiRef);
  return useAsync(async () => {
    if (!name) return null;
    try {
      return await api.getTeardownPlan(name);
    } catch (e) {
      if (e instanceof ResponseError && e.statusCode === 404) return null;
      throw e;
    }
  }, [api, name]);
}
