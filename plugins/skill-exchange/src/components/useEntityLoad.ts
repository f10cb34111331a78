import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import type { SkillExchangeApi } from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';

/** Loads what an entity card shows about the entity of the page it is on. */
export function useEntityLoad<T>(
  load: (api: SkillExchangeApi, ref: string) => Promise<T>,
) {
  const { entity } = useEntity();
  const ref = stringifyEntityRef(entity);
  const api = useApi(skillExchangeApiRef);
  const state = useAsync(() => load(api, ref), [api, ref]);
  return { entity, ref, ...state };
}
