import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import type { PermissionsRegistryService } from '@backstage/backend-plugin-api';
import {
  RESOURCE_TYPE_SKILL_EXCHANGE_POST,
  skillExchangePermissions,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { z } from 'zod';
import type { PostResource, PostStore } from './database';

export type { PostResource };

/**
 * How rules narrow a query of posts.
 *
 * @public
 */
export type PostQuery =
  | { key: 'owner'; values: string[] }
  | { key: 'member'; values: string[] };

/** @public */
export const skillExchangePostResourceRef = createPermissionResourceRef<
  PostResource,
  PostQuery
>().with({
  pluginId: 'skill-exchange',
  resourceType: RESOURCE_TYPE_SKILL_EXCHANGE_POST,
});

const lower = (refs: string[]) => refs.map(r => r.toLocaleLowerCase());

/**
 * The post was posted by one of `claims` (a user ref, or any ownership ref).
 *
 * @public
 */
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

/**
 * One of `claims` is a member of the hack.
 *
 * @public
 */
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

/** @public */
export const skillExchangePostRules = { isPostOwner, isPostMember };

/**
 * Conditions for policies: e.g.
 * `createSkillExchangePostConditionalDecision(request.permission,
 *   skillExchangePostConditions.isPostOwner({ claims: ownershipEntityRefs }))`.
 */
const postConditionExports = createConditionExports({
  resourceRef: skillExchangePostResourceRef,
  rules: skillExchangePostRules,
});

/** @public */
export const skillExchangePostConditions = postConditionExports.conditions;

/** @public */
export const createSkillExchangePostConditionalDecision =
  postConditionExports.createConditionalDecision;

/**
 * Registers the Skill Exchange permissions and the post resource type, so
 * policies can return conditional decisions (IS_OWNER, IS_MEMBER) for posts.
 */
export function registerPostPermissions(options: {
  permissionsRegistry: PermissionsRegistryService;
  posts: PostStore;
}) {
  const { permissionsRegistry, posts } = options;
  permissionsRegistry.addPermissions(skillExchangePermissions);
  permissionsRegistry.addResourceType({
    resourceRef: skillExchangePostResourceRef,
    permissions: skillExchangePermissions,
    rules: Object.values(skillExchangePostRules),
    getResources: async refs => {
      const ids = refs.map(Number).filter(Number.isInteger);
      const found = await posts.getPostResources(ids);
      return refs.map(ref => found.find(p => String(p.id) === ref));
    },
  });
}
