import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { GoldenPathsSettings } from '../lib/config';
import { withoutStack } from '../lib/errors';
import { parseInput, serviceName, Z } from '../lib/input';
import { planTargetTeardown } from '../lib/localPrometheus';
import { defaultProviders } from '../providers/builtIn';
import { providerContext } from '../providers/context';
import { SelectedProviders } from '../providers/registry';
import { TeardownPlan, TeardownTarget } from '../providers/types';
import { CREATED_BY_TASK_ANNOTATION } from '@onramp/backstage-plugin-golden-paths-common';
import {
  findServiceEntity,
  ownershipRefs,
  ServiceAccess,
  serviceRefusal,
} from '../lib/serviceAccess';
import { examples } from './teardown.examples';
import { planCatalogTeardown, planRepositoryTeardown } from './teardownParts';

const PARTS = ['repository', 'deploy', 'monitoring', 'dns', 'catalog'] as const;
type Part = (typeof PARTS)[number];

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
        "Task that published the repository (default: the entity's onramp.dev/created-by-task annotation, else this task); a repository created by another task is left alone",
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
  /**
   * The catalog and who may tear down. With it (the module always passes
   * it) the action refuses a user who neither owns the service's Component
   * nor is an admin, and removes the entity and its location; without it
   * there is no catalog part and no owner check (provider unit tests).
   */
  access?: ServiceAccess;
}) {
  const { settings } = options;
  const providers = options.providers ?? defaultProviders(options);
  return createTemplateAction({
    id: 'goldenpath:teardown',
    description:
      "Removes what the golden-path actions created for a service: the process on the local runtime, deploy manifests (or, with the kubernetes provider, the applied objects), monitoring rules and dashboard (in Grafana too with providers.dashboards grafana), the DNS record, the catalog entity and its location, and the published local repository. Only the owner of the service's Component (or an admin, onramp.permission.admins) may run it. Anything without the golden-path ownership marker is left untouched and fails the step. Running it again says what was already gone.",
    examples,
    supportsDryRun: true,
    schema: {
      input: inputFields,
      output: {
        removed: z =>
          z
            .array(z.string())
            .describe('What was (or in dry-run would be) removed'),
        alreadyGone: z =>
          z.array(z.string()).describe('Parts that had nothing left to remove'),
      },
    },
    async handler(ctx) {
      const input = parseInput('goldenpath:teardown', inputFields, ctx.input);
      const { name, parts } = input;
      const dryRun = Boolean(ctx.isDryRun);
      const pctx = providerContext(ctx);
      const access = options.access;
      const entity: Entity | undefined = access
        ? await findServiceEntity(access, name)
        : undefined;
      if (access && entity) {
        const userRef = ctx.user?.ref;
        const refusal = serviceRefusal({
          entityRef: stringifyEntityRef(entity),
          entity,
          refs: userRef ? ownershipRefs(userRef, ctx.user?.entity) : undefined,
          admins: access.admins,
          verb: 'tear it down',
          who: userRef,
        });
        if (refusal) throw withoutStack(new NotAllowedError(refusal));
      }
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
      const plans: { part: Part; plan: TeardownPlan }[] = [];
      const plan = async (part: Part, make: () => Promise<TeardownPlan>) => {
        if (parts.includes(part)) plans.push({ part, plan: await make() });
      };
      await plan('deploy', () => providers.deploy.planTeardown(pctx, target));
      await plan('monitoring', async () => {
        const owners = [providers.dashboards, providers.monitoring].filter(
          isDefined,
        );
        const all: TeardownPlan[] = [];
        for (const owner of owners) {
          all.push(await owner.planTeardown(pctx, target));
        }
        const localPrometheus = settings.monitoring.localPrometheus;
        if (localPrometheus) {
          all.push(await planTargetTeardown(pctx, localPrometheus, name));
        }
        return {
          removed: all.flatMap(p => p.removed),
          apply: async () => {
            for (const p of all) if (p.removed.length) await p.apply();
          },
        };
      });
      await plan('dns', () => providers.dns.planTeardown(pctx, target));
      if (access) {
        await plan('catalog', () => planCatalogTeardown(pctx, access, entity));
      }
      await plan('repository', () =>
        planRepositoryTeardown(pctx, settings, {
          repository: input.repository ?? name,
          createdByTask:
            input.createdByTask ??
            entity?.metadata.annotations?.[CREATED_BY_TASK_ANNOTATION] ??
            ctx.task.id,
        }),
      );
      const removed: string[] = [];
      const alreadyGone: string[] = [];
      for (const { part, plan: p } of plans) {
        if (!p.removed.length) {
          alreadyGone.push(part);
          continue;
        }
        removed.push(...p.removed);
        if (!dryRun) await p.apply();
      }
      ctx.logger.info(
        `${dryRun ? 'Dry run: would remove' : 'Removed'} ${
          removed.length ? removed.join(', ') : 'nothing'
        }${
          alreadyGone.length
            ? `; already gone (nothing of ${name} left): ${alreadyGone.join(
                ', ',
              )}`
            : ''
        }`,
      );
      ctx.output('removed', removed);
      ctx.output('alreadyGone', alreadyGone);
    },
  });
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
