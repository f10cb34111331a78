/**
 * The Onramp Skill Exchange backend plugin.
 *
 * @packageDocumentation
 */
export { skillExchangePlugin as default } from './plugin';
export {
  skillExchangePostResourceRef,
  skillExchangePostRules,
  skillExchangePostConditions,
  createSkillExchangePostConditionalDecision,
  isPostOwner,
  isPostMember,
} from './permissions';
export type { PostResource, PostQuery } from './permissions';
export { skillExchangeSearchModule } from './search/module';
export {
  SkillExchangeCollatorFactory,
  SKILL_EXCHANGE_DOCUMENT_TYPE,
} from './search/SkillExchangeCollatorFactory';
export type {
  SkillExchangeDocument,
  SkillExchangeCollatorFactoryOptions,
} from './search/SkillExchangeCollatorFactory';
export type { PostRow } from './database/rows';
