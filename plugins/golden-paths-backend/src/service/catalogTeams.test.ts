import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogTeams } from './catalogTeams';

const group = (name: string, annotations: Record<string, string>) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'team', children: [] },
  relations: ['user:default/lucia.rossi', 'user:default/aisha.bello'].map(
    targetRef => ({ type: 'hasMember', targetRef }),
  ),
});

describe('catalogTeams', () => {
  const catalog = catalogServiceMock({
    entities: [
      group('ml', { 'onramp.dev/manager': 'user:default/aisha.bello' }),
      // The short form of the manager's ref counts too.
      group('platform', { 'example.com/lead': 'aisha.bello' }),
    ],
  });
  const auth = mockServices.auth();

  it('finds reports through the default manager annotation, without the manager', async () => {
    const teams = catalogTeams({
      catalog,
      auth,
      annotation: 'onramp.dev/manager',
    });
    expect(await teams.reportsOf('user:default/aisha.bello')).toEqual([
      {
        userEntityRef: 'user:default/lucia.rossi',
        displayName: 'user:default/lucia.rossi',
        groups: ['ml'],
      },
    ]);
    expect(await teams.reportsOf('user:default/lucia.rossi')).toEqual([]);
    expect(await teams.groupMembers('group:default/ml')).toEqual([
      'user:default/lucia.rossi',
      'user:default/aisha.bello',
    ]);
    expect(await teams.groupMembers('group:default/nobody')).toBeUndefined();
  });

  it('reads the relation from goldenPaths.managers.annotation', async () => {
    const teams = catalogTeams({
      catalog,
      auth,
      annotation: 'example.com/lead',
    });
    expect(
      (await teams.reportsOf('user:default/aisha.bello')).map(r => r.groups),
    ).toEqual([['platform']]);
  });
});
