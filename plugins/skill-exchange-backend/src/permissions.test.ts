import { BackstageUserPrincipal } from '@backstage/backend-plugin-api';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  RESOURCE_TYPE_SKILL_EXCHANGE_POST,
  skillExchangePostModeratePermission,
  skillExchangePostUpdatePermission,
} from '@onramp/backstage-plugin-skill-exchange-common';
import request from 'supertest';
import {
  ANNA,
  API,
  BEN,
  CARA,
  useSkillExchangeBackend,
  TestPolicy,
} from './__testUtils__';

/**
 * A policy an adopter could write: hack members may edit a hack (IS_OWNER or
 * IS_MEMBER), only owners delete (IS_OWNER); nobody moderates.
 */
const permissions: TestPolicy = {
  async authorize(requests) {
    return requests.map(({ permission }) => ({
      result:
        permission.name === skillExchangePostModeratePermission.name
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    }));
  },
  async authorizeConditional(requests, { credentials }) {
    const ref = (credentials.principal as BackstageUserPrincipal).userEntityRef;
    const rule = (name: string) => ({
      rule: name,
      resourceType: RESOURCE_TYPE_SKILL_EXCHANGE_POST,
      params: { claims: [ref] },
    });
    return requests.map(({ permission }) => ({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'skill-exchange',
      resourceType: RESOURCE_TYPE_SKILL_EXCHANGE_POST,
      conditions:
        permission.name === skillExchangePostUpdatePermission.name
          ? { anyOf: [rule('IS_OWNER'), rule('IS_MEMBER')] }
          : rule('IS_OWNER'),
    }));
  },
};

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'permission rules on %s',
  databaseId => {
    const sx = useSkillExchangeBackend(databases, databaseId, {
      policy: permissions,
    });

    it('lets hack members edit through IS_MEMBER, and only owners delete', async () => {
      const hack = (
        await sx
          .call('post', '/posts', ANNA)
          .send({ kind: 'hack', title: 'Shared hack', skills: ['go'] })
          .expect(201)
      ).body;
      await sx.call('post', `/posts/${hack.id}/members`, BEN).expect(201);
      const edit = {
        kind: 'hack',
        title: 'Shared hack, edited by a member',
        skills: ['go'],
        stage: 'in_progress',
        version: hack.version,
      };
      await sx.call('put', `/posts/${hack.id}`, CARA).send(edit).expect(403);
      const edited = await sx
        .call('put', `/posts/${hack.id}`, BEN)
        .send(edit)
        .expect(200);
      expect(edited.body).toMatchObject({
        title: 'Shared hack, edited by a member',
        stage: 'in_progress',
        version: hack.version + 1,
      });
      await sx.call('delete', `/posts/${hack.id}`, BEN).expect(403);
      await sx.call('delete', `/posts/${hack.id}`, ANNA).expect(204);
    });

    it('applies IS_OWNER and IS_MEMBER for the permission backend', async () => {
      const hack = (
        await sx
          .call('post', '/posts', ANNA)
          .send({ kind: 'hack', title: 'Conditions hack', skills: [] })
          .expect(201)
      ).body;
      await sx.call('post', `/posts/${hack.id}/members`, BEN).expect(201);
      const item = (id: string, rule: string, claims: string[]) => ({
        id,
        resourceRef: String(hack.id),
        resourceType: RESOURCE_TYPE_SKILL_EXCHANGE_POST,
        conditions: {
          rule,
          resourceType: RESOURCE_TYPE_SKILL_EXCHANGE_POST,
          params: { claims },
        },
      });
      const res = await request(sx.server)
        .post(`${API}/.well-known/backstage/permissions/apply-conditions`)
        .set(
          'authorization',
          mockCredentials.service.header({
            onBehalfOf: mockCredentials.service('plugin:permission'),
            targetPluginId: 'skill-exchange',
          }),
        )
        .send({
          items: [
            item('1', 'IS_MEMBER', [BEN]),
            item('2', 'IS_MEMBER', [CARA]),
            item('3', 'IS_OWNER', [ANNA]),
            item('4', 'IS_OWNER', [BEN]),
          ],
        })
        .expect(200);
      expect(res.body.items).toEqual([
        { id: '1', result: AuthorizeResult.ALLOW },
        { id: '2', result: AuthorizeResult.DENY },
        { id: '3', result: AuthorizeResult.ALLOW },
        { id: '4', result: AuthorizeResult.DENY },
      ]);
    });
  },
);
