import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import authPlugin from '@backstage/plugin-auth-backend';
import request from 'supertest';
import { DEMO_USER_HEADER, demoAuthModule } from '.';

const lars = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'lars.lindqvist', namespace: 'default' },
  spec: { memberOf: ['backend'] },
  relations: [{ type: 'memberOf', targetRef: 'group:default/backend' }],
};

async function start(demo: object | undefined) {
  return startTestBackend({
    features: [
      authPlugin,
      demoAuthModule,
      catalogServiceMock.factory({ entities: [lars] }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          auth: { providers: demo ? { demo } : {} },
        },
      }),
    ],
  });
}

function identityOf(token: string) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
}

describe('demo sign-in provider', () => {
  it('signs in as a configured demo user, with their groups', async () => {
    const { server } = await start({ users: ['user:default/lars.lindqvist'] });
    const res = await request(server)
      .get('/api/auth/demo/refresh')
      .set('x-requested-with', 'XMLHttpRequest')
      .set(DEMO_USER_HEADER, 'user:default/Lars.Lindqvist')
      .expect(200);
    expect(res.body.backstageIdentity.identity).toEqual({
      type: 'user',
      userEntityRef: 'user:default/lars.lindqvist',
      ownershipEntityRefs: [
        'user:default/lars.lindqvist',
        'group:default/backend',
      ],
    });
    expect(identityOf(res.body.backstageIdentity.token).sub).toBe(
      'user:default/lars.lindqvist',
    );
  });

  it('refuses users that are not in the list, and a missing header', async () => {
    const { server } = await start({ users: ['user:default/lars.lindqvist'] });
    await request(server)
      .get('/api/auth/demo/refresh')
      .set('x-requested-with', 'XMLHttpRequest')
      .set(DEMO_USER_HEADER, 'user:default/amara.okafor')
      .expect(401);
    await request(server)
      .get('/api/auth/demo/refresh')
      .set('x-requested-with', 'XMLHttpRequest')
      .expect(401);
  });

  it('is absent unless configured', async () => {
    const { server } = await start(undefined);
    const res = await request(server)
      .get('/api/auth/demo/refresh')
      .set('x-requested-with', 'XMLHttpRequest')
      .set(DEMO_USER_HEADER, 'user:default/lars.lindqvist');
    expect(res.status).toBe(404);
  });
});
