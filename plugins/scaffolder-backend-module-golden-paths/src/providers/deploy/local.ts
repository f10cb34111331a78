import { InputError } from '@backstage/errors';
import { GoldenPathsSettings, resolveRemote } from '../../lib/config';
import { remoteBranchCommit } from '../../lib/git';
import { LinkBuilder } from '../../lib/links';
import {
  DESIRED_FILE,
  renderDesiredState,
} from '../../lib/localRuntime/desired';
import { LocalRuntime } from '../../lib/localRuntime/runtime';
import { DeployProvider } from '../types';
import { commitDesiredState, planDesiredStateTeardown } from './gitops';

/** What people see wherever this provider is named. */
export const LOCAL_RUNTIME_TITLE = 'local runtime (this machine)';

/**
 * The `local` deploy provider, the embedded default: commits the same
 * desired state as `gitops` (manifests plus `local-runtime.yaml`, naming the
 * source repository and commit), then the local runtime builds that commit
 * of the service's repository (the repository named like the service) and
 * runs it on this machine. The deploy succeeds only when /health answers
 * from the new commit.
 * @public
 */
export function createLocalDeployProvider(options: {
  settings: GoldenPathsSettings;
  links: LinkBuilder;
  runtime: LocalRuntime;
}): DeployProvider {
  const { settings, links, runtime } = options;
  return {
    name: 'local',
    async deploy(ctx, request) {
      const repository = request.name;
      const source = resolveRemote(settings, repository);
      const commit = await remoteBranchCommit(
        source.remote,
        settings.git.defaultBranch,
      ).catch(() => undefined);
      // A dry-run (the template editor) runs before anything is published.
      if (!commit && !ctx.isDryRun) {
        throw new InputError(
          `The ${LOCAL_RUNTIME_TITLE} builds ${request.name} from its repository '${repository}', which has no branch ${settings.git.defaultBranch}: publish it first (goldenpath:publish)`,
        );
      }
      const what =
        commit?.slice(0, 7) ?? 'the commit goldenpath:publish pushes';
      const committed = await commitDesiredState(ctx, {
        settings,
        links,
        request,
        extra: {
          [DESIRED_FILE]: renderDesiredState(request.name, {
            repository,
            commit: commit ?? what,
            healthPath: request.healthPath,
          }),
        },
        message: `Deploy ${request.name} at ${what} to the ${LOCAL_RUNTIME_TITLE}`,
      });
      if (ctx.isDryRun || !commit) {
        ctx.logger.info(
          `Dry run: would build ${request.name} at ${what} and run it on the ${LOCAL_RUNTIME_TITLE}, then wait for ${request.healthPath} to answer from that commit`,
        );
        return committed;
      }
      ctx.logger.info(
        `Building ${request.name} at ${commit.slice(
          0,
          7,
        )} for the ${LOCAL_RUNTIME_TITLE}`,
      );
      const { port } = await runtime.run({
        name: request.name,
        repository,
        remote: source.remote,
        commit,
        healthPath: request.healthPath,
      });
      ctx.logger.info(
        `Started ${request.name} on port ${port}; waiting for ${
          request.healthPath
        } to answer from ${commit.slice(0, 7)}`,
      );
      const answer = await runtime.waitHealthy(request.name, commit);
      ctx.logger.info(
        `${request.name} answered ${request.healthPath} from ${commit.slice(
          0,
          7,
        )} in ${answer.latencyMs} ms: ${answer.summary}`,
      );
      return {
        ...committed,
        status: 'applied',
        serviceUrl: `http://${request.name}.localhost:${port}/`,
        healthy: { commit, latencyMs: answer.latencyMs },
      };
    },
    async planTeardown(ctx, { service }) {
      const manifests = await planDesiredStateTeardown(ctx, settings, service, [
        DESIRED_FILE,
      ]);
      const state = await runtime.status(service);
      const removed = [
        ...manifests.removed,
        ...(state
          ? [`${LOCAL_RUNTIME_TITLE}: ${service} on port ${state.port}`]
          : []),
      ];
      return {
        removed,
        async apply() {
          if (manifests.removed.length) await manifests.apply();
          if (await runtime.remove(service)) {
            ctx.logger.info(
              `Stopped ${service} on the ${LOCAL_RUNTIME_TITLE} and deleted its port, build and logs`,
            );
          }
        },
      };
    },
  };
}
