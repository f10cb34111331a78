/**
 * The Onramp Skill Exchange frontend plugin.
 *
 * The default export is the plugin for Backstage's new frontend system; the
 * named `legacySkillExchangePlugin` and `SkillExchangePage` serve legacy apps.
 *
 * @packageDocumentation
 */
export {
  skillExchangePlugin as default,
  legacySkillExchangePlugin,
  SkillExchangePage,
} from './plugin';
export { skillExchangeApiRef } from './api';
