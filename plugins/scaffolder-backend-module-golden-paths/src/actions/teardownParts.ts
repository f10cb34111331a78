import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { promises as fs } from 'node:fs';
import { GoldenPathsSettings, resolveRemote } from '../lib/config';
import { git, isBareRepository } from '../lib/git';
import { ServiceAccess } from '../lib/serviceAccess';
import { ProviderContext, TeardownPlan } from '../providers/types';

const nothing: TeardownPlan = { removed: [], apply: async () => {} };

/**
 * The repository part: a local repository goes only when goldenpath:publish
 * created it in the given task.
 */
export async function planRepositoryTeardown(
  ctx: ProviderContext,
  settings: GoldenPathsSettings,
  options: { repository: string; createdByTask: string },
): Promise<TeardownPlan> {
  const { repository, createdByTask } = options;
  const resolved = resolveRemote(settings, repository);
  if (!resolved.localName) {
    throw new NotAllowedError(
      `goldenpath:teardown only removes local repositories under goldenPaths.git.root, not ${resolved.url}`,
    );
  }
  if (!(await isBareRepository(resolved.remote))) return nothing;
  const owner = await git(
    ['config', '--default', '', 'goldenpaths.createdByTask'],
    { env: { GIT_DIR: resolved.remote } },
  );
  if (owner !== createdByTask) {
    throw new NotAllowedError(
      `Repository ${repository} was not created by goldenpath:publish in task ${createdByTask}; refusing to delete it`,
    );
  }
  return {
    removed: [`repository ${repository}`],
    apply: async () => {
      await ctx.checkpoint({
        key: `goldenpath.teardown.repository.${repository}`,
        fn: async () => {
          await fs.rm(resolved.remote, { recursive: true, force: true });
        },
      });
    },
  };
}

/**
 * The catalog part: the service's entity and the location it was registered
 * from, removed with the module's own credentials (the action has checked
 * that the task's user owns the entity or is an admin).
 */
export async function planCatalogTeardown(
  ctx: ProviderContext,
  access: ServiceAccess,
  entity: Entity | undefined,
): Promise<TeardownPlan> {
  if (!entity) return nothing;
  const ref = stringifyEntityRef(entity);
  const credentials = await access.auth.getOwnServiceCredentials();
  const location = await access.catalog.getLocationByEntity(ref, {
    credentials,
  });
  return {
    removed: [
      `catalog entity ${ref}`,
      ...(location ? [`catalog location ${location.target}`] : []),
    ],
    apply: async () => {
      await ctx.checkpoint({
        key: `goldenpath.teardown.catalog.${ref}`,
        fn: async () => {
          // The location first, so the catalog does not read the entity again.
          if (location) {
            await access.catalog.removeLocationById(location.id, {
              credentials,
            });
          }
          if (entity.metadata.uid) {
            await access.catalog.removeEntityByUid(entity.metadata.uid, {
              credentials,
            });
          }
        },
      });
    },
  };
}
