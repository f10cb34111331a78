import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { ProviderContext } from './types';

/** The part of a scaffolder action's context that providers use. */
export function providerContext(
  ctx: ActionContext<any, any, any>,
): ProviderContext {
  return {
    logger: ctx.logger,
    isDryRun: Boolean(ctx.isDryRun),
    checkpoint: options => ctx.checkpoint(options),
    taskId: ctx.task.id,
  };
}
