import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { GoldenPathsSettings } from '../lib/config';
import { asJson, commitToRepository, GitOpsResult } from '../lib/gitops';
import { parseInput, serviceName, Z } from '../lib/input';
import {
  absoluteUrl,
  assertDashboardOwned,
  getDashboard,
  sameDashboard,
  saveDashboard,
  saveRequest,
} from '../lib/grafana';
import { LinkBuilder } from '../lib/links';
import {
  alertNames,
  dashboardUid,
  MonitoringSpec,
  renderDashboard,
  renderRules,
  ruleGroupName,
} from '../lib/monitoring';
import { ownedGuard } from '../lib/ownership';
import {
  checkRulesWithPromtool,
  confirmRules,
  currentRuleFile,
  reloadPrometheus,
  ruleFilePath,
  writeAtomically,
} from '../lib/prometheus';
import { examples } from './monitoring.examples';

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

const inputFields = {
  name: serviceName,
  owner: (z: Z) =>
    z
      .string()
      .optional()
      .describe('Owner entity ref, added as the owner label'),
  availabilityObjective: (z: Z) =>
    z
      .number()
      .min(90)
      .max(99.999)
      .default(99.5)
      .describe(
        'Availability objective in percent (90 to 99.999): alert when the 5xx ratio exceeds the error budget',
      ),
  latencyPercentile: (z: Z) =>
    z
      .number()
      .gt(0)
      .lt(1)
      .default(0.99)
      .describe('Latency objective percentile, e.g. 0.99 for p99'),
  latencyThresholdMs: (z: Z) =>
    z
      .number()
      .int()
      .min(1)
      .max(600000)
      .default(300)
      .describe(
        'Latency objective: the percentile must stay under this many ms',
      ),
  for: (z: Z) =>
    z
      .string()
      .regex(/^[0-9]+(ms|s|m|h)$/, 'must be a Prometheus duration like 5m')
      .default('5m')
      .describe('How long a breach lasts before the alert fires'),
  severity: (z: Z) =>
    z
      .enum(['page', 'ticket', 'info'])
      .default('page')
      .describe('severity label used by Alertmanager routing'),
  routingLabels: (z: Z) =>
    z
      .record(
        z
          .string()
          .regex(LABEL_NAME, 'label names must match [a-zA-Z_][a-zA-Z0-9_]*'),
        z.string().max(200),
      )
      .default({})
      .describe(
        'Extra labels on every alert for Alertmanager routing, e.g. team: payments',
      ),
};

/**
 * `goldenpath:monitoring`: alerting rules from availability and latency
 * objectives, plus a Grafana dashboard with a deterministic uid.
 * @public
 */
