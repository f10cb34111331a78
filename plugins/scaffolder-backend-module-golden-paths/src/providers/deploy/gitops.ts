import { GoldenPathsSettings } from '../../lib/config';
import { LinkBuilder } from '../../lib/links';
import { renderManifests } from '../../lib/manifests';
import { gitopsCommit, gitopsTeardown } from '../gitopsSteps';
import {
  DeployProvider,
  DeployRequest,
  DeployResult,
  ProviderContext,
} from '../types';

const FILES = ['deployment.yaml', 'service.yaml', 'ingress.yaml'];

/**
 * Commits a service's Deployment, Service and Ingress manifests (and any
 * `extra` files) to `goldenPaths.deploy.repository` under
 * `<deploy.path>/<name>/`: the desired state the gitops and local providers
 * share.
 */
export async function commitDesiredState(
  ctx: ProviderContext,
  options: {
    settings: GoldenPathsSettings;
    links: LinkBuilder;
    request: DeployRequest;
    extra?: Record<string, string>;
    message?: string;
  },
): Promise<DeployResult & { status: 'dry-run' | 'committed' | 'unchanged' }> {
  const { settings, links, request } = options;
  const { deploy } = settings;
  const dir = `${deploy.path}/${request.name}`;
  const files = {
    ...renderManifests({
      ...request,
      namespace: request.namespace ?? deploy.namespace,
    }),
    ...options.extra,
  };
  const { result, changed, status } = await gitopsCommit(ctx, settings, {
    service: request.name,
    repository: deploy.repository,
    changes: Object.fromEntries(
      Object.entries(files).map(([f, c]) => [`${dir}/${f}`, c]),
    ),
    message:
      options.message ??
      `Deploy ${request.name} (${request.image}) to ${request.host}`,
    checkpointKey: `goldenpath.deploy.gitops.${request.name}`,
  });
  return {
    status,
    changedFiles: changed,
    link: await links(
      deploy.repository,
      result.branch,
      `${dir}/deployment.yaml`,
    ),
    commitHash: result.commitHash,
  };
}

/** Plans the removal of a service's manifests (and `extra` files) from the deploy repository. */
export function planDesiredStateTeardown(
  ctx: ProviderContext,
  settings: GoldenPathsSettings,
  service: string,
  extra: string[] = [],
) {
  const dir = `${settings.deploy.path}/${service}`;
  return gitopsTeardown(ctx, settings, {
    part: 'deploy',
    service,
    repository: settings.deploy.repository,
    files: [...FILES, ...extra].map(f => `${dir}/${f}`),
  });
}

/**
 * The `gitops` deploy provider: commits Deployment, Service and Ingress
 * manifests to `goldenPaths.deploy.repository`, for Argo CD or Flux to apply.
 * @public
 */
export function createGitopsDeployProvider(options: {
  settings: GoldenPathsSettings;
  links: LinkBuilder;
}): DeployProvider {
  const { settings, links } = options;
  return {
    name: 'gitops',
    deploy: (ctx, request) =>
      commitDesiredState(ctx, { settings, links, request }),
    planTeardown: (ctx, { service }) =>
      planDesiredStateTeardown(ctx, settings, service),
  };
}
