import { GoldenPathsSettings } from '../../lib/config';
import { asJson } from '../../lib/gitops';
import {
  absoluteUrl,
  assertDashboardOwned,
  deleteDashboard,
  getDashboard,
  sameDashboard,
  saveDashboard,
  saveRequest,
} from '../../lib/grafana';
import { dashboardUid } from '../../lib/monitoring';
import { MonitoringProvider, MonitoringResult } from '../types';

/**
 * The `grafana` dashboards provider
 * (`goldenPaths.providers.dashboards: grafana`): upserts the dashboard over the Grafana HTTP API, refusing a
 * dashboard under the same uid that another owner made.
 * @public
 */
export function createGrafanaMonitoringProvider(options: {
  settings: GoldenPathsSettings;
}): MonitoringProvider {
  const { settings } = options;
  const grafanaSettings = () => settings.monitoring.grafana!;
  return {
    name: 'grafana',
    ships: ['dashboard'],
    async prepare(ctx, { spec, dashboard }) {
      if (!dashboard) {
        return {
          apply: async () => ({
            status: ctx.isDryRun ? 'dry-run' : 'unchanged',
            changedFiles: [],
          }),
        };
      }
      const grafana = grafanaSettings();
      const { uid } = dashboard;
      const wanted = JSON.parse(dashboard.json);
      // Read the dashboard under our uid and refuse a foreign one before
      // anything (rules included) is written.
      const checkDashboard = async () => {
        const current = await getDashboard(grafana, uid);
        assertDashboardOwned(grafana, uid, current, spec.name);
        return {
          exists: Boolean(current),
          same: sameDashboard(grafana, current, wanted),
          url: current?.url ?? null,
          version: (current?.dashboard.version as number | undefined) ?? null,
        };
      };
      const state = ctx.isDryRun
        ? await checkDashboard()
        : await ctx.checkpoint({
            key: `goldenpath.monitoring.grafana.check.${spec.name}`,
            fn: checkDashboard,
          });
      return {
        async apply(): Promise<MonitoringResult> {
          const request = saveRequest(
            grafana,
            wanted,
            state.exists,
            `Day-1 golden path: monitoring for ${spec.name}`,
          );
          const what = `POST ${grafana.url}/api/dashboards/db (overwrite: ${
            state.exists
          }, folderUid: ${grafana.folderUid ?? 'General'})`;
          const changedFiles = state.same ? [] : [`grafana:dashboard/${uid}`];
          if (ctx.isDryRun) {
            let verb = 'update';
            if (!state.exists) verb = 'create';
            else if (state.same) verb = 'keep (unchanged)';
            ctx.logger.info(
              `Dry run: would ${verb} Grafana dashboard ${uid}${
                state.same
                  ? ''
                  : `: ${what}\n${JSON.stringify(request, null, 2)}`
              }`,
            );
            return {
              status: 'dry-run',
              changedFiles,
              dashboardUrl: absoluteUrl(grafana, state.url ?? `/d/${uid}`),
              dashboardVersion: state.version ?? undefined,
            };
          }
          if (state.same) {
            ctx.logger.info(
              `Grafana dashboard ${uid} is up to date (version ${state.version})`,
            );
            return {
              status: 'unchanged',
              changedFiles,
              dashboardUrl: absoluteUrl(grafana, state.url!),
              dashboardVersion: state.version!,
            };
          }
          const saved: { uid: string; url: string; version: number } =
            await ctx.checkpoint({
              key: `goldenpath.monitoring.grafana.save.${spec.name}`,
              fn: async () => asJson(await saveDashboard(grafana, request)),
            });
          ctx.logger.info(
            `Saved Grafana dashboard ${saved.uid} version ${saved.version}: ${what}`,
          );
          return {
            status: 'applied',
            changedFiles,
            dashboardUrl: absoluteUrl(grafana, saved.url),
            dashboardVersion: saved.version,
          };
        },
      };
    },
    async planTeardown(ctx, { service }) {
      const grafana = grafanaSettings();
      const uid = dashboardUid(service);
      const current = await getDashboard(grafana, uid);
      assertDashboardOwned(grafana, uid, current, service);
      return {
        removed: current ? [`grafana:dashboard/${uid}`] : [],
        apply: async () => {
          await ctx.checkpoint({
            key: `goldenpath.teardown.grafana.${uid}`,
            fn: async () => {
              await deleteDashboard(grafana, uid);
            },
          });
        },
      };
    },
  };
}
