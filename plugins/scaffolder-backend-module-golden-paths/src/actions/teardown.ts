import { NotAllowedError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { promises as fs } from 'node:fs';
import { GoldenPathsSettings, resolveRemote } from '../lib/config';
import { git, isBareRepository } from '../lib/git';
import { parseInput, serviceName, Z } from '../lib/input';
import { planTargetTeardown } from '../lib/localPrometheus';
import { defaultProviders } from '../providers/builtIn';
import { providerContext } from '../providers/context';
import { SelectedProviders } from '../providers/registry';
import {
  ProviderContext,
  TeardownPlan,
  TeardownTarget,
} from '../providers/types';
import { examples } from './teardown.examples';

const PARTS = ['repository', 'deploy', 'monitoring', 'dns'] as const;

const inputFields = {
  name: serviceName,
  parts: (z: Z) =>
    z
      .array(z.enum(PARTS))
      .default([...PARTS])
      .describe(`What to remove: any of ${PARTS.join(', ')} (default all)`),
  repository: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        'Local repository published by goldenpath:publish (default: the service name). Only removed when goldenpath:publish created it in the given task.',
      ),
  createdByTask: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        'Task that published the repository (default: this task); a repository created by another task is left alone',
      ),
  namespace: (z: Z) =>
    z
      .string()
      .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/)
      .optional()
      .describe(
        'kubernetes deploy provider: namespace of the objects (default goldenPaths.deploy.kubernetes.namespace)',
      ),
  recordName: (z: Z) =>
    z
      .string()
      .optional()
      .describe('DNS record label, when it differs from the service name'),
  recordType: (z: Z) =>
    z
      .enum(['A', 'AAAA', 'CNAME'])
      .default('CNAME')
      .describe('DNS record type (rfc2136, route53, cloudflare)'),
};

/**
 * `goldenpath:teardown`: removes what the Day-1 actions created for a
 * service (practice runs), and only what carries their ownership marker. Each
 * configured provider removes its own resources.
 * @public
 */
export function createTeardownAction(options: {
  settings: GoldenPathsSettings;
  /** The providers to dispatch to; default: the built-in ones the settings name. */
  providers?: SelectedProviders;
}) {
  const { settings } = options;
  const providers = options.providers ?? defaultProviders(options);
  return createTemplateAction({
    id: 'goldenpath:teardown',
    description:
      'Removes what the golden-path actions created for a service: deploy manifests (or, with the kubernetes provider, the applied objects), monitoring rules and dashboard (in Grafana too with providers.dashboards grafana), the DNS record and the published local repository. Anything without the golden-path ownership marker is left untouched and fails the step.',
    examples,
    supportsDryRun: true,
    schema: {
      input: inputFields,
      output: {
        removed: z =>
          z
            .array(z.string())
            .describe('What was (or in dry-run would be) removed'),
      },
    },
    async handler(ctx) {
      const input = parseInput('goldenpath:teardown', inputFields, ctx.input);
      const { name, parts } = input;
      const dryRun = Boolean(ctx.isDryRun);
      const pctx = providerContext(ctx);
      const recordLabel = input.recordName ?? name;
      const target: TeardownTarget = {
        service: name,
        namespace: input.namespace,
        recordLabel,
        record: {
          fqdn: `${recordLabel}.${settings.dns.zone}`,
          type: input.recordType,
          ttl: settings.dns.ttl,
          value: '',
        },
      };
      // Every part checks ownership first, so a refusal happens before any
      // change; then each removes its own resources, in this order.
      const owners = [
        ...(parts.includes('deploy') ? [providers.deploy] : []),
        ...(parts.includes('monitoring')
          ? [providers.dashboards, providers.monitoring].filter(isDefined)
          : []),
        ...(parts.includes('dns') ? [providers.dns] : []),
      ];
      const plans: TeardownPlan[] = [];
      for (const owner of owners) {
        plans.push(await owner.planTeardown(pctx, target));
      }
      const localPrometheus = settings.monitoring.localPrometheus;
      if (parts.includes('monitoring') && localPrometheus) {
        plans.push(await planTargetTeardown(pctx, localPrometheus, name));
      }
      if (parts.includes('repository')) {
        plans.push(
          await planRepositoryTeardown(pctx, settings, {
            repository: input.repository ?? name,
            createdByTask: input.createdByTask ?? ctx.task.id,
          }),
        );
      }
      const removed: string[] = [];
      for (const plan of plans) {
        removed.push(...plan.removed);
        if (!dryRun && plan.removed.length) await plan.apply();
      }
      ctx.logger.info(
        `${dryRun ? 'Dry run: would remove' : 'Removed'} ${
          removed.length
            ? removed.join(', ')
            : 'nothing (nothing owned was found)'
        }`,
      );
      ctx.output('removed', removed);
    },
  });
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/**
 * The repository part: a local repository goes only when goldenpath:publish created
 * it in the given task.
 */
async function planRepositoryTeardown(
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
  if (!(await isBareRepository(resolved.remote))) {
    return { removed: [], apply: async () => {} };
  }
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
