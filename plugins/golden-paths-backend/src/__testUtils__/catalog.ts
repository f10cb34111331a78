import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/** A catalog user for tests: name, and optionally email and annotations. */
export type TestUser = {
  name: string;
  email?: string;
  annotations?: Record<string, string>;
};

/** User entities in the `default` namespace. */
export function userEntities(users: TestUser[]) {
  return users.map(user => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name: user.name,
      namespace: 'default',
      ...(user.annotations ? { annotations: user.annotations } : {}),
    },
    spec: user.email ? { profile: { email: user.email } } : {},
  }));
}

/** A catalog service mock holding these users. */
export function catalogWithUsers(users: TestUser[]) {
  return catalogServiceMock({ entities: userEntities(users) });
}
