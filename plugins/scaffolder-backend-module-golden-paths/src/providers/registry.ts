import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { GoldenPathsSettings } from '../lib/config';
import { DeployProvider, DnsProvider, MonitoringProvider } from './types';

/**
 * Where backend modules for the scaffolder add Day-1 providers. The
 * golden-paths module registers its built-in providers through the same
 * methods, then picks one of each kind by the names in
 * `goldenPaths.providers`. A name may be registered once.
 * @public
 */
export interface GoldenPathsProvidersExtensionPoint {
  addDeployProvider(...providers: DeployProvider[]): void;
  addMonitoringProvider(...providers: MonitoringProvider[]): void;
  addDnsProvider(...providers: DnsProvider[]): void;
}

/**
 * The extension point of the golden-paths scaffolder module. Use it from a
 * module with `pluginId: 'scaffolder'`.
 * @public
 */
export const goldenPathsProvidersExtensionPoint =
  createExtensionPoint<GoldenPathsProvidersExtensionPoint>({
    id: 'scaffolder.golden-paths.providers',
  });

/**
 * The providers the actions run, chosen from config.
 *
 * @public
 */
export interface SelectedProviders {
  deploy: DeployProvider;
  /** Ships the alerting rules (and the dashboard when `dashboards` is unset). */
  monitoring: MonitoringProvider;
  /** `goldenPaths.providers.dashboards`: ships the dashboard instead. */
  dashboards?: MonitoringProvider;
  dns: DnsProvider;
}

type Named = { readonly name: string };

function pick<T extends Named>(
  key: string,
  kind: string,
  providers: T[],
  name: string,
): T {
  const found = providers.find(p => p.name === name);
  if (!found) {
    throw new Error(
      `goldenPaths.providers.${key} '${name}' is not a known ${kind} provider; known: ${providers
        .map(p => p.name)
        .join(', ')}`,
    );
  }
  return found;
}

/** Keeps the registered providers by kind and picks the configured ones. */
export class ProviderRegistry implements GoldenPathsProvidersExtensionPoint {
  readonly #deploy: DeployProvider[] = [];
  readonly #monitoring: MonitoringProvider[] = [];
  readonly #dns: DnsProvider[] = [];
  #locked = false;

  addDeployProvider(...providers: DeployProvider[]) {
    this.#add('deploy', this.#deploy, providers);
  }

  addMonitoringProvider(...providers: MonitoringProvider[]) {
    this.#add('monitoring', this.#monitoring, providers);
  }

  addDnsProvider(...providers: DnsProvider[]) {
    this.#add('DNS', this.#dns, providers);
  }

  /** No provider can be added after this: the actions are built. */
  lock() {
    this.#locked = true;
  }

  #add<T extends Named>(kind: string, list: T[], providers: T[]) {
    if (this.#locked) {
      throw new Error(
        `goldenPaths: ${kind} providers must be added while the backend starts, before the golden-paths module initializes`,
      );
    }
    for (const provider of providers) {
      if (!provider?.name) {
        throw new Error(`goldenPaths: a ${kind} provider has no name`);
      }
      if (list.some(p => p.name === provider.name)) {
        throw new Error(
          `goldenPaths: two ${kind} providers are named '${provider.name}'`,
        );
      }
      list.push(provider);
    }
  }

  /** The providers named in config; throws one line naming the known ones. */
  select(settings: GoldenPathsSettings): SelectedProviders {
    const deploy = pick(
      'deploy',
      'deploy',
      this.#deploy,
      settings.deploy.provider,
    );
    const monitoring = pick(
      'monitoring',
      'monitoring',
      this.#monitoring.filter(p => p.ships.includes('rules')),
      settings.monitoring.provider,
    );
    const dashboardName = settings.monitoring.dashboards;
    const dashboards =
      dashboardName === undefined
        ? undefined
        : pick(
            'dashboards',
            'dashboards',
            this.#monitoring.filter(p => p.ships.includes('dashboard')),
            dashboardName,
          );
    const dns = pick('dns', 'DNS', this.#dns, settings.dns.provider);
    return {
      deploy,
      monitoring,
      // The rules provider ships the dashboard too when it is the same one.
      dashboards: dashboards === monitoring ? undefined : dashboards,
      dns,
    };
  }
}
