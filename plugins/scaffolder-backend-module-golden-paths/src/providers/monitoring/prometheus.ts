import { promises as fs } from 'node:fs';
import { GoldenPathsSettings } from '../../lib/config';
import { isOwnedBy } from '../../lib/ownership';
import {
  confirmRules,
  currentRuleFile,
  reloadPrometheus,
  ruleFilePath,
  writeAtomically,
} from '../../lib/prometheus';
import { ruleGroupName } from '../../lib/monitoring';
import { MonitoringProvider } from '../types';

/**
 * The `prometheus` monitoring provider: writes the rule file into
 * `goldenPaths.monitoring.prometheus.rulesDir`, reloads Prometheus and waits
 * until it serves the rules. It ships no dashboard.
 * @public
 */
export function createPrometheusMonitoringProvider(options: {
  settings: GoldenPathsSettings;
}): MonitoringProvider {
  const { settings } = options;
  return {
    name: 'prometheus',
    ships: ['rules'],
    async prepare(ctx, { spec, rules, ruleGroup, alerts }) {
      const prom = settings.monitoring.prometheus;
      if (!prom) {
        throw new Error(
          'goldenPaths.providers.monitoring is prometheus but goldenPaths.monitoring.prometheus (url, rulesDir) is not configured',
        );
      }
      const { name } = spec;
      const wanted = rules ?? '';
      return {
        async apply() {
          const file = ruleFilePath(prom, name);
          const current = await currentRuleFile(file, name);
          const changed = current === wanted ? [] : [file];
          const link = `${prom.url}/rules`;
          if (ctx.isDryRun) {
            let verb = 'replace';
            if (current === undefined) verb = 'create';
            else if (current === wanted) verb = 'keep (unchanged)';
            ctx.logger.info(
              `Dry run: would ${verb} ${file}, POST ${prom.url}/-/reload and wait for ${ruleGroup} in ${prom.url}/api/v1/rules`,
            );
            return { status: 'dry-run', changedFiles: changed, link };
          }
          await ctx.checkpoint({
            key: `goldenpath.monitoring.prometheus.write.${name}`,
            fn: async () => {
              if (changed.length) {
                await writeAtomically(file, wanted);
                ctx.logger.info(`Wrote ${file}`);
              }
            },
          });
          await ctx.checkpoint({
            key: `goldenpath.monitoring.prometheus.reload.${name}`,
            fn: async () => {
              await reloadPrometheus(prom);
              ctx.logger.info(`Reloaded Prometheus at ${prom.url}`);
            },
          });
          await confirmRules(prom, ruleGroup, alerts);
          ctx.logger.info(
            `Prometheus at ${prom.url} serves ${alerts.join(', ')}`,
          );
          return {
            status: changed.length ? 'applied' : 'unchanged',
            changedFiles: changed,
            link,
          };
        },
      };
    },
    async planTeardown(ctx, { service }) {
      const prom = settings.monitoring.prometheus!;
      const file = ruleFilePath(prom, service);
      // Refuses a rule file another owner wrote.
      const current = await currentRuleFile(file, service);
      const owned = current !== undefined && isOwnedBy(current, service);
      return {
        removed: owned ? [file] : [],
        apply: async () => {
          await ctx.checkpoint({
            key: `goldenpath.teardown.monitoring.${service}`,
            fn: async () => {
              await fs.rm(file, { force: true });
              await reloadPrometheus(prom);
              await confirmRules(prom, ruleGroupName(service), undefined);
            },
          });
        },
      };
    },
  };
}
