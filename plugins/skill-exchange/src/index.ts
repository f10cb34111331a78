/**
 * The Onramp Skill Exchange frontend plugin.
 *
 * The default export is the plugin for Backstage's new frontend system; the
 * named `legacySkillExchangePlugin`, `SkillExchangePage`, `EntityUserSkillsCard`
 * and `EntityTeamSkillsCard` serve legacy apps.
 *
 * @packageDocumentation
 */
import type { TranslationRef } from '@backstage/frontend-plugin-api';
import { skillExchangeTranslationRef as typedTranslationRef } from './translation';

export {
  skillExchangePlugin as default,
  legacySkillExchangePlugin,
  SkillExchangePage,
  EntityUserSkillsCard,
  EntityTeamSkillsCard,
} from './plugin';
export { skillExchangeApiRef } from './api';

/**
 * Every word the plugin shows, through Backstage's translation API: give it
 * to `createTranslationMessages` to change words (the README lists the
 * shared keys, such as `common.title`). Typed with string keys so that the
 * public API does not list each of its messages.
 *
 * @public
 */
export const skillExchangeTranslationRef: TranslationRef<'skill-exchange'> =
  typedTranslationRef;
