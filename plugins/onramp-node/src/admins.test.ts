import { mockServices } from '@backstage/backend-test-utils';
import { OnrampAdmins } from './admins';

describe('OnrampAdmins', () => {
  it('reads onramp.permission.admins and matches user and group refs case-insensitively', () => {
    const admins = OnrampAdmins.fromConfig(
      mockServices.rootConfig({
        data: {
          onramp: {
            permission: {
              admins: ['user:default/Amara.Okafor', 'group:default/platform'],
            },
          },
        },
      }),
    );
    expect(admins.includesAny(['user:default/amara.okafor'])).toBe(true);
    expect(
      admins.includesAny(['user:default/sofia', 'group:default/Platform']),
    ).toBe(true);
    expect(admins.includesAny(['user:default/sofia'])).toBe(false);
  });

  it('has no admins when the key is not set', () => {
    const admins = OnrampAdmins.fromConfig(mockServices.rootConfig());
    expect(admins.includesAny(['user:default/amara.okafor'])).toBe(false);
  });
});
