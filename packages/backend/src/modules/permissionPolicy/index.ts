import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { OnrampAdmins } from '@onramp/backstage-plugin-onramp-node';
import {
  catalogRules,
  OnrampPermissionPolicy,
  PolicyRule,
  skillExchangeRules,
} from './policy';

export * from './policy';

/** The rules of the Onramp policy, in the order they are asked. */
export const onrampPolicyRules: PolicyRule[] = [
  catalogRules,
  skillExchangeRules,
];

/**
 * Installs {@link OnrampPermissionPolicy} in the permission backend.
 * Admins come from `onramp.permission.admins`.
 */
export const onrampPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'onramp-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
        policy: policyExtensionPoint,
      },
      async init({ config, userInfo, policy }) {
        policy.setPolicy(
          new OnrampPermissionPolicy({
            admins: config.getOptionalStringArray(OnrampAdmins.configKey) ?? [],
            rules: onrampPolicyRules,
            async getOwnershipEntityRefs(user) {
              const info = await userInfo.getUserInfo(user.credentials);
              return info.ownershipEntityRefs;
            },
          }),
        );
      },
    });
  },
});
