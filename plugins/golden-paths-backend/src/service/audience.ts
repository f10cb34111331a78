import { AuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { GoldenPath } from '@onramp/backstage-plugin-golden-paths-common';
import { CohortStore } from '../database';

/** Who a person is, for `spec.audience`: groups, disciplines and cohorts. */
export type Reader = {
  groups: Set<string>;
  disciplines: Set<string>;
  cohorts: Set<string>;
};

/** The groups a person belongs to (catalog `memberOf`) and their managers. */
export type Membership = {
  groups: Array<{
    ref: string;
    type?: string;
    title: string;
    manager?: string;
  }>;
};

/** The catalog annotation on a Group naming its manager (a user ref). */
export const MANAGER_ANNOTATION = 'onramp.dev/manager';

/** The person's groups from the catalog, with the service's own credentials. */
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
 * The reader of a path list: their groups (catalog `memberOf`), their
 * disciplines (the titles of their groups of type `discipline`) and their
 * cohorts. Compared lower-cased.
 */
export async function readerOf(options: {
  userEntityRef: string;
  membership: Membership;
  cohorts: CohortStore;
}): Promise<Reader> {
  const { membership } = options;
  return {
    groups: new Set(membership.groups.map(g => g.ref.toLocaleLowerCase())),
    disciplines: new Set(
      membership.groups
        .filter(g => g.type === 'discipline')
        .map(g => g.title.toLocaleLowerCase()),
    ),
    cohorts: new Set(
      (await options.cohorts.listCohortIdsOf(options.userEntityRef)).map(c =>
        c.toLocaleLowerCase(),
      ),
    ),
  };
}

/** Is the path meant for this reader (`spec.audience`)? */
export function isForReader(path: GoldenPath, reader: Reader): boolean {
  const audience = path.audience;
  if (!audience) {
    return false;
  }
  const hit = (values: string[] | undefined, set: Set<string>) =>
    (values ?? []).some(v => set.has(v.toLocaleLowerCase()));
  return (
    hit(audience.groups, reader.groups) ||
    hit(audience.disciplines, reader.disciplines) ||
    hit(audience.cohorts, reader.cohorts)
  );
}

/** The paths with the reader's first, each group in its original order. */
export function orderForReader(paths: GoldenPath[], reader?: Reader) {
  const items = paths.map(path => ({
    ...path,
    forYou: reader ? isForReader(path, reader) : false,
  }));
  return [...items.filter(p => p.forYou), ...items.filter(p => !p.forYou)];
}
