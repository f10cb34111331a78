import { Config, ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import path from 'node:path';
import { ensureBareRepository, GitAuthor } from './git';
import { LocalRuntimeSettings } from './localRuntime/runtime';

/**
 * Settings of the Prometheus monitoring provider.
 *
 * @public
 */
export interface PrometheusSettings {
  url: string;
  rulesDir: string;
  promtool: string;
  confirmTimeoutMs: number;
}

/**
 * A local Prometheus that discovers services through file_sd: each service's
 * target file is written to `fileSdDir`, matched by a `file_sd_configs`
 * glob `*.json` in its configuration.
 * @public
 */
export interface LocalPrometheusSettings {
  url: string;
  fileSdDir: string;
  confirmTimeoutMs: number;
}

/**
 * Settings of the grafana dashboards provider.
 *
 * @public
 */
export interface GrafanaSettings {
  /** Grafana base URL, without a trailing slash. */
  url: string;
  /** Service account token (Editor on the folder). */
  token: string;
  /** Folder the dashboards are saved in; unset: the General folder. */
  folderUid?: string;
}

/**
 * Settings of the kubernetes deploy provider (one cluster).
 *
 * @public
 */
export interface KubernetesSettings {
  /** API server base URL, without a trailing slash. */
  url: string;
  /** Bearer token (a service account token). */
  token: string;
  /** Base64 PEM of the cluster CA, as certificate-authority-data in a kubeconfig. */
  caData?: string;
  skipTLSVerify: boolean;
  /** Namespace used when the input names none. */
  namespace: string;
  rolloutTimeoutMs: number;
  pollIntervalMs: number;
}

/**
 * Settings of the RFC 2136 DNS provider.
 *
 * @public
 */
export interface Rfc2136Settings {
  server: string;
  port: number;
  keyName: string;
  keyAlgorithm: string;
  keySecret: string;
}

/**
 * Settings of the Route 53 DNS provider.
 *
 * @public
 */
export interface Route53Settings {
  hostedZoneId: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  waitForSync: boolean;
  syncTimeoutMs: number;
  syncPollMs: number;
}

/**
 * Settings of the Cloudflare DNS provider.
 *
 * @public
 */
export interface CloudflareSettings {
  zoneId: string;
  apiToken: string;
  proxied: boolean;
  baseUrl?: string;
}

/**
 * Everything the actions read from `goldenPaths` in app-config.
 *
 * @public
 */
export interface GoldenPathsSettings {
  git: {
    root: string;
    defaultBranch: string;
    allowedRemotes: string[];
    author: GitAuthor;
    serveLocalRepositories: boolean;
  };
  deploy: {
    /** Name of the deploy provider (goldenPaths.providers.deploy). */
    provider: string;
    repository: string;
    path: string;
    baseDomain: string;
    namespace: string;
    ingressClassName?: string;
    kubernetes?: KubernetesSettings;
    /** The local deploy provider's runtime. */
    local: LocalRuntimeSettings;
  };
  monitoring: {
    /** Name of the rules provider (goldenPaths.providers.monitoring). */
    provider: string;
    repository: string;
    path: string;
    prometheus?: PrometheusSettings;
    /** Set when goldenPaths.monitoring.localPrometheus.enabled is true. */
    localPrometheus?: LocalPrometheusSettings;
    grafanaUrl?: string;
    /**
     * Name of the dashboards provider (goldenPaths.providers.dashboards).
     * grafana: the dashboard is upserted over Grafana's HTTP API (whatever
     * provider writes the rules). Unset: the gitops provider commits
     * dashboard.json with the rules; the prometheus provider uploads none.
     */
    dashboards?: string;
    grafana?: GrafanaSettings;
  };
  dns: {
    /** Name of the DNS provider (goldenPaths.providers.dns). */
    provider: string;
    zone: string;
    ttl: number;
    repository: string;
    path: string;
    rfc2136?: Rfc2136Settings;
    route53?: Route53Settings;
    cloudflare?: CloudflareSettings;
  };
}

/**
 * Reads and checks the `goldenPaths` configuration block.
 *
 * @public
 */
export function readSettings(rootConfig: Config): GoldenPathsSettings {
  const config =
    rootConfig.getOptionalConfig('goldenPaths') ?? new ConfigReader({});
  const author: GitAuthor = {
    name:
      config.getOptionalString('git.author.name') ??
      rootConfig.getOptionalString('scaffolder.defaultAuthor.name') ??
      'Onramp Golden Paths',
    email:
      config.getOptionalString('git.author.email') ??
      rootConfig.getOptionalString('scaffolder.defaultAuthor.email') ??
      'golden-paths@onramp.invalid',
  };
  const prom = config.getOptionalConfig('monitoring.prometheus');
  const local = config.getOptionalConfig('monitoring.localPrometheus');
  // Provider names are checked against the registered providers at startup.
  const dashboards = config.getOptionalString('providers.dashboards');
  const grafana = config.getOptionalConfig('monitoring.grafana');
  if (dashboards === 'grafana' && !grafana) {
    throw new Error(
      'goldenPaths.providers.dashboards is grafana but goldenPaths.monitoring.grafana (url, token) is not configured',
    );
  }
  const deployNamespace =
    config.getOptionalString('deploy.namespace') ?? 'default';
  const deployProvider =
    config.getOptionalString('providers.deploy') ?? 'gitops';
  const rfc = config.getOptionalConfig('dns.rfc2136');
  const r53 = config.getOptionalConfig('dns.route53');
  if (r53 && r53.has('accessKeyId') !== r53.has('secretAccessKey')) {
    throw new Error(
      'goldenPaths.dns.route53 needs both accessKeyId and secretAccessKey, or neither (to use the default AWS credential provider chain)',
    );
  }
  const cf = config.getOptionalConfig('dns.cloudflare');
  return {
    git: {
      root: path.resolve(
        config.getOptionalString('git.root') ?? '../../data/git',
      ),
      defaultBranch: config.getOptionalString('git.defaultBranch') ?? 'main',
      allowedRemotes: config.getOptionalStringArray('git.allowedRemotes') ?? [],
      author,
      serveLocalRepositories:
        config.getOptionalBoolean('git.serveLocalRepositories') ?? false,
    },
    deploy: {
      provider: deployProvider,
      repository:
        config.getOptionalString('deploy.repository') ?? 'deployments',
      path: config.getOptionalString('deploy.path') ?? 'apps',
      baseDomain:
        config.getOptionalString('deploy.baseDomain') ??
        'apps.onramp.localhost',
      namespace: deployNamespace,
      ingressClassName: config.getOptionalString('deploy.ingressClassName'),
      kubernetes: readKubernetes(config, deployProvider, deployNamespace),
      local: readLocalRuntime(config),
    },
    monitoring: {
      provider: config.getOptionalString('providers.monitoring') ?? 'gitops',
      repository:
        config.getOptionalString('monitoring.repository') ?? 'monitoring',
      path: config.getOptionalString('monitoring.path') ?? 'services',
      grafanaUrl: config.getOptionalString('monitoring.grafanaUrl'),
      dashboards,
      grafana: grafana && {
        url: grafana.getString('url').replace(/\/+$/, ''),
        token: grafana.getString('token'),
        folderUid: grafana.getOptionalString('folderUid'),
      },
      prometheus: prom && {
        url: prom.getString('url').replace(/\/+$/, ''),
        rulesDir: path.resolve(prom.getString('rulesDir')),
        promtool: prom.getOptionalString('promtool') ?? 'promtool',
        confirmTimeoutMs: prom.getOptionalNumber('confirmTimeoutMs') ?? 30000,
      },
      localPrometheus:
        local && (local.getOptionalBoolean('enabled') ?? true)
          ? {
              url: local.getString('url').replace(/\/+$/, ''),
              fileSdDir: path.resolve(local.getString('fileSdDir')),
              confirmTimeoutMs:
                local.getOptionalNumber('confirmTimeoutMs') ?? 30000,
            }
          : undefined,
    },
    dns: {
      provider: config.getOptionalString('providers.dns') ?? 'gitops',
      zone: (config.getOptionalString('dns.zone') ?? 'apps.onramp.localhost')
        .replace(/\.$/, '')
        .toLowerCase(),
      ttl: config.getOptionalNumber('dns.ttl') ?? 300,
      repository: config.getOptionalString('dns.repository') ?? 'dns',
      path: config.getOptionalString('dns.path') ?? 'zones',
      rfc2136: rfc && {
        server: rfc.getString('server'),
        port: rfc.getOptionalNumber('port') ?? 53,
        keyName: rfc.getString('keyName'),
        keyAlgorithm: rfc.getOptionalString('keyAlgorithm') ?? 'hmac-sha256',
        keySecret: rfc.getString('keySecret'),
      },
      route53: r53 && {
        hostedZoneId: r53.getString('hostedZoneId'),
        region: r53.getOptionalString('region') ?? 'us-east-1',
        accessKeyId: r53.getOptionalString('accessKeyId'),
        secretAccessKey: r53.getOptionalString('secretAccessKey'),
        sessionToken: r53.getOptionalString('sessionToken'),
        waitForSync: r53.getOptionalBoolean('waitForSync') ?? true,
        syncTimeoutMs: r53.getOptionalNumber('syncTimeoutMs') ?? 120000,
        syncPollMs: r53.getOptionalNumber('syncPollMs') ?? 5000,
      },
      cloudflare: cf && {
        zoneId: cf.getString('zoneId'),
        apiToken: cf.getString('apiToken'),
        proxied: cf.getOptionalBoolean('proxied') ?? false,
        baseUrl: cf.getOptionalString('baseUrl'),
      },
    },
  };
}

function readKubernetes(
  config: Config,
  provider: string,
  defaultNamespace: string,
): KubernetesSettings | undefined {
  const kube = config.getOptionalConfig('deploy.kubernetes');
  if (!kube) {
    if (provider === 'kubernetes') {
      throw new Error(
        'goldenPaths.providers.deploy is kubernetes but goldenPaths.deploy.kubernetes (url, token) is not configured',
      );
    }
    return undefined;
  }
  const caData = kube.getOptionalString('caData');
  const skipTLSVerify = kube.getOptionalBoolean('skipTLSVerify') ?? false;
  if (caData && skipTLSVerify) {
    throw new Error(
      'goldenPaths.deploy.kubernetes: set caData or skipTLSVerify, not both',
    );
  }
  return {
    url: kube.getString('url').replace(/\/+$/, ''),
    token: kube.getString('token'),
    caData,
    skipTLSVerify,
    namespace: kube.getOptionalString('namespace') ?? defaultNamespace,
    rolloutTimeoutMs: kube.getOptionalNumber('rolloutTimeoutMs') ?? 300000,
    pollIntervalMs: kube.getOptionalNumber('pollIntervalMs') ?? 2000,
  };
}

function readLocalRuntime(config: Config): LocalRuntimeSettings {
  const local = config.getOptionalConfig('deploy.local');
  const from = local?.getOptionalNumber('ports.from') ?? 41000;
  const to = local?.getOptionalNumber('ports.to') ?? 41999;
  if (
    !Number.isInteger(from) ||
    !Number.isInteger(to) ||
    from < 1024 ||
    to > 65535 ||
    from > to
  ) {
    throw new Error(
      `goldenPaths.deploy.local.ports must be a range of whole numbers within 1024-65535 (from <= to); got ${from}-${to}`,
    );
  }
  return {
    runtimeDir: path.resolve(
      local?.getOptionalString('runtimeDir') ?? 'data/runtime',
    ),
    ports: { from, to },
    healthTimeoutMs: local?.getOptionalNumber('healthTimeoutMs') ?? 30000,
    python: local?.getOptionalString('python'),
  };
}

const LOCAL_NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/** Where a repository lives: a bare repository under the root, or an allowed remote. */
export interface ResolvedRemote {
  /** What git pushes to: an absolute path or a URL. */
  remote: string;
  /** A URL for people and outputs. */
  url: string;
  /** Set for repositories under goldenPaths.git.root. */
  localName?: string;
}

/**
 * Resolves a repository reference: a plain name is a bare repository under
 * goldenPaths.git.root (created on demand); anything else must start with one
 * of goldenPaths.git.allowedRemotes.
 */
export function resolveRemote(
  settings: GoldenPathsSettings,
  repository: string,
): ResolvedRemote {
  if (LOCAL_NAME.test(repository) && !repository.includes('..')) {
    const name = repository.replace(/\.git$/, '');
    const remote = path.join(settings.git.root, `${name}.git`);
    return { remote, url: `file://${remote}`, localName: name };
  }
  const allowed = settings.git.allowedRemotes.some(prefix =>
    repository.startsWith(prefix),
  );
  if (!allowed) {
    throw new InputError(
      `Repository '${repository}' is neither a plain repository name ([a-z0-9._-]) nor under one of goldenPaths.git.allowedRemotes`,
    );
  }
  return { remote: repository, url: repository };
}

/** Creates the bare repository for a local remote if needed. */
export async function prepareRemote(
  settings: GoldenPathsSettings,
  resolved: ResolvedRemote,
) {
  if (resolved.localName) {
    return ensureBareRepository(resolved.remote, settings.git.defaultBranch);
  }
  return 'existing' as const;
}
