import { GoldenPathsSettings } from '../../lib/config';
import { LinkBuilder } from '../../lib/links';
import { gitopsCommit, gitopsTeardown } from '../gitopsSteps';
import { MonitoringProvider } from '../types';

/**
 * The `gitops` monitoring provider: commits the rule file (and
 * dashboard.json, unless another provider holds the dashboards) to
 * `goldenPaths.monitoring.repository`.
 * @public
 */
export function createGitopsMonitoringProvider(options: {
  settings: GoldenPathsSettings;
  links: LinkBuilder;
}): MonitoringProvider {
  const { settings, links } = options;
  const { monitoring } = settings;
  return {
    name: 'gitops',
    ships: ['rules', 'dashboard'],
    async prepare(ctx, { spec, rules, dashboard }) {
      const dir = `${monitoring.path}/${spec.name}`;
      return {
        async apply() {
          const {
            result,
            changed,
            status: committed,
          } = await gitopsCommit(ctx, settings, {
            service: spec.name,
            repository: monitoring.repository,
            changes: {
              ...(rules ? { [`${dir}/alerts.rules.yml`]: rules } : {}),
              ...(dashboard
                ? { [`${dir}/dashboard.json`]: dashboard.json }
                : {}),
            },
            message: `Monitoring for ${spec.name}: availability ${
              spec.availabilityObjective
            }%, p${spec.latencyPercentile * 100} ${spec.latencyThresholdMs} ms`,
            checkpointKey: `goldenpath.monitoring.gitops.${spec.name}`,
          });
          return {
            status: committed === 'committed' ? 'applied' : committed,
            changedFiles: changed,
            link: await links(
              monitoring.repository,
              result.branch,
              `${dir}/alerts.rules.yml`,
            ),
          };
        },
      };
    },
    planTeardown(ctx, { service }) {
      const dir = `${monitoring.path}/${service}`;
      return gitopsTeardown(ctx, settings, {
        part: 'monitoring',
        service,
        repository: monitoring.repository,
        files: [`${dir}/alerts.rules.yml`, `${dir}/dashboard.json`],
      });
    },
  };
}
