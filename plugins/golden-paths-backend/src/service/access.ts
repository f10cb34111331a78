import {
  BackstageCredentials,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  goldenPathsCohortManagePermission,
  goldenPathsMetricsReadPermission,
} from '@onramp/backstage-plugin-golden-paths-common';

/** The permissions that guard metrics and cohorts. */
export type ViewerPermission =
  | typeof goldenPathsMetricsReadPermission
  | typeof goldenPathsCohortManagePermission;

/**
 * Metrics and cohorts are for members of `goldenPaths.metrics.viewers`, and
 * the permission policy may narrow that further.
 */
export class MetricsAccess {
  private readonly viewers: string[];

  constructor(
    private readonly userInfo: UserInfoService,
    private readonly permissions: PermissionsService,
    viewers: string[],
  ) {
    this.viewers = viewers.map(ref => ref.toLocaleLowerCase());
  }

  /** 403 unless the caller is a viewer and the policy allows `permission`. */
  async require(
    credentials: BackstageCredentials,
    permission: ViewerPermission,
  ): Promise<void> {
    const info = await this.userInfo.getUserInfo(credentials);
    const refs = [info.userEntityRef, ...info.ownershipEntityRefs].map(ref =>
      ref.toLocaleLowerCase(),
    );
    if (!refs.some(ref => this.viewers.includes(ref))) {
      throw new NotAllowedError(
        'Onboarding metrics are for members of goldenPaths.metrics.viewers',
      );
    }
    const [decision] = await this.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
  }
}
