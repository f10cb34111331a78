import { ConflictError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { withoutStack } from '../lib/errors';
import { parseInput, serviceName, Z } from '../lib/input';
import { ServiceNameChecker } from '../lib/nameCheck';
import { examples } from './nameCheck.examples';

const inputFields = {
  name: (z: Z) => serviceName(z),
};

/**
 * `goldenpath:name:check`: the first step of a Day-1 template. Fails with
 * one sentence ("payments-api is taken by group:payments; choose another
 * name, or open it: \<portal link\>") when a Component of that name is in the
 * catalog or its repository exists under the git root, before anything is
 * published. Reads only.
 * @public
 */
export function createNameCheckAction(options: { check: ServiceNameChecker }) {
  const { check } = options;
  return createTemplateAction({
    id: 'goldenpath:name:check',
    description:
      'Fails with one sentence when the service name is taken: a Component of that name in the catalog (asked with the credentials of the user who started the task) or a repository of that name under goldenPaths.git.root that another task created. Reads only; put it first.',
    examples,
    supportsDryRun: true,
    schema: {
      input: inputFields,
      output: {
        available: z =>
          z
            .boolean()
            .describe('True: nothing holds the name (else the step fails)'),
      },
    },
    async handler(ctx) {
      const { name } = parseInput(
        'goldenpath:name:check',
        inputFields,
        ctx.input,
      );
      const credentials = await ctx.getInitiatorCredentials();
      // A retried task keeps the answer it had: its own repository does not
      // make the name taken.
      const result = await ctx.checkpoint({
        key: `goldenpath.name.check.${name}`,
        fn: async () => {
          const answer = await check(name, credentials, ctx.task.id);
          return { available: answer.available, message: answer.message ?? '' };
        },
      });
      if (!result.available) {
        throw withoutStack(new ConflictError(result.message));
      }
      ctx.logger.info(
        `${name} is free: no Component and no repository of that name`,
      );
      ctx.output('available', true);
    },
  });
}
