import type { AuthService } from '@backstage/backend-plugin-api';
import {
  RELATION_MEMBER_OF,
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
