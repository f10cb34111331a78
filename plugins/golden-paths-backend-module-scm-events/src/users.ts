import { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ScmPerson, ScmProvider } from './mapping/types';

/**
 * The User annotation with the person's login at each provider.
 *
 * @public
 */
export const USER_LOGIN_ANNOTATIONS: Record<ScmProvider, string> = {
  github: 'github.com/user-login',
  gitlab: 'gitlab.com/user-login',
};

/** Who an event belongs to: one catalog user, or why nobody. */
export type UserMatch =
  | { userEntityRef: string }
  | { dropped: 'unknown-user' | 'ambiguous-user' };

/**
 * Maps a provider login (by the `<provider>.com/user-login` annotation) or
 * a commit author's email (by `spec.profile.email`) to exactly one catalog
 * User. No match, or more than one, is no one: never a guess.
 */
export class CatalogUserResolver {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async resolve(provider: ScmProvider, person: ScmPerson): Promise<UserMatch> {
    const filter =
      'login' in person
        ? {
            kind: 'User',
            [`metadata.annotations.${USER_LOGIN_ANNOTATIONS[provider]}`]:
              person.login,
          }
        : { kind: 'User', 'spec.profile.email': person.email };
    const { items } = await this.catalog.getEntities(
      {
        filter,
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
        limit: 2,
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    if (items.length === 0) return { dropped: 'unknown-user' };
    if (items.length > 1) return { dropped: 'ambiguous-user' };
    return { userEntityRef: stringifyEntityRef(items[0]).toLocaleLowerCase() };
  }
}
