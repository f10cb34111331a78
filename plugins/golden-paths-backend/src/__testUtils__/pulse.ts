import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { MetricsAccess } from '../service/access';
import { PulseService } from '../service/PulseService';
import { GoldenPathsTestContext } from './services';

/** The only metrics viewer of {@link insightsOf}. */
export const AMARA = 'user:default/amara.okafor';

/** The plugin's pulse service with Amara as the only metrics viewer. */
export function insightsOf(
  t: GoldenPathsTestContext,
  options: { catchUpDays?: number } = {},
) {
  return new PulseService({
    store: t.gp.stores.pulse,
    paths: t.gp.paths,
    access: new MetricsAccess(
      mockServices.userInfo(),
      mockServices.permissions({ result: AuthorizeResult.ALLOW }),
      [AMARA],
    ),
    notifications: t.gp.notifications,
    logger: mockServices.logger.mock(),
    linkPrefix: '/golden-paths',
    minimumGroupSize: 5,
    catchUpDays: options.catchUpDays ?? 14,
    clock: t.clock,
  });
}
