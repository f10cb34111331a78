import { GoldenPathsSettings, resolveRemote } from '../lib/config';
import { LinkBuilder } from '../lib/links';
import { LocalRuntime } from '../lib/localRuntime/runtime';
import { createGitopsDeployProvider } from './deploy/gitops';
import { createKubernetesDeployProvider } from './deploy/kubernetes';
import { createLocalDeployProvider } from './deploy/local';
import { createCloudflareDnsProvider } from './dns/cloudflare';
import { createGitopsDnsProvider } from './dns/gitops';
import { createRfc2136DnsProvider } from './dns/rfc2136';
import { createRoute53DnsProvider } from './dns/route53';
import { createGitopsMonitoringProvider } from './monitoring/gitops';
import { createGrafanaMonitoringProvider } from './monitoring/grafana';
import { createPrometheusMonitoringProvider } from './monitoring/prometheus';
import {
  GoldenPathsProvidersExtensionPoint,
  ProviderRegistry,
  SelectedProviders,
} from './registry';

/**
 * What the provider-running actions are made from.
 * @public
 */
export interface ProviderActionOptions {
  settings: GoldenPathsSettings;
  /** Links to committed files, for the step's outputs. */
  links: LinkBuilder;
}

/** What the built-in providers are made from. */
export interface BuiltInProviderOptions {
  settings: GoldenPathsSettings;
  /** Links to committed files; default: the repository's URL. */
  links?: LinkBuilder;
  /** The runtime of the `local` deploy provider; default: one without a log. */
  localRuntime?: LocalRuntime;
}

/** Adds the built-in providers, the way an adopter's module adds its own. */
export function addBuiltInProviders(
  registry: GoldenPathsProvidersExtensionPoint,
  options: BuiltInProviderOptions,
) {
  const { settings } = options;
  const links: LinkBuilder =
    options.links ??
    (async repository => resolveRemote(settings, repository).url);
  const runtime =
    options.localRuntime ??
    new LocalRuntime({ settings: settings.deploy.local });
  registry.addDeployProvider(
    createGitopsDeployProvider({ settings, links }),
    createKubernetesDeployProvider({ settings }),
    createLocalDeployProvider({ settings, links, runtime }),
  );
  registry.addMonitoringProvider(
    createGitopsMonitoringProvider({ settings, links }),
    createPrometheusMonitoringProvider({ settings }),
    createGrafanaMonitoringProvider({ settings }),
  );
  registry.addDnsProvider(
    createGitopsDnsProvider({ settings, links }),
    createRfc2136DnsProvider({ settings }),
    createRoute53DnsProvider({ settings }),
    createCloudflareDnsProvider({ settings }),
  );
}

/** The built-in providers the settings name (for actions made on their own). */
export function defaultProviders(
  options: BuiltInProviderOptions,
): SelectedProviders {
  const registry = new ProviderRegistry();
  addBuiltInProviders(registry, options);
  return registry.select(options.settings);
}
