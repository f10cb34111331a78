import type { Change } from '@aws-sdk/client-route-53';
import { NotAllowedError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { promises as fs } from 'node:fs';
import { GoldenPathsSettings, resolveRemote } from '../lib/config';
import { git, isBareRepository } from '../lib/git';
import { commitToRepository, FileChanges } from '../lib/gitops';
import {
  assertDashboardOwned,
  deleteDashboard,
  getDashboard,
} from '../lib/grafana';
import { parseInput, serviceName, Z } from '../lib/input';
import {
  assertOwned,
  describeObject,
  KubernetesClient,
  objectRefs,
} from '../lib/kubernetes';
import { KubeObject } from '../lib/manifests';
import { dashboardUid, ruleGroupName } from '../lib/monitoring';
import { isOwnedBy, ownedGuard } from '../lib/ownership';
import {
  confirmRules,
  currentRuleFile,
  reloadPrometheus,
  ruleFilePath,
} from '../lib/prometheus';
import {
  currentState,
  deleteLines,
  DnsRecord,
  sendUpdate,
} from '../lib/rfc2136';
import { describeChanges, Route53Zone } from '../lib/route53';
import { CloudflareOperation, CloudflareZone } from '../lib/cloudflare';
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
        'Local repository published by publish:git (default: the service name). Only removed when publish:git created it in the given task.',
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
 * service (practice runs), and only what carries their ownership marker.
 * @public
 */
export function createTeardownAction(options: {
  settings: GoldenPathsSettings;
}) {
  const { settings } = options;
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
      const { name } = input;
      const removed: string[] = [];
      const dryRun = Boolean(ctx.isDryRun);
      const gitopsRemove = async (
        part: string,
        repository: string,
        files: string[],
      ) => {
        const changes: FileChanges = Object.fromEntries(
          files.map(f => [f, null]),
        );
        const run = (dry: boolean) =>
          commitToRepository({
            settings,
            repository,
            changes,
            message: `Tear down ${part} of ${name}`,
            dryRun: dry,
            logger: ctx.logger,
            guard: ownedGuard(name),
          });
        // Check ownership of every file before deleting any.
        const plan = await run(true);
        if (!dryRun && plan.deleted.length) {
          await ctx.checkpoint({
            key: `goldenpath.teardown.${part}.${name}`,
            fn: async () => {
              await run(false);
            },
          });
        }
        removed.push(...plan.deleted.map(f => `${repository}:${f}`));
      };

      // Check everything first so a refusal happens before any change.
      const kubeDeletes: { obj: KubeObject; resourceVersion?: string }[] = [];
      let kube: KubernetesClient | undefined;
      if (
        input.parts.includes('deploy') &&
        settings.deploy.provider === 'kubernetes'
      ) {
        kube = new KubernetesClient(settings.deploy.kubernetes!);
        const namespace =
          input.namespace ?? settings.deploy.kubernetes!.namespace;
        for (const obj of objectRefs(name, namespace)) {
          const live = await kube.read(obj);
          assertOwned(obj, live, name);
          if (live) {
            kubeDeletes.push({
              obj,
              resourceVersion: live.metadata?.resourceVersion,
            });
          }
        }
      }
      const grafana =
        settings.monitoring.dashboards === 'grafana'
          ? settings.monitoring.grafana!
          : undefined;
      const uid = dashboardUid(name);
      let dashboardPresent = false;
      if (input.parts.includes('monitoring') && grafana) {
        const current = await getDashboard(grafana, uid);
        assertDashboardOwned(grafana, uid, current, name);
        dashboardPresent = Boolean(current);
      }
      if (
        input.parts.includes('monitoring') &&
        settings.monitoring.provider === 'prometheus'
      ) {
        const prom = settings.monitoring.prometheus!;
        await currentRuleFile(ruleFilePath(prom, name), name);
      }
      const record: DnsRecord = {
        fqdn: `${input.recordName ?? name}.${settings.dns.zone}`,
        type: input.recordType,
        ttl: settings.dns.ttl,
        value: '',
      };
      let dnsPresent = false;
      if (input.parts.includes('dns') && settings.dns.provider === 'rfc2136') {
        const state = await currentState(settings.dns.rfc2136!, record, name);
        dnsPresent = state.values.length > 0 || state.owned;
        if (state.values.length > 0 && !state.owned) {
          throw new NotAllowedError(
            `${record.fqdn} ${record.type} is not owned by the golden path for '${name}'; refusing to delete it`,
          );
        }
      }
      let route53Delete: { zone: Route53Zone; changes: Change[] } | undefined;
      if (input.parts.includes('dns') && settings.dns.provider === 'route53') {
        const zone = new Route53Zone(settings.dns.route53!);
        const changes = zone.planDelete(
          await zone.state(record.fqdn, name),
          record.fqdn,
          record.type,
          name,
        );
        if (changes.length) route53Delete = { zone, changes };
      }
      let cloudflareDelete:
        | { zone: CloudflareZone; operations: CloudflareOperation[] }
        | undefined;
      if (
        input.parts.includes('dns') &&
        settings.dns.provider === 'cloudflare'
      ) {
        const zone = new CloudflareZone(settings.dns.cloudflare!);
        const operations = zone.planDelete(
          await zone.records(record.fqdn),
          record.fqdn,
          record.type,
          name,
        );
        if (operations.length) cloudflareDelete = { zone, operations };
      }
      const repoName = input.repository ?? name;
      const createdBy = input.createdByTask ?? ctx.task.id;
      let repoPath: string | undefined;
      if (input.parts.includes('repository')) {
        const resolved = resolveRemote(settings, repoName);
        if (!resolved.localName) {
          throw new NotAllowedError(
            `goldenpath:teardown only removes local repositories under goldenPaths.git.root, not ${resolved.url}`,
          );
        }
        if (await isBareRepository(resolved.remote)) {
          const owner = await git(
            ['config', '--default', '', 'goldenpaths.createdByTask'],
            {
              env: { GIT_DIR: resolved.remote },
            },
          );
          if (owner !== createdBy) {
            throw new NotAllowedError(
              `Repository ${repoName} was not created by publish:git in task ${createdBy}; refusing to delete it`,
            );
          }
          repoPath = resolved.remote;
        }
      }

      for (const { obj, resourceVersion } of kubeDeletes) {
        removed.push(describeObject(obj));
        if (!dryRun) {
          await ctx.checkpoint({
            key: `goldenpath.teardown.deploy.kubernetes.${obj.metadata.namespace}.${obj.kind}.${name}`,
            fn: async () => {
              await kube!.delete(obj, resourceVersion);
            },
          });
        }
      }
      if (
        input.parts.includes('deploy') &&
        settings.deploy.provider === 'gitops'
      ) {
        const dir = `${settings.deploy.path}/${name}`;
        await gitopsRemove('deploy', settings.deploy.repository, [
          `${dir}/deployment.yaml`,
          `${dir}/service.yaml`,
          `${dir}/ingress.yaml`,
        ]);
      }
      if (input.parts.includes('monitoring')) {
        if (dashboardPresent) {
          removed.push(`grafana:dashboard/${uid}`);
          if (!dryRun) {
            await ctx.checkpoint({
              key: `goldenpath.teardown.grafana.${uid}`,
              fn: async () => {
                await deleteDashboard(grafana!, uid);
              },
            });
          }
        }
        if (settings.monitoring.provider === 'gitops') {
          const dir = `${settings.monitoring.path}/${name}`;
          await gitopsRemove('monitoring', settings.monitoring.repository, [
            `${dir}/alerts.rules.yml`,
            `${dir}/dashboard.json`,
          ]);
        } else {
          const prom = settings.monitoring.prometheus!;
          const file = ruleFilePath(prom, name);
          const current = await currentRuleFile(file, name);
          if (current !== undefined && isOwnedBy(current, name)) {
            removed.push(file);
            if (!dryRun) {
              await ctx.checkpoint({
                key: `goldenpath.teardown.monitoring.${name}`,
                fn: async () => {
                  await fs.rm(file, { force: true });
                  await reloadPrometheus(prom);
                  await confirmRules(prom, ruleGroupName(name), undefined);
                },
              });
            }
          }
        }
      }
      if (input.parts.includes('dns')) {
        if (settings.dns.provider === 'gitops') {
          await gitopsRemove('dns', settings.dns.repository, [
            `${settings.dns.path}/${settings.dns.zone}/${
              input.recordName ?? name
            }.yaml`,
          ]);
        } else if (settings.dns.provider === 'route53') {
          if (route53Delete) {
            const { zone, changes } = route53Delete;
            removed.push(`${record.fqdn} ${record.type}`);
            ctx.logger.info(
              `${
                dryRun ? 'Dry run: would send' : 'Sending'
              } ChangeResourceRecordSets to hosted zone ${
                zone.zoneId
              }:\n${describeChanges(changes)}`,
            );
            if (!dryRun) {
              await ctx.checkpoint({
                key: `goldenpath.teardown.dns.route53.${record.fqdn}`,
                fn: async () => {
                  await zone.apply(
                    changes,
                    `goldenpath:teardown ${name} (task ${ctx.task.id})`,
                  );
                },
              });
            }
          }
        } else if (settings.dns.provider === 'cloudflare') {
          if (cloudflareDelete) {
            const { zone, operations } = cloudflareDelete;
            removed.push(`${record.fqdn} ${record.type}`);
            ctx.logger.info(
              `${
                dryRun ? 'Dry run: would call' : 'Calling'
              } the Cloudflare API:\n${zone.describe(operations)}`,
            );
            if (!dryRun) {
              await ctx.checkpoint({
                key: `goldenpath.teardown.dns.cloudflare.${record.fqdn}`,
                fn: async () => {
                  await zone.apply(operations);
                },
              });
            }
          }
        } else if (dnsPresent) {
          removed.push(`${record.fqdn} ${record.type}`);
          if (!dryRun) {
            await ctx.checkpoint({
              key: `goldenpath.teardown.dns.${record.fqdn}`,
              fn: async () => {
                await sendUpdate(
                  settings.dns.rfc2136!,
                  settings.dns.zone,
                  deleteLines(record, name),
                );
              },
            });
          }
        }
      }
      if (repoPath) {
        removed.push(`repository ${repoName}`);
        if (!dryRun) {
          await ctx.checkpoint({
            key: `goldenpath.teardown.repository.${repoName}`,
            fn: async () => {
              await fs.rm(repoPath!, { recursive: true, force: true });
            },
          });
        }
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
