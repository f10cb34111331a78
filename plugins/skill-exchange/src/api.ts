import { createApiRef } from '@backstage/core-plugin-api';
import type { SkillExchangeApi } from '@onramp/backstage-plugin-skill-exchange-common';

/**
 * The Skill Exchange REST API, as a Backstage utility API.
 *
 * @public
 */
export const skillExchangeApiRef = createApiRef<SkillExchangeApi>({
  id: 'plugin.skill-exchange.api',
});
