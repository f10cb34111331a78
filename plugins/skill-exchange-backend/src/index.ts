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
