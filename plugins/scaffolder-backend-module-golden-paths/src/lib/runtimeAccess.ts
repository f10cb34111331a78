import type {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { OnrampAdmins } from '@onramp/backstage-plugin-onramp-node';

/** Whether the caller may restart and stop a service, and why not. */
export interface RuntimeAccessDecision {
  allowed: boolean;
  /** The Component the service belongs to, e.g. component:default/day1-foo. */
  entityRef: string;
  /** One sentence for people when not allowed. */
  reason?: string;
}

const lower = (ref: string) => ref.toLocaleLowerCase();

/** The refs of groups a User entity belongs to, from the catalog. */
function groupsOf(user: Entity | undefined): string[] {
  if (!user) return [];
  const fromRelations = (user.relations ?? [])
    .filter(r => r.type === RELATION_MEMBER_OF)
    .map(r => r.targetRef);
  const memberOf = (user.spec?.memberOf as string[] | undefined) ?? [];
  const fromSpec = memberOf.map(ref =>
    stringifyEntityRef(
      parseEntityRef(ref, {
        defaultKind: 'group',
        defaultNamespace: user.metadata.namespace ?? 'default',
      }),
    ),
  );
  return [...fromRelations, ...fromSpec];
}

/**
 * Restart and Stop on the local runtime are for the owner of the service's
 * Component (`spec.owner`: the user, or a group the user is a member of, as
 * the sign-in claims or the catalog's User entity say) and for the portal's
 * admins (`onramp.permission.admins`). The Component is the one the Day-1
 * template registered: `component:default/<service>`.
 */
export function createRuntimeAccess(options: {
  catalog: CatalogService;
  userInfo: UserInfoService;
  admins: OnrampAdmins;
}) {
  const { catalog, userInfo, admins } = options;
  return async (
    name: string,
    credentials: BackstageCredentials,
  ): Promise<RuntimeAccessDecision> => {
    const entityRef = `component:default/${name}`;
    const info = await userInfo.getUserInfo(credentials);
    const user = await catalog
      .getEntityByRef(info.userEntityRef, { credentials })
      .catch(() => undefined);
    const refs = [
      info.userEntityRef,
      ...info.ownershipEntityRefs,
      ...groupsOf(user),
    ].map(lower);
    if (admins.includesAny(refs)) return { allowed: true, entityRef };
    const component = await catalog.getEntityByRef(entityRef, { credentials });
    const owner = component?.spec?.owner;
    if (typeof owner !== 'string') {
      return {
        allowed: false,
        entityRef,
        reason: `${entityRef} is not in the catalog, so only an admin may restart or stop ${name}`,
      };
    }
    const ownerRef = stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: component!.metadata.namespace ?? 'default',
      }),
    );
    if (refs.includes(lower(ownerRef))) return { allowed: true, entityRef };
    return {
      allowed: false,
      entityRef,
      reason: `Only the owner of ${entityRef} (${ownerRef}) or an admin may restart or stop ${name}`,
    };
  };
}

export type RuntimeAccess = ReturnType<typeof createRuntimeAccess>;
