/**
 * The Onramp Skill Exchange frontend plugin.
 *
 * The default export is the plugin for Backstage's new frontend system; the
 * named `legacySkillExchangePlugin`, `SkillExchangePage`, `EntityUserSkillsCard`
 * and `EntityTeamSkillsCard` serve legacy apps.
 *
 * @packageDocumentation
 */
export {
  skillExchangePlugin as default,
  legacySkillExchangePlugin,
  SkillExchangePage,
  EntityUserSkillsCard,
  EntityTeamSkillsCard,
} from './plugin';
export { skillExchangeApiRef } from './api';
export { skillExchangeTranslationRef } from './translation';
