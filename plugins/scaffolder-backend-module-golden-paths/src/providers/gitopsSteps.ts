import { GoldenPathsSettings } from '../lib/config';
import {
  asJson,
  commitToRepository,
  FileChanges,
  GitOpsResult,
} from '../lib/gitops';
import { ownedGuard } from '../lib/ownership';
import { ProviderContext, TeardownPlan } from './types';

/**
 * The commit every gitops provider makes: in dry-run only computed (and
 * logged), else pushed once inside a checkpoint. Files the service does not
 * own are refused.
 */
export async function gitopsCommit(
  ctx: ProviderContext,
  settings: GoldenPathsSettings,
  options: {
    service: string;
    repository: string;
    changes: FileChanges;
    message: string;
    checkpointKey: string;
  },
): Promise<{
  result: GitOpsResult;
  changed: string[];
  /** dry-run, committed (something changed) or unchanged. */
  status: 'dry-run' | 'committed' | 'unchanged';
}> {
  const run = (dryRun: boolean) =>
    commitToRepository({
      settings,
      repository: options.repository,
      changes: options.changes,
      message: options.message,
      dryRun,
      logger: ctx.logger,
      guard: ownedGuard(options.service),
    });
  const result: GitOpsResult = ctx.isDryRun
    ? await run(true)
    : await ctx.checkpoint({
        key: options.checkpointKey,
        fn: async () => asJson(await run(false)),
      });
  const changed = [...result.added, ...result.modified, ...result.deleted];
  let status: 'dry-run' | 'committed' | 'unchanged' = 'unchanged';
  if (ctx.isDryRun) status = 'dry-run';
  else if (changed.length) status = 'committed';
  return { result, changed, status };
}

/**
 * The teardown of every gitops provider: deletes the files in one commit,
 * after checking (in the plan) that each carries the service's marker.
 */
export async function gitopsTeardown(
  ctx: ProviderContext,
  settings: GoldenPathsSettings,
  options: {
    part: string;
    service: string;
    repository: string;
    files: string[];
  },
): Promise<TeardownPlan> {
  const { part, service, repository } = options;
  const run = (dryRun: boolean, log: boolean) =>
    commitToRepository({
      settings,
      repository,
      changes: Object.fromEntries(options.files.map(f => [f, null])),
      message: `Tear down ${part} of ${service}`,
      dryRun,
      log,
      logger: ctx.logger,
      guard: ownedGuard(service),
    });
  // Check ownership of every file before deleting any; only a dry run of the
  // teardown logs this check as "Dry run: would commit".
  const plan = await run(true, Boolean(ctx.isDryRun));
  return {
    removed: plan.deleted.map(f => `${repository}:${f}`),
    apply: async () => {
      await ctx.checkpoint({
        key: `goldenpath.teardown.${part}.${service}`,
        fn: async () => {
          await run(false, true);
        },
      });
    },
  };
}
