import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  catalogEntityDeletePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  skillExchangeEventCreatePermission,
  skillExchangePostDeletePermission,
  skillExchangePostModeratePermission,
  skillExchangePostUpdatePermission,
  skillExchangeTaxonomyManagePermission,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { OnrampAdmins } from '@onramp/backstage-plugin-onramp-node';
import {
  createSkillExchangePostConditionalDecision,
  skillExchangePostConditions,
} from '@onramp/backstage-plugin-skill-exchange-backend';

/** What a policy rule gets to decide on. */
export interface PolicyRuleContext {
  request: PolicyQuery;
  /** The signed-in user, absent for service-to-service requests. */
  user?: PolicyQueryUser;
  /** The user entity ref and every group it belongs to (claims). */
  ownershipEntityRefs: string[];
  /** Whether the user is one of `onramp.permission.admins`. */
  isAdmin: boolean;
}

/**
 * One rule of the Onramp policy: returns a decision for the requests it is
 * about and `undefined` for every other request. Plugins of the suite add
 * their own rules (e.g. "owners edit their own posts").
 */
export type PolicyRule = (ctx: PolicyRuleContext) => PolicyDecision | undefined;

/** Catalog: only owners (or admins) delete entities; only admins delete locations. */
export const catalogRules: PolicyRule = ({ request, ownershipEntityRefs }) => {
  if (isPermission(request.permission, catalogEntityDeletePermission)) {
    return createCatalogConditionalDecision(
      request.permission,
      catalogConditions.isEntityOwner({ claims: ownershipEntityRefs }),
    );
  }
  if (isPermission(request.permission, catalogLocationDeletePermission)) {
    return { result: AuthorizeResult.DENY };
  }
  return undefined;
};

/**
 * Skill Exchange: owners edit, close and delete their own posts; only admins
 * moderate others' posts, manage the skills taxonomy and create hack events
 * (their organisers edit them). Everyone may post, join, follow, save and
 * edit their own profile.
 */
export const skillExchangeRules: PolicyRule = ({
  request,
  ownershipEntityRefs,
}) => {
  const { permission } = request;
  if (
    isPermission(permission, skillExchangePostUpdatePermission) ||
    isPermission(permission, skillExchangePostDeletePermission)
  ) {
    return createSkillExchangePostConditionalDecision(
      permission,
      skillExchangePostConditions.isPostOwner({ claims: ownershipEntityRefs }),
    );
  }
  if (
    isPermission(permission, skillExchangePostModeratePermission) ||
    isPermission(permission, skillExchangeTaxonomyManagePermission) ||
    isPermission(permission, skillExchangeEventCreatePermission)
  ) {
    return { result: AuthorizeResult.DENY };
  }
  return undefined;
};

export interface OnrampPermissionPolicyOptions {
  /** User and group refs that are allowed everything. */
  admins: string[];
  /** Rules asked in order; the first decision wins. */
  rules: PolicyRule[];
  /** Resolves a user's ownership refs (user ref + group refs). */
  getOwnershipEntityRefs(user: PolicyQueryUser): Promise<string[]>;
}

/**
 * Onramp's permission policy: admins may do anything; otherwise the first
 * rule that has an opinion decides; requests no rule is about are allowed.
 */
export class OnrampPermissionPolicy implements PermissionPolicy {
  private readonly admins: OnrampAdmins;

  constructor(private readonly options: OnrampPermissionPolicyOptions) {
    this.admins = new OnrampAdmins(options.admins);
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const ownershipEntityRefs = user
      ? await this.options.getOwnershipEntityRefs(user)
      : [];
    const isAdmin = this.admins.includesAny(ownershipEntityRefs);
    if (isAdmin) {
      return { result: AuthorizeResult.ALLOW };
    }
    for (const rule of this.options.rules) {
      const decision = rule({ request, user, ownershipEntityRefs, isAdmin });
      if (decision) {
        return decision;
      }
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
