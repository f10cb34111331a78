import type { AuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * The groups a person belongs to (catalog `memberOf`) and their managers.
 *
 * @public
 */
export type Membership = {
  groups: Array<{
    ref: string;
    type?: string;
    title: string;
    manager?: string;
  }>;
};

/**
 * The catalog annotation on a Group naming its manager (a user ref).
 *
 * @public
 */
export const MANAGER_ANNOTATION = 'onramp.dev/manager';

/**
 * The person's groups from the catalog, with the service's own credentials.
 *
 * @public
 */
export async function catalogMembership(
  catalog: CatalogService,
  auth: AuthService,
  userEntityRef: string,
): Promise<Membership> {
  const credentials = await auth.getOwnServiceCredentials();
  const user = await catalog.getEntityByRef(userEntityRef, { credentials });
  const refs = (user?.relations ?? [])
    .filter(r => r.type === 'memberOf')
    .map(r => r.targetRef);
  if (refs.length === 0) {
    return { groups: [] };
  }
  const { items } = await catalog.getEntitiesByRefs(
    { entityRefs: refs },
    { credentials },
  );
  return {
    groups: items.flatMap(group => {
      if (!group) return [];
      const spec = (group.spec ?? {}) as {
        type?: string;
        profile?: { displayName?: string };
      };
      const manager = group.metadata.annotations?.[MANAGER_ANNOTATION];
      return [
        {
          ref: stringifyEntityRef(group),
          type: spec.type,
          title:
            spec.profile?.displayName ??
            group.metadata.title ??
            group.metadata.name,
          ...(manager
            ? {
                manager: stringifyEntityRef(
                  parseEntityRef(manager, { defaultKind: 'user' }),
                ),
              }
            : {}),
        },
      ];
    }),
  };
}

/**
 * The person's managers, nearest first: the `onramp.dev/manager` of each of
 * their groups, without themselves and each once.
 *
 * @public
 */
export function managersOf(membership: Membership, userEntityRef: string) {
  const self = userEntityRef.toLocaleLowerCase();
  const refs = membership.groups
    .map(g => g.manager?.toLocaleLowerCase())
    .filter((m): m is string => Boolean(m) && m !== self);
  return [...new Set(refs)];
}
