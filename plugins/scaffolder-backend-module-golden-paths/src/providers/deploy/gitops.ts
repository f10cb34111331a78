import { GoldenPathsSettings } from '../../lib/config';
import { LinkBuilder } from '../../lib/links';
import { renderManifests } from '../../lib/manifests';
import { gitopsCommit, gitopsTeardown } from '../gitopsSteps';
import { DeployProvider } from '../types';

const FILES = ['deployment.yaml', 'service.yaml', 'ingress.yaml'];

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
  const { deploy } = settings;
  return {
    name: 'gitops',
    async deploy(ctx, request) {
      const dir = `${deploy.path}/${request.name}`;
      const files = renderManifests({
        ...request,
        namespace: request.namespace ?? deploy.namespace,
      });
      const { result, changed } = await gitopsCommit(ctx, settings, {
        service: request.name,
        repository: deploy.repository,
        changes: Object.fromEntries(
          Object.entries(files).map(([f, c]) => [`${dir}/${f}`, c]),
        ),
        message: `Deploy ${request.name} (${request.image}) to ${request.host}`,
        checkpointKey: `goldenpath.deploy.gitops.${request.name}`,
      });
      let status: 'dry-run' | 'committed' | 'unchanged' = 'unchanged';
      if (ctx.isDryRun) status = 'dry-run';
      else if (changed.length) status = 'committed';
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
    },
    planTeardown(ctx, { service }) {
      const dir = `${deploy.path}/${service}`;
      return gitopsTeardown(ctx, settings, {
        part: 'deploy',
        service,
        repository: deploy.repository,
        files: FILES.map(f => `${dir}/${f}`),
      });
    },
  };
}
