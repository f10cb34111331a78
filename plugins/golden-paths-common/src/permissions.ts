import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read onboarding metrics (cohort, path and discipline aggregates).
 *
 * @public
 */
export const goldenPathsMetricsReadPermission = createPermission({
  name: 'golden-paths.metrics.read',
  attributes: { action: 'read' },
});

/**
 * Create and edit cohorts.
 *
 * @public
 */
export const goldenPathsCohortManagePermission = createPermission({
  name: 'golden-paths.cohort.manage',
  attributes: { action: 'update' },
});

/**
 * All permissions of the Golden Paths plugin.
 *
 * @public
 */
export const goldenPathsPermissions = [
  goldenPathsMetricsReadPermission,
  goldenPathsCohortManagePermission,
];
