import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** A group's users (its `hasMember` relations), or undefined when no group. */
export type GroupMembers = (groupRef: string) => Promise<string[] | undefined>;

/** A manager's reports: each person with the groups that make them one. */
export type Reports = (
  managerRef: string,
) => Promise<
  Array<{ userEntityRef: string; displayName: string; groups: string[] }>
>;

const membersOf = (group: Entity) =>
  (group.relations ?? [])
    .filter(r => r.type === 'hasMember')
    .map(r => r.targetRef.toLocaleLowerCase())
    .filter(ref => parseEntityRef(ref).kind === 'user');

const titleOf = (group: Entity) =>
  (group.spec as { profile?: { displayName?: string } } | undefined)?.profile
    ?.displayName ??
  group.metadata.title ??
  group.metadata.name;

/**
 * Catalog reads of bootcamps and managers, with the plugin's own
 * credentials: a group's members, and a manager's reports, the members of
 * the groups whose `annotation` (default `onramp.dev/manager`, the relation
 * approval steps and Skill Exchange approvals use) names the manager.
 */
export function catalogTeams(options: {
  catalog: CatalogService;
  auth: AuthService;
  annotation: string;
}): { groupMembers: GroupMembers; reportsOf: Reports } {
  const { catalog, auth, annotation } = options;
  return {
    async groupMembers(groupRef) {
      const credentials = await auth.getOwnServiceCredentials();
      const group = await catalog.getEntityByRef(groupRef, { credentials });
      if (!group || group.kind.toLocaleLowerCase() !== 'group') {
        return undefined;
      }
      return membersOf(group);
    },
    async reportsOf(managerRef) {
      const credentials = await auth.getOwnServiceCredentials();
      const manager = parseEntityRef(managerRef);
      const names = [stringifyEntityRef(manager)];
      if (manager.namespace === 'default') names.push(manager.name);
      const { items } = await catalog.getEntities(
        {
          filter: {
            kind: 'Group',
            [`metadata.annotations.${annotation}`]: names,
          },
        },
        { credentials },
      );
      const self = stringifyEntityRef(manager).toLocaleLowerCase();
      const byPerson = new Map<string, string[]>();
      for (const group of items) {
        for (const member of membersOf(group)) {
          if (member === self) continue;
          byPerson.set(member, [
            ...(byPerson.get(member) ?? []),
            titleOf(group),
          ]);
        }
      }
      const refs = [...byPerson.keys()].sort();
      const users = refs.length
        ? await catalog.getEntitiesByRefs({ entityRefs: refs }, { credentials })
        : { items: [] };
      return refs.map((userEntityRef, i) => ({
        userEntityRef,
        displayName: users.items[i] ? titleOf(users.items[i]!) : userEntityRef,
        groups: byPerson.get(userEntityRef)!,
      }));
    },
  };
}
