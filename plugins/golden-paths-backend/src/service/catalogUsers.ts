import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** A catalog User as the plugin needs it. */
export type CatalogUser = {
  /** Lower-case entity ref. */
  entityRef: string;
  email?: string;
  annotations: Record<string, string>;
};

/** Every catalog User with its annotations and profile email. */
export async function listCatalogUsers(
  catalog: CatalogService,
  auth: AuthService,
): Promise<CatalogUser[]> {
  const credentials = await auth.getOwnServiceCredentials();
  const { items } = await catalog.getEntities(
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
