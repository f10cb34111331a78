import { createHash } from 'node:crypto';
import yaml from 'yaml';
import { ownershipMarker, yamlHeader } from './ownership';

/**
 * What the alerting rules and the dashboard are generated from.
 *
 * @public
 */
export interface MonitoringSpec {
  name: string;
  /** Availability objective in percent, e.g. 99.5. */
  availabilityObjective: number;
  /** Latency objective: this percentile of requests is faster than latencyThresholdMs. */
  latencyPercentile: number;
  latencyThresholdMs: number;
  /** How long a breach must last before the alert fires, e.g. 5m. */
  for: string;
  severity: string;
  routingLabels: Record<string, string>;
  owner?: string;
}

const MANAGED_BY = 'onramp-golden-paths';

function camel(name: string) {
  return name
    .split('-')
    .map(p => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

/** The rule group name used in Prometheus for a service. */
export function ruleGroupName(name: string) {
  return `golden-path-${name}`;
}

/** Alert names, in the order the rules file lists them. */
export function alertNames(name: string) {
  return [
    `${camel(name)}AvailabilityBelowObjective`,
    `${camel(name)}LatencyAboveObjective`,
  ];
}

const REQUESTS = 'http_requests_total';
const DURATION = 'http_request_duration_seconds';

/** The metrics the alerting rules read, and the alert reading each. */
export function requiredMetrics(name: string) {
  const [availability, latency] = alertNames(name);
  return [
    {
      sample: REQUESTS,
      family: REQUESTS,
      types: ['counter'],
      alert: availability,
    },
    {
      sample: `${DURATION}_bucket`,
      family: DURATION,
      types: ['histogram'],
      alert: latency,
    },
  ];
}

/** A PromQL expression graphing a service's request rate by status code. */
export function requestRateExpr(name: string) {
  return `sum by (code) (rate(${REQUESTS}{service="${name}"}[5m]))`;
}

/** A Grafana dashboard uid derived from the service name only (at most 40 characters). */
export function dashboardUid(name: string) {
  return `gp-${createHash('sha256').update(name).digest('hex').slice(0, 16)}`;
}

/** Renders the Prometheus rule file (rule_files format), deterministically. */
export function renderRules(spec: MonitoringSpec): string {
  const selector = `service="${spec.name}"`;
  const errorBudget = +(1 - spec.availabilityObjective / 100).toPrecision(6);
  const labels = {
    severity: spec.severity,
    service: spec.name,
    managed_by: MANAGED_BY,
    ...(spec.owner ? { owner: spec.owner } : {}),
    ...spec.routingLabels,
  };
  const [availability, latency] = alertNames(spec.name);
  const doc = {
    groups: [
      {
        name: ruleGroupName(spec.name),
        rules: [
          {
            alert: availability,
            expr: `(sum(rate(${REQUESTS}{${selector},code=~"5.."}[5m])) or vector(0)) / clamp_min(sum(rate(${REQUESTS}{${selector}}[5m])), 1e-9) > ${errorBudget}`,
            for: spec.for,
            labels,
            annotations: {
              summary: `${spec.name} availability is below ${spec.availabilityObjective}%`,
              description: `More than ${+(errorBudget * 100).toPrecision(
                6,
              )}% of requests to ${
                spec.name
              } failed (5xx) over the last 5 minutes.`,
              objective: `availability ${spec.availabilityObjective}%`,
            },
          },
          {
            alert: latency,
            expr: `histogram_quantile(${
              spec.latencyPercentile
            }, sum by (le) (rate(${DURATION}_bucket{${selector}}[5m]))) > ${
              spec.latencyThresholdMs / 1000
            }`,
            for: spec.for,
            labels,
            annotations: {
              summary: `${spec.name} p${
                spec.latencyPercentile * 100
              } latency is above ${spec.latencyThresholdMs} ms`,
              description: `The ${
                spec.latencyPercentile * 100
              }th percentile of request durations of ${spec.name} exceeds ${
                spec.latencyThresholdMs
              } ms.`,
              objective: `p${spec.latencyPercentile * 100} latency ${
                spec.latencyThresholdMs
              } ms`,
            },
          },
        ],
      },
    ],
  };
  return (
    yamlHeader(spec.name, 'Prometheus alerting rules') + yaml.stringify(doc)
  );
}

/** Renders a Grafana dashboard for the service with a deterministic uid. */
export function renderDashboard(spec: MonitoringSpec): string {
  const selector = `service="${spec.name}"`;
  const panel = (
    id: number,
    title: string,
    expr: string,
    unit: string,
    y: number,
  ) => ({
    id,
    type: 'timeseries',
    title,
    gridPos: { h: 8, w: 24, x: 0, y },
    datasource: { type: 'prometheus', uid: '${datasource}' },
    fieldConfig: { defaults: { unit }, overrides: [] },
    targets: [{ refId: 'A', expr }],
  });
  const dashboard = {
    uid: dashboardUid(spec.name),
    title: `${spec.name} (golden path)`,
    description: `${ownershipMarker(
      spec.name,
    )} generated by the Day-1 golden path`,
    tags: ['golden-path', MANAGED_BY, spec.name],
    timezone: 'browser',
    schemaVersion: 39,
    version: 1,
    editable: true,
    time: { from: 'now-6h', to: 'now' },
    templating: {
      list: [
        {
          name: 'datasource',
          type: 'datasource',
          query: 'prometheus',
          current: {},
        },
      ],
    },
    panels: [
      panel(
        1,
        'Requests per second',
        `sum(rate(http_requests_total{${selector}}[5m]))`,
        'reqps',
        0,
      ),
      panel(
        2,
        `Error ratio (objective ${spec.availabilityObjective}%)`,
        `sum(rate(http_requests_total{${selector},code=~"5.."}[5m])) / sum(rate(http_requests_total{${selector}}[5m]))`,
        'percentunit',
        8,
      ),
      panel(
        3,
        `p${spec.latencyPercentile * 100} latency (objective ${
          spec.latencyThresholdMs
        } ms)`,
        `histogram_quantile(${spec.latencyPercentile}, sum by (le) (rate(http_request_duration_seconds_bucket{${selector}}[5m])))`,
        's',
        16,
      ),
    ],
  };
  return `${JSON.stringify(dashboard, null, 2)}\n`;
}