export function createMonitoringAction(options: {
  settings: GoldenPathsSettings;
  links: LinkBuilder;
}) {
  const { settings, links } = options;
  return createTemplateAction({
    id: 'goldenpath:monitoring',
    description:
      'Generates Prometheus alerting rules (availability and latency objectives, routing labels) and a Grafana dashboard. gitops commits both to the monitoring repository; prometheus writes the rule file into the rules folder, validates it, reloads Prometheus and confirms the rules are loaded. With goldenPaths.providers.dashboards: grafana the dashboard is upserted over the Grafana HTTP API instead.',
    examples,
    supportsDryRun: true,
    schema: {
      input: inputFields,
      output: {
        provider: z => z.string().describe('The provider that ran'),
        status: z =>
          z
            .enum(['applied', 'unchanged', 'dry-run'])
            .describe(
              'applied: something changed; unchanged: it already was so; dry-run: nothing written',
            ),
        changedFiles: z =>
          z.array(z.string()).describe('Files written or that would be'),
        link: z => z.string().describe('Link to the rules'),
        alerts: z =>
          z.array(z.string()).describe('Names of the alerting rules'),
        ruleGroup: z => z.string().describe('Prometheus rule group name'),
        dashboardUid: z =>
          z.string().describe('Grafana dashboard uid (deterministic)'),
        dashboardUrl: z =>
          z
            .string()
            .optional()
            .describe(
              'Dashboard URL: from Grafana with providers.dashboards grafana, else when goldenPaths.monitoring.grafanaUrl is set',
            ),
        dashboardVersion: z =>
          z
            .number()
            .optional()
            .describe(
              'providers.dashboards grafana: the dashboard version Grafana holds after the step',
            ),
      },
    },
    async handler(ctx) {
      const input = parseInput('goldenpath:monitoring', inputFields, ctx.input);
      const spec: MonitoringSpec = { ...input };
      for (const reserved of ['severity', 'service', 'managed_by', 'owner']) {
        if (reserved in input.routingLabels) {
          throw new InputError(
            `Invalid input to goldenpath:monitoring: routingLabels.${reserved} is set by the action itself`,
          );
        }
      }
      const rules = renderRules(spec);
      const dashboard = renderDashboard(spec);
      const uid = dashboardUid(input.name);
      const provider = settings.monitoring.provider;
      const promtool = settings.monitoring.prometheus?.promtool ?? 'promtool';
      // Validate before anything is written, in dry-run too.
      const validated = await checkRulesWithPromtool(promtool, rules);
      ctx.logger.info(
        validated
          ? `promtool check rules: ${ruleGroupName(input.name)} is valid`
          : `promtool not found (${promtool}); rules were checked by the input schema only`,
      );

      ctx.output('provider', provider);
      ctx.output('alerts', alertNames(input.name));
      ctx.output('ruleGroup', ruleGroupName(input.name));
      ctx.output('dashboardUid', uid);
      if (settings.monitoring.grafanaUrl) {
        ctx.output(
          'dashboardUrl',
          `${settings.monitoring.grafanaUrl.replace(/\/+$/, '')}/d/${uid}`,
        );
      }
      const grafana =
        settings.monitoring.dashboards === 'grafana'
          ? settings.monitoring.grafana!
          : undefined;

      type RulesResult = {
        status: 'applied' | 'unchanged' | 'dry-run';
        changedFiles: string[];
        link: string;
      };

      const gitopsRules = async (): Promise<RulesResult> => {
        const dir = `${settings.monitoring.path}/${input.name}`;
        // With providers.dashboards grafana, Grafana holds the dashboard:
        // only the rules are committed.
        const changes: Record<string, string> = {
          [`${dir}/alerts.rules.yml`]: rules,
          ...(grafana ? {} : { [`${dir}/dashboard.json`]: dashboard }),
        };
        const run = (dryRun: boolean) =>
          commitToRepository({
            settings,
            repository: settings.monitoring.repository,
            changes,
            message: `Monitoring for ${input.name}: availability ${
              input.availabilityObjective
            }%, p${input.latencyPercentile * 100} ${
              input.latencyThresholdMs
            } ms`,
            dryRun,
            logger: ctx.logger,
            guard: ownedGuard(input.name),
          });
        const result: GitOpsResult = ctx.isDryRun
          ? await run(true)
          : await ctx.checkpoint({
              key: `goldenpath.monitoring.gitops.${input.name}`,
              fn: async () => asJson(await run(false)),
            });
        const changed = [
          ...result.added,
          ...result.modified,
          ...result.deleted,
        ];
        let status: RulesResult['status'] = 'unchanged';
        if (ctx.isDryRun) status = 'dry-run';
        else if (changed.length) status = 'applied';
        return {
          status,
          changedFiles: changed,
          link: await links(
            settings.monitoring.repository,
            result.branch,
            `${dir}/alerts.rules.yml`,
          ),
        };
      };

      const prometheusRules = async (): Promise<RulesResult> => {
        const prom = settings.monitoring.prometheus;
        if (!prom) {
          throw new Error(
            'goldenPaths.providers.monitoring is prometheus but goldenPaths.monitoring.prometheus (url, rulesDir) is not configured',
          );
        }
        const file = ruleFilePath(prom, input.name);
        const current = await currentRuleFile(file, input.name);
        const changed = current === rules ? [] : [file];
        const link = `${prom.url}/rules`;
        if (ctx.isDryRun) {
          let verb = 'replace';
          if (current === undefined) verb = 'create';
          else if (current === rules) verb = 'keep (unchanged)';
          ctx.logger.info(
            `Dry run: would ${verb} ${file}, POST ${
              prom.url
            }/-/reload and wait for ${ruleGroupName(input.name)} in ${
              prom.url
            }/api/v1/rules`,
          );
          return { status: 'dry-run', changedFiles: changed, link };
        }
        await ctx.checkpoint({
          key: `goldenpath.monitoring.prometheus.write.${input.name}`,
          fn: async () => {
            if (changed.length) {
              await writeAtomically(file, rules);
              ctx.logger.info(`Wrote ${file}`);
            }
          },
        });
        await ctx.checkpoint({
          key: `goldenpath.monitoring.prometheus.reload.${input.name}`,
          fn: async () => {
            await reloadPrometheus(prom);
            ctx.logger.info(`Reloaded Prometheus at ${prom.url}`);
          },
        });
        await confirmRules(
          prom,
          ruleGroupName(input.name),
          alertNames(input.name),
        );
        ctx.logger.info(
          `Prometheus at ${prom.url} serves ${alertNames(input.name).join(
            ', ',
          )}`,
        );
        return {
          status: changed.length ? 'applied' : 'unchanged',
          changedFiles: changed,
          link,
        };
      };

      // providers.dashboards grafana: read the dashboard under our uid and
      // refuse a foreign one before anything (rules included) is written.
      const wantedDashboard = JSON.parse(dashboard);
      const checkDashboard = async () => {
        const current = await getDashboard(grafana!, uid);
        assertDashboardOwned(grafana!, uid, current, input.name);
        return {
          exists: Boolean(current),
          same: sameDashboard(grafana!, current, wantedDashboard),
          url: current?.url ?? null,
          version: (current?.dashboard.version as number | undefined) ?? null,
        };
      };
      let state: Awaited<ReturnType<typeof checkDashboard>> | undefined;
      if (grafana) {
        state = ctx.isDryRun
          ? await checkDashboard()
          : await ctx.checkpoint({
              key: `goldenpath.monitoring.grafana.check.${input.name}`,
              fn: checkDashboard,
            });
      }

      const result =
        provider === 'gitops' ? await gitopsRules() : await prometheusRules();
      ctx.output('link', result.link);
      let status = result.status;
      const changedFiles = [...result.changedFiles];

      if (grafana && state) {
        const request = saveRequest(
          grafana,
          wantedDashboard,
          state.exists,
          `Day-1 golden path: monitoring for ${input.name}`,
        );
        const what = `POST ${grafana.url}/api/dashboards/db (overwrite: ${
          state.exists
        }, folderUid: ${grafana.folderUid ?? 'General'})`;
        if (!state.same) changedFiles.push(`grafana:dashboard/${uid}`);
        if (ctx.isDryRun) {
          let verb = 'update';
          if (!state.exists) verb = 'create';
          else if (state.same) verb = 'keep (unchanged)';
          ctx.logger.info(
            `Dry run: would ${verb} Grafana dashboard ${uid}${
              state.same ? '' : `: ${what}\n${JSON.stringify(request, null, 2)}`
            }`,
          );
          ctx.output(
            'dashboardUrl',
            absoluteUrl(grafana, state.url ?? `/d/${uid}`),
          );
          if (state.version !== null) {
            ctx.output('dashboardVersion', state.version);
          }
        } else if (state.same) {
          ctx.logger.info(
            `Grafana dashboard ${uid} is up to date (version ${state.version})`,
          );
          ctx.output('dashboardUrl', absoluteUrl(grafana, state.url!));
          ctx.output('dashboardVersion', state.version!);
        } else {
          const saved: { uid: string; url: string; version: number } =
            await ctx.checkpoint({
              key: `goldenpath.monitoring.grafana.save.${input.name}`,
              fn: async () => asJson(await saveDashboard(grafana, request)),
            });
          ctx.logger.info(
            `Saved Grafana dashboard ${saved.uid} version ${saved.version}: ${what}`,
          );
          ctx.output('dashboardUrl', absoluteUrl(grafana, saved.url));
          ctx.output('dashboardVersion', saved.version);
          if (status === 'unchanged') status = 'applied';
        }
      }
      ctx.output('changedFiles', changedFiles);
      ctx.output('status', status);
    },
  });
}
