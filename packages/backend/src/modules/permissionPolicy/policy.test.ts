import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createPermission } from '@backstage/plugin-permission-common';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  skillExchangeEventCreatePermission,
  skillExchangePostModeratePermission,
  skillExchangePostUpdatePermission,
} from '@onramp/backstage-plugin-skill-exchange-common';
import {
  catalogRules,
  OnrampPermissionPolicy,
  skillExchangeRules,
} from './policy';

const refsByUser: Record<string, string[]> = {
  'user:default/sofia.marquez': [
    'user:default/sofia.marquez',
    'group:default/backend',
  ],
  'user:default/amara.okafor': [
    'user:default/amara.okafor',
    'group:default/backend',
  ],
};

function userFor(ref: string): PolicyQueryUser {
  return {
    credentials: mockCredentials.user(ref),
    info: { userEntityRef: ref, ownershipEntityRefs: refsByUser[ref] },
  };
}

const policy = new OnrampPermissionPolicy({
  admins: ['user:default/Amara.Okafor'],
  rules: [catalogRules, skillExchangeRules],
  async getOwnershipEntityRefs(user) {
    const ref = (user.credentials.principal as { userEntityRef: string })
      .userEntityRef;
    return refsByUser[ref] ?? [ref];
  },
});

describe('OnrampPermissionPolicy', () => {
  const sofia = userFor('user:default/sofia.marquez');
  const amara = userFor('user:default/amara.okafor');

  it('lets everyone read the catalog', async () => {
    await expect(
      policy.handle({ permission: catalogEntityReadPermission }, sofia),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('lets non-admins delete only entities they own', async () => {
    const decision = await policy.handle(
      { permission: catalogEntityDeletePermission },
      sofia,
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/sofia.marquez', 'group:default/backend'],
        },
      },
    });
  });

  it('denies location deletion to non-admins', async () => {
    await expect(
      policy.handle({ permission: catalogLocationDeletePermission }, sofia),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('allows admins everything, matching refs case-insensitively', async () => {
    await expect(
      policy.handle({ permission: catalogLocationDeletePermission }, amara),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      policy.handle({ permission: catalogEntityDeletePermission }, amara),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('asks rules in order and lets the first decision win', async () => {
    const custom = createPermission({
      name: 'onramp.test',
      attributes: { action: 'update' },
    });
    const ordered = new OnrampPermissionPolicy({
      admins: [],
      rules: [
        ({ request }) =>
          request.permission.name === 'onramp.test'
            ? { result: AuthorizeResult.DENY }
            : undefined,
        () => ({ result: AuthorizeResult.ALLOW }),
      ],
      getOwnershipEntityRefs: async () => [],
    });
    await expect(
      ordered.handle({ permission: custom }, sofia),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
    await expect(
      ordered.handle({ permission: catalogEntityReadPermission }),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('lets Skill Exchange owners edit their own posts, admins moderate', async () => {
    await expect(
      policy.handle({ permission: skillExchangePostUpdatePermission }, sofia),
    ).resolves.toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'skill-exchange',
      resourceType: 'skill-exchange-post',
      conditions: {
        rule: 'IS_OWNER',
        resourceType: 'skill-exchange-post',
        params: {
          claims: ['user:default/sofia.marquez', 'group:default/backend'],
        },
      },
    });
    await expect(
      policy.handle({ permission: skillExchangePostModeratePermission }, sofia),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
    await expect(
      policy.handle({ permission: skillExchangePostModeratePermission }, amara),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('lets only admins create hack events', async () => {
    await expect(
      policy.handle({ permission: skillExchangeEventCreatePermission }, sofia),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
    await expect(
      policy.handle({ permission: skillExchangeEventCreatePermission }, amara),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });
});
