import type {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  type Entity,
  parseEntityRef,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { OnrampAdmins } from '@onramp/backstage-plugin-onramp-node';

/**
 * "Owner or admin" for Day-1 services, one rule for every door: the Runtime
 * card's restart/stop, the teardown routes and the goldenpath:teardown
 * action. The owner is the service Component's `spec.owner` (a user, or a
 * group the user is a member of as the catalog's User entity or the sign-in
 * claims say); admins are `onramp.permission.admins`.
 * @public
 */
export interface ServiceAccess {
  catalog: CatalogService;
  auth: AuthService;
  userInfo: UserInfoService;
  admins: OnrampAdmins;
}

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** A ref in full (`kind:namespace/name`), or as given when it does not parse. */
function fullRef(ref: string, defaultKind: string, defaultNamespace: string) {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultKind, defaultNamespace }),
    );
  } catch {
    return ref;
  }
}

/**
 * A user's ownership refs, lower-cased: the user, the sign-in claims, and the
 * groups the catalog's User entity is a member of (`memberOf` relations and
 * `spec.memberOf`).
 */
export function ownershipRefs(
  userRef: string,
  user?: Entity,
  claims: string[] = [],
): string[] {
  const namespace = user?.metadata.namespace ?? 'default';
  const memberOf = (user?.spec as { memberOf?: unknown } | undefined)?.memberOf;
  const groups = [
    ...(user?.relations ?? [])
      .filter(r => r.type === RELATION_MEMBER_OF)
      .map(r => r.targetRef),
    ...(Array.isArray(memberOf) ? memberOf.map(String) : []),
  ];
  return [
    fullRef(userRef, 'user', 'default'),
    ...claims,
    ...groups.map(g => fullRef(g, 'group', namespace)),
  ].map(lower);
}

/** The owner of an entity in full (`group:default/backend`), if it has one. */
export function ownerOf(entity: Entity): string | undefined {
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string' || !owner) return undefined;
  return fullRef(owner, 'group', entity.metadata.namespace ?? 'default');
}

/**
 * Why the person with these ownership refs may not do `verb` (e.g. "tear it
 * down", "restart or stop day1-foo") to the service's Component, or
 * undefined when they may: they are an admin, or they own it. `who` names
 * the person in the sentence; `refs` undefined means nobody is signed in.
 */
export function serviceRefusal(options: {
  entityRef: string;
  /** The Component, or undefined when the catalog does not have it. */
  entity: Entity | undefined;
  refs: string[] | undefined;
  admins: OnrampAdmins;
  verb: string;
  who?: string;
}): string | undefined {
  const { entityRef, entity, refs, admins, verb, who } = options;
  if (!refs) {
    return `Only the owner of ${entityRef} or an admin may ${verb}; this task was started without a user`;
  }
  if (admins.includesAny(refs)) return undefined;
  if (!entity) {
    return `${entityRef} is not in the catalog, so only an admin may ${verb}`;
  }
  const owner = ownerOf(entity);
  if (owner && refs.includes(lower(owner))) return undefined;
  return `Only the owner of ${entityRef} (${
    owner ?? 'no owner'
  }) or an admin may ${verb}${who ? `; ${who} is neither` : ''}`;
}

/** The Component a Day-1 run registered for a service, if the catalog has it. */
export async function findServiceEntity(
  access: Pick<ServiceAccess, 'catalog' | 'auth'>,
  name: string,
  credentials?: BackstageCredentials,
) {
  return access.catalog.getEntityByRef(
    { kind: 'component', namespace: 'default', name },
    {
      credentials:
        credentials ?? (await access.auth.getOwnServiceCredentials()),
    },
  );
}

/**
 * The signed-in caller's ownership refs: the sign-in claims and the groups
 * of their User entity in the catalog.
 */
export async function callerRefs(
  access: ServiceAccess,
  credentials: BackstageCredentials<BackstageUserPrincipal>,
): Promise<string[]> {
  const info = await access.userInfo.getUserInfo(credentials);
  const user = await access.catalog
    .getEntityByRef(info.userEntityRef, {
      credentials: await access.auth.getOwnServiceCredentials(),
    })
    .catch(() => undefined);
  return ownershipRefs(info.userEntityRef, user, info.ownershipEntityRefs);
}

/** Whether the caller may do something to a service, and why not. */
export interface ServiceDecision {
  allowed: boolean;
  /** The Component the service belongs to, e.g. component:default/day1-foo. */
  entityRef: string;
  /** The Component, when the catalog has it for the caller. */
  entity?: Entity;
  /** One sentence for people when not allowed. */
  reason?: string;
}

/**
 * Whether the signed-in caller may do `verb` to the service `name` (its
 * Component `component:default/<name>`, as the Day-1 template registered it).
 */
export async function decideForService(
  access: ServiceAccess,
  options: {
    name: string;
    credentials: BackstageCredentials<BackstageUserPrincipal>;
    verb: string;
    /** Name the caller in the refusal ("...; user:default/x is neither"). */
    nameCaller?: boolean;
  },
): Promise<ServiceDecision> {
  const { name, credentials, verb } = options;
  const entityRef = `component:default/${name}`;
  const entity = await findServiceEntity(access, name, credentials);
  const reason = serviceRefusal({
    entityRef: entity ? stringifyEntityRef(entity) : entityRef,
    entity,
    refs: await callerRefs(access, credentials),
    admins: access.admins,
    verb,
    who: options.nameCaller ? credentials.principal.userEntityRef : undefined,
  });
  return {
    allowed: !reason,
    entityRef: entity ? stringifyEntityRef(entity) : entityRef,
    ...(entity ? { entity } : {}),
    ...(reason ? { reason } : {}),
  };
}
