import type { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_HAS_MEMBER,
  RELATION_MEMBER_OF,
  RELATION_PARENT_OF,
  stringifyEntityRef,
  UserEntity,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** What a profile shows from the catalog, so nobody types it twice. */
export interface CatalogFacts {
  displayName?: string;
  title?: string;
  email?: string;
  teams: string[];
  startDate?: string;
}

export const START_DATE_ANNOTATION = 'onramp.dev/start-date';

/** The members of a group and of the groups below it. */
export interface GroupMembers {
  /** The group and the groups below it that were read, in the order found. */
  groups: string[];
  /** User refs, lower-case, sorted, each once. */
  members: string[];
}

/** How far below a group its members are collected, and how many groups at most. */
export const GROUP_DEPTH = 5;
export const GROUP_LIMIT = 200;

/** Reads a user's name, title, email, teams and start date from the catalog. */
export class CatalogFactsReader {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async exists(userRef: string): Promise<boolean> {
    return Boolean(await this.read(userRef));
  }

  /** Display names and titles of many users at once (unknown refs are left out). */
  async readNames(
    userRefs: string[],
  ): Promise<Map<string, { displayName?: string; title?: string }>> {
    const names = new Map<string, { displayName?: string; title?: string }>();
    if (!userRefs.length) return names;
    const { items } = await this.catalog.getEntitiesByRefs(
      {
        entityRefs: userRefs,
        fields: ['kind', 'metadata.name', 'metadata.title', 'spec.profile'],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    items.forEach((entity, i) => {
      if (!entity) return;
      const user = entity as UserEntity;
      names.set(userRefs[i], {
        displayName: user.spec?.profile?.displayName,
        title: user.metadata.title,
      });
    });
    return names;
  }

  /**
   * The members of a group and of its child groups (breadth first, at most
   * {@link GROUP_DEPTH} levels and {@link GROUP_LIMIT} groups), from the
   * catalog's hasMember and parentOf relations. Undefined for an unknown group.
   */
  async readGroupMembers(groupRef: string): Promise<GroupMembers | undefined> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const root = await this.catalog.getEntityByRef(groupRef, { credentials });
    if (!root || root.kind.toLocaleLowerCase() !== 'group') return undefined;
    const groups = [groupRef];
    const seen = new Set(groups);
    const members = new Set<string>();
    let level: Entity[] = [root];
    for (let depth = 0; level.length && depth <= GROUP_DEPTH; depth++) {
      const children: string[] = [];
      for (const group of level) {
        for (const relation of group.relations ?? []) {
          const target = relation.targetRef.toLocaleLowerCase();
          if (relation.type === RELATION_HAS_MEMBER) {
            if (target.startsWith('user:')) members.add(target);
          } else if (
            relation.type === RELATION_PARENT_OF &&
            depth < GROUP_DEPTH &&
            !seen.has(target) &&
            seen.size < GROUP_LIMIT
          ) {
            seen.add(target);
            groups.push(target);
            children.push(target);
          }
        }
      }
      level = children.length
        ? ((
            await this.catalog.getEntitiesByRefs(
              {
                entityRefs: children,
                fields: ['kind', 'metadata', 'relations'],
              },
              { credentials },
            )
          ).items.filter(Boolean) as Entity[])
        : [];
    }
    return { groups, members: [...members].sort() };
  }

  async read(userRef: string): Promise<CatalogFacts | undefined> {
    const entity = (await this.catalog.getEntityByRef(userRef, {
      credentials: await this.auth.getOwnServiceCredentials(),
    })) as UserEntity | undefined;
    if (!entity || entity.kind.toLocaleLowerCase() !== 'user') {
      return undefined;
    }
    const teams = (entity.relations ?? [])
      .filter(r => r.type === RELATION_MEMBER_OF)
      .map(r => r.targetRef)
      .sort();
    const memberOf = (entity.spec?.memberOf ?? []).map(g =>
      g.includes(':')
        ? g.toLocaleLowerCase()
        : stringifyEntityRef({
            kind: 'group',
            namespace: entity.metadata.namespace ?? 'default',
            name: g,
          }),
    );
    return {
      displayName: entity.spec?.profile?.displayName,
      title: entity.metadata.title,
      email: entity.spec?.profile?.email,
      teams: teams.length ? teams : memberOf,
      startDate: entity.metadata.annotations?.[START_DATE_ANNOTATION],
    };
  }
}
