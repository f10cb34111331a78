export {
  goldenPathsProvidersExtensionPoint,
  type GoldenPathsProvidersExtensionPoint,
} from './registry';
export type {
  DeployProvider,
  DeployRequest,
  DeployResult,
  DeploySpec,
  DnsProvider,
  DnsRecord,
  DnsRequest,
  DnsResult,
  MonitoringArtifacts,
  MonitoringPlan,
  MonitoringProvider,
  MonitoringResult,
  MonitoringSpec,
  ProviderContext,
  TeardownPlan,
  TeardownTarget,
} from './types';
export { createGitopsDeployProvider } from './deploy/gitops';
export { createKubernetesDeployProvider } from './deploy/kubernetes';
export { createGitopsMonitoringProvider } from './monitoring/gitops';
export { createPrometheusMonitoringProvider } from './monitoring/prometheus';
export { createGrafanaMonitoringProvider } from './monitoring/grafana';
export { createGitopsDnsProvider } from './dns/gitops';
export { createRfc2136DnsProvider } from './dns/rfc2136';
export { createRoute53DnsProvider } from './dns/route53';
export { createCloudflareDnsProvider } from './dns/cloudflare';
export type { ProviderActionOptions } from './builtIn';
