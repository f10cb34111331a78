import { useApiHolder } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';

/** A catalog group as a team to pick: its ref and the name people know. */
export interface TeamOption {
  ref: string;
  name: string;
}

/**
 * The catalog's groups (when `enabled`), for picking an embed's team or
 * filtering embeds by it. Without a catalog API in the app, no groups.
 */
export function useCatalogGroups(enabled: boolean) {
  const catalogApi = useApiHolder().get(catalogApiRef);
  return useAsync(async (): Promise<TeamOption[]> => {
    if (!enabled || !catalogApi) return [];
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'group' },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    return items
      .map(g => ({
        ref: stringifyEntityRef(g),
        name:
          (g.spec as any)?.profile?.displayName ??
          g.metadata.title ??
          g.metadata.name,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [catalogApi, enabled]);
}
