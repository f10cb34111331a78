import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PullRequestSourceUser } from '@onramp/backstage-plugin-golden-paths-node';

/** The catalog's User entities: ref, profile email and annotations. */
export async function listCatalogUsers(options: {
  catalog: CatalogService;
  auth: AuthService;
}): Promise<PullRequestSourceUser[]> {
  const credentials = await options.auth.getOwnServiceCredentials();
  const { items } = await options.catalog.getEntities(
    {
      filter: { kind: 'User' },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.annotations',
        'spec.profile.email',
      ],
    },
    { credentials },
  );
  return items.map(user => {
    const email = (user.spec as { profile?: { email?: string } } | undefined)
      ?.profile?.email;
    return {
      entityRef: `user:${user.metadata.namespace ?? 'default'}/${
        user.metadata.name
      }`.toLocaleLowerCase(),
      ...(email ? { email } : {}),
      annotations: user.metadata.annotations ?? {},
    };
  });
}

/** Users by their profile email, lower-cased. */
export function usersByEmail(users: PullRequestSourceUser[]) {
  const byEmail = new Map<string, string>();
  for (const user of users) {
    if (user.email) {
      byEmail.set(user.email.toLocaleLowerCase(), user.entityRef);
    }
  }
  return byEmail;
}
