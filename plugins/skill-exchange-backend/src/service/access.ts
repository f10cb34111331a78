import type {
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  PolicyDecision,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import {
  HackEvent,
  skillExchangePostModeratePermission,
} from '@onramp/backstage-plugin-skill-exchange-common';
import type { EventStore, PostResource, PostStore } from '../database';
import { skillExchangePostResourceRef } from '../permissions';

/** The signed-in person a service acts for. */
export interface Caller {
  credentials: BackstageCredentials<BackstageUserPrincipal>;
  userEntityRef: string;
}

/**
 * Permission decisions: basic permissions, post permissions (conditional
 * decisions such as IS_OWNER applied to the post), and event organisers.
 * Moderators may change any post or event.
 */
export class SkillExchangeAccess {
  private readonly authorizeConditions: (
    decision: PolicyDecision,
    resource: PostResource | undefined,
  ) => boolean;

  constructor(
    private readonly options: {
      permissions: PermissionsService;
      permissionsRegistry: PermissionsRegistryService;
      posts: PostStore;
      events: EventStore;
    },
  ) {
    this.authorizeConditions = createConditionAuthorizer(
      options.permissionsRegistry.getPermissionRuleset(
        skillExchangePostResourceRef,
      ),
    );
  }

  async allowed(permission: BasicPermission, caller: Caller) {
    const [decision] = await this.options.permissions.authorize(
      [{ permission }],
      { credentials: caller.credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  /** A 403 saying what the caller may not do, unless the policy allows it. */
  async require(permission: BasicPermission, caller: Caller, what: string) {
    if (!(await this.allowed(permission, caller))) {
      throw new NotAllowedError(`You are not allowed to ${what}`);
    }
  }

  /** Owners (per policy) or moderators may change a post; anyone else gets a 403. */
  async requirePost(
    permission: ResourcePermission<'skill-exchange-post'>,
    postId: number,
    caller: Caller,
    what: string,
  ): Promise<PostResource> {
    const [resource] = await this.options.posts.getPostResources([postId]);
    if (!resource) throw new NotFoundError(`No post ${postId}`);
    const [decision] = await this.options.permissions.authorizeConditional(
      [{ permission }],
      { credentials: caller.credentials },
    );
    if (
      decision.result === AuthorizeResult.ALLOW ||
      (decision.result === AuthorizeResult.CONDITIONAL &&
        this.authorizeConditions(decision, resource)) ||
      (await this.allowed(skillExchangePostModeratePermission, caller))
    ) {
      return resource;
    }
    throw new NotAllowedError(`Only the owner of post ${postId} may ${what}`);
  }

  /** The creator and organisers of an event (or moderators) may change it. */
  async requireEventOrganiser(
    id: number,
    caller: Caller,
    what: string,
  ): Promise<HackEvent> {
    const event = await this.options.events.getEvent(id);
    if (!event) throw new NotFoundError(`No hack event ${id}`);
    const ref = caller.userEntityRef.toLocaleLowerCase();
    const organisers = [event.createdBy, ...event.organisers].map(r =>
      r.toLocaleLowerCase(),
    );
    if (
      !organisers.includes(ref) &&
      !(await this.allowed(skillExchangePostModeratePermission, caller))
    ) {
      throw new NotAllowedError(
        `Only the organisers of hack event ${id} may ${what}`,
      );
    }
    return event;
  }
}
