import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { RESOURCE_TYPE_SKILL_EXCHANGE_POST } from '@onramp/backstage-plugin-skill-exchange-common';
import { z } from 'zod';
import type { PostRow } from './store/rows';

/** A post as permission rules see it: its row plus its hack members. */
export type PostResource = PostRow & { members: string[] };

/** How rules narrow a query of posts. */
export type PostQuery =
  | { key: 'owner'; values: string[] }
  | { key: 'member'; values: string[] };

export const skillExchangePostResourceRef = createPermissionResourceRef<
  PostResource,
  PostQuery
>().with({
  pluginId: 'skill-exchange',
  resourceType: RESOURCE_TYPE_SKILL_EXCHANGE_POST,
});

const lower = (refs: string[]) => refs.map(r => r.toLocaleLowerCase());

/** The post was posted by one of `claims` (a user ref, or any ownership ref). */
export const isPostOwner = createPermissionRule({
  name: 'IS_OWNER',
  description: 'Allow posts owned by one of the given users',
  resourceRef: skillExchangePostResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('User entity refs (e.g. the ownership refs of the user)'),
  }),
  apply: (post, { claims }) =>
    lower(claims).includes(post.owner.toLocaleLowerCase()),
  toQuery: ({ claims }) => ({ key: 'owner', values: lower(claims) }),
});

/** One of `claims` is a member of the hack. */
export const isPostMember = createPermissionRule({
  name: 'IS_MEMBER',
  description: 'Allow hacks that one of the given users is a member of',
  resourceRef: skillExchangePostResourceRef,
  paramsSchema: z.object({
    claims: z.array(z.string()).describe('User entity refs'),
  }),
  apply: (post, { claims }) => {
    const users = lower(claims);
    return post.members.some(m => users.includes(m.toLocaleLowerCase()));
  },
  toQuery: ({ claims }) => ({ key: 'member', values: lower(claims) }),
});

export const skillExchangePostRules = { isPostOwner, isPostMember };

/**
 * Conditions for policies: e.g.
 * `createSkillExchangePostConditionalDecision(request.permission,
 *   skillExchangePostConditions.isPostOwner({ claims: ownershipEntityRefs }))`.
 */
export const {
  conditions: skillExchangePostConditions,
  createConditionalDecision: createSkillExchangePostConditionalDecision,
} = createConditionExports({
  resourceRef: skillExchangePostResourceRef,
  rules: skillExchangePostRules,
});
