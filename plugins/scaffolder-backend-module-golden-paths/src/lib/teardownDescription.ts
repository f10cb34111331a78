import { GoldenPathsSettings } from './config';

/**
 * What a teardown of the service removes with the configured providers, in
 * the order the action removes it, for the confirm dialog.
 */
export function describeTeardown(
  settings: GoldenPathsSettings,
  name: string,
): string[] {
  const { deploy, monitoring, dns } = settings;
  const inRepo = (file: string, repository: string) =>
    `${file} in the ${repository} repository`;
  const byProvider: Record<string, string[]> = {
    local: [
      `the process of ${name} on the local runtime (this machine), with its port, build and logs`,
      inRepo(`the deploy manifests ${deploy.path}/${name}/`, deploy.repository),
    ],
    gitops: [
      inRepo(`the deploy manifests ${deploy.path}/${name}/`, deploy.repository),
    ],
    kubernetes: [`the Kubernetes objects of ${name}`],
  };
  return [
    ...(byProvider[deploy.provider] ?? [
      `what the ${deploy.provider} deploy provider created for ${name}`,
    ]),
    monitoring.provider === 'gitops'
      ? inRepo(
          `the alerting rules ${monitoring.path}/${name}/`,
          monitoring.repository,
        )
      : `the alerting rules of ${name} (${monitoring.provider})`,
    ...(monitoring.localPrometheus
      ? [`the scrape target of ${name} in the local Prometheus`]
      : []),
    dns.provider === 'gitops'
      ? inRepo(
          `the DNS record ${dns.path}/${dns.zone}/${name}.yaml`,
          dns.repository,
        )
      : `the DNS record ${name}.${dns.zone} (${dns.provider})`,
    `the catalog entity component:default/${name} and the location it was registered from`,
    `the repository ${name}`,
  ];
}
