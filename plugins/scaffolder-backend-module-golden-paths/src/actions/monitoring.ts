import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { parseInput, serviceName, Z } from '../lib/input';
import {
  alertNames,
  dashboardUid,
  MonitoringSpec,
  renderDashboard,
  renderRules,
  ruleGroupName,
} from '../lib/monitoring';
import { verifyMonitoring } from '../lib/monitoringEvidence';
import { checkRulesWithPromtool } from '../lib/prometheus';
import { defaultProviders, ProviderActionOptions } from '../providers/builtIn';
import { providerContext } from '../providers/context';
import { SelectedProviders } from '../providers/registry';
import { providerActionSchema } from './providerAction';
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
  serviceUrl: (z: Z) =>
    z
      .union([
        z.literal(''),
        z
          .string()
          .url()
          .regex(/^https?:\/\//, 'must be an http or https URL'),
      ])
      .optional()
      .describe(
        "Base URL of the running service (the deploy step's serviceUrl): its /metrics is scraped, parsed and must expose what the rules read. Empty or unset: nothing is scraped",
      ),
  scrapeTimeoutMs: (z: Z) =>
    z
      .number()
      .int()
      .min(0)
      .max(300000)
      .default(30000)
      .describe(
        'How long /metrics may take to answer 200 (a starting service)',
      ),
};

/**
 * `goldenpath:monitoring`: alerting rules from availability and latency
 * objectives, plus a Grafana dashboard with a deterministic uid, shipped by
 * the configured monitoring providers.
 * @public
 */
export function createMonitoringAction(
  options: ProviderActionOptions & {
    /** The rules and dashboards providers; default: the built-in ones the settings name. */
    providers?: Pick<SelectedProviders, 'monitoring' | 'dashboards'>;
  },
) {
  const { settings } = options;
  const providers = options.providers ?? defaultProviders(options);
  return createTemplateAction({
    id: 'goldenpath:monitoring',
    description:
      'Generates Prometheus alerting rules (availability and latency objectives, routing labels) and a Grafana dashboard. gitops commits both to the monitoring repository; prometheus writes the rule file into the rules folder, validates it, reloads Prometheus and confirms the rules are loaded. With goldenPaths.providers.dashboards: grafana the dashboard is upserted over the Grafana HTTP API instead.',
    examples,
    ...providerActionSchema(inputFields, {
      status: z =>
        z
          .enum(['applied', 'unchanged', 'dry-run'])
          .describe(
            'applied: something changed; unchanged: it already was so; dry-run: nothing written',
          ),
      changedFiles: z =>
        z.array(z.string()).describe('Files written or that would be'),
      link: z => z.string().describe('Link to the rules'),
      alerts: z => z.array(z.string()).describe('Names of the alerting rules'),
      ruleGroup: z => z.string().describe('Prometheus rule group name'),
      dashboardUid: z =>
        z.string().describe('Grafana dashboard uid (deterministic)'),
      dashboardUrl: z =>
        z
          .string()
          .optional()
          .describe(
            'A dashboard that exists: from Grafana with providers.dashboards grafana, else goldenPaths.monitoring.grafanaUrl, else the local Prometheus graph of the service once it scrapes it; unset when there is none',
          ),
      rulesCheck: z =>
        z
          .string()
          .describe(
            'promtool check rules: passed, or not checked: promtool not installed',
          ),
      evidenceKey: z =>
        z
          .string()
          .describe(
            'monitoring.scraped when /metrics answered valid exposition text with every metric the rules read, else monitoring.configured',
          ),
      metrics: z =>
        z
          .string()
          .optional()
          .describe('What the scrape of /metrics found, for people'),
      prometheusTarget: z =>
        z
          .string()
          .optional()
          .describe(
            'Local Prometheus: up (scraped) or discovered (listed, not scraped yet)',
          ),
      dashboardVersion: z =>
        z
          .number()
          .optional()
          .describe(
            'providers.dashboards grafana: the dashboard version Grafana holds after the step',
          ),
    }),
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
      const uid = dashboardUid(input.name);
      const promtool = settings.monitoring.prometheus?.promtool ?? 'promtool';
      // Validate before anything is written, in dry-run too.
      const validated = await checkRulesWithPromtool(promtool, rules);
      const rulesCheck = validated
        ? 'passed'
        : 'not checked: promtool not installed';
      ctx.logger.info(
        validated
          ? `promtool check rules: ${ruleGroupName(input.name)} is valid`
          : `promtool check rules: not checked: promtool not installed (${promtool} not found)`,
      );
      ctx.output('rulesCheck', rulesCheck);

      ctx.output('provider', providers.monitoring.name);
      ctx.output('alerts', alertNames(input.name));
      ctx.output('ruleGroup', ruleGroupName(input.name));
      ctx.output('dashboardUid', uid);
      let dashboardUrl = settings.monitoring.grafanaUrl
        ? `${settings.monitoring.grafanaUrl.replace(/\/+$/, '')}/d/${uid}`
        : undefined;
      const artifacts = {
        spec,
        ruleGroup: ruleGroupName(input.name),
        alerts: alertNames(input.name),
      };
      const dashboard = { uid, json: renderDashboard(spec) };
      const pctx = providerContext(ctx);
      // Every provider checks ownership before any of them writes.
      const dashboards = await providers.dashboards?.prepare(pctx, {
        ...artifacts,
        dashboard,
      });
      const own = await providers.monitoring.prepare(pctx, {
        ...artifacts,
        rules,
        dashboard:
          providers.dashboards ||
          !providers.monitoring.ships.includes('dashboard')
            ? undefined
            : dashboard,
      });
      const result = await own.apply();
      ctx.output('link', result.link ?? '');
      let status = result.status;
      const changedFiles = [...result.changedFiles];
      if (dashboards) {
        const shipped = await dashboards.apply();
        changedFiles.push(...shipped.changedFiles);
        dashboardUrl = shipped.dashboardUrl ?? dashboardUrl;
        if (shipped.dashboardVersion !== undefined) {
          ctx.output('dashboardVersion', shipped.dashboardVersion);
        }
        if (status === 'unchanged' && shipped.status === 'applied') {
          status = 'applied';
        }
      }
      if (dashboardUrl) ctx.output('dashboardUrl', dashboardUrl);
      ctx.output('changedFiles', changedFiles);
      ctx.output('status', status);
      const evidence = await verifyMonitoring(pctx, {
        name: input.name,
        serviceUrl: input.serviceUrl || undefined,
        scrapeTimeoutMs: input.scrapeTimeoutMs,
        localPrometheus: settings.monitoring.localPrometheus,
      });
      ctx.output('evidenceKey', evidence.evidenceKey);
      if (evidence.scrape) {
        ctx.output(
          'metrics',
          evidence.scrape.found
            .map(f => `${f.sample} (${f.series} series)`)
            .join(', '),
        );
      }
      if (evidence.target) {
        ctx.output('prometheusTarget', evidence.target.health);
      }
      if (evidence.graphUrl && !dashboardUrl) {
        ctx.output('dashboardUrl', evidence.graphUrl);
      }
    },
  });
}
