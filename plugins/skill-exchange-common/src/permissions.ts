import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The resource type of Skill Exchange posts (embeds, hacks, mentorships).
 *
 * @public
 */
export const RESOURCE_TYPE_SKILL_EXCHANGE_POST = 'skill-exchange-post';

/**
 * Post something new.
 *
 * @public
 */
export const skillExchangePostCreatePermission = createPermission({
  name: 'skill-exchange.post.create',
  attributes: { action: 'create' },
});

/**
 * Edit a post, or change its status. The default policy: owners only.
 *
 * @public
 */
export const skillExchangePostUpdatePermission = createPermission({
  name: 'skill-exchange.post.update',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_SKILL_EXCHANGE_POST,
});

/**
 * Delete a post. The default policy: owners only.
 *
 * @public
 */
export const skillExchangePostDeletePermission = createPermission({
  name: 'skill-exchange.post.delete',
  attributes: { action: 'delete' },
  resourceType: RESOURCE_TYPE_SKILL_EXCHANGE_POST,
});

/**
 * Moderate any post (edit, close or delete what others posted).
 * The default policy: admins only.
 * @public
 */
export const skillExchangePostModeratePermission = createPermission({
  name: 'skill-exchange.post.moderate',
  attributes: { action: 'update' },
});

/**
 * Edit one's own skill profile (a profile is only ever edited by its user).
 *
 * @public
 */
export const skillExchangeProfileUpdatePermission = createPermission({
  name: 'skill-exchange.profile.update',
  attributes: { action: 'update' },
});

/**
 * Add skills to the taxonomy. The default policy: admins only.
 *
 * @public
 */
export const skillExchangeTaxonomyManagePermission = createPermission({
  name: 'skill-exchange.taxonomy.manage',
  attributes: { action: 'update' },
});

/**
 * Hack events: create them (their creator and organisers edit them).
 * Without a rule about it a policy allows everyone; Onramp's policy allows
 * admins only.
 *
 * @public
 */
export const skillExchangeEventCreatePermission = createPermission({
  name: 'skill-exchange.event.create',
  attributes: { action: 'create' },
});

/** @public */
export const skillExchangePermissions = [
  skillExchangePostCreatePermission,
  skillExchangePostUpdatePermission,
  skillExchangePostDeletePermission,
  skillExchangePostModeratePermission,
  skillExchangeProfileUpdatePermission,
  skillExchangeTaxonomyManagePermission,
  skillExchangeEventCreatePermission,
];
