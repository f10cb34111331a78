import yaml from 'yaml';
import { GoldenPathsSettings } from '../../lib/config';
import {
  applyBody,
  assertOwned,
  describeObject,
  FIELD_MANAGER,
  KubernetesClient,
  LiveObject,
  objectRefs,
  wouldChange,
} from '../../lib/kubernetes';
import { KubeObject, renderObjects } from '../../lib/manifests';
import { DeployProvider, ProviderContext } from '../types';

/**
 * The `kubernetes` deploy provider: checks that every object is ours (or
 * absent), then server-side applies Deployment, Service and Ingress, each
 * inside its own checkpoint, and waits for the Deployment rollout. In dry-run
 * it sends the same applies with dryRun=All and logs them.
 * @public
 */
export function createKubernetesDeployProvider(options: {
  settings: GoldenPathsSettings;
}): DeployProvider {
  const { settings } = options;
  const kubeSettings = () => settings.deploy.kubernetes!;
  return {
    name: 'kubernetes',
    async deploy(ctx, request) {
      const kube = kubeSettings();
      const client = new KubernetesClient(kube);
      const spec = {
        ...request,
        namespace: request.namespace ?? kube.namespace,
      };
      const { deployment, service, ingress } = renderObjects(spec);
      const objects = [deployment, service, ingress];

      // Check ownership of every object before changing any.
      const live: (LiveObject | undefined)[] = [];
      for (const obj of objects) {
        const current = await client.read(obj);
        assertOwned(obj, current, spec.name);
        live.push(current);
      }

      const changed: string[] = [];
      for (const [i, obj] of objects.entries()) {
        if (await applyOne(ctx, client, obj, live[i])) {
          changed.push(describeObject(obj));
        }
      }
      const link = client.url(deployment);
      if (ctx.isDryRun) {
        return { status: 'dry-run', changedObjects: changed, link };
      }
      ctx.logger.info(
        `Waiting up to ${
          kube.rolloutTimeoutMs
        } ms for the rollout of ${describeObject(deployment)}`,
      );
      const rollout = await client.waitForRollout(deployment);
      ctx.logger.info(
        `${describeObject(deployment)} rolled out: ${rollout.state}`,
      );
      return {
        status: changed.length ? 'applied' : 'unchanged',
        changedObjects: changed,
        link,
      };
    },
    async planTeardown(ctx, target) {
      const client = new KubernetesClient(kubeSettings());
      const namespace = target.namespace ?? kubeSettings().namespace;
      const deletes: { obj: KubeObject; resourceVersion?: string }[] = [];
      for (const obj of objectRefs(target.service, namespace)) {
        const live = await client.read(obj);
        assertOwned(obj, live, target.service);
        if (live) {
          deletes.push({
            obj,
            resourceVersion: live.metadata?.resourceVersion,
          });
        }
      }
      return {
        removed: deletes.map(d => describeObject(d.obj)),
        apply: async () => {
          for (const { obj, resourceVersion } of deletes) {
            await ctx.checkpoint({
              key: `goldenpath.teardown.deploy.kubernetes.${obj.metadata.namespace}.${obj.kind}.${target.service}`,
              fn: async () => {
                await client.delete(obj, resourceVersion);
              },
            });
          }
        },
      };
    },
  };
}

/** Applies one object (server-side dry run in dry-run); true when it changed. */
async function applyOne(
  ctx: ProviderContext,
  client: KubernetesClient,
  obj: KubeObject,
  live: LiveObject | undefined,
): Promise<boolean> {
  const body = applyBody(obj, live);
  const request = `PATCH ${client.url(obj)}?${
    ctx.isDryRun ? 'dryRun=All&' : ''
  }fieldManager=${FIELD_MANAGER}&force=true (Content-Type: application/apply-patch+yaml)`;
  if (ctx.isDryRun) {
    const result = await client.apply(body, { dryRun: true });
    const change = wouldChange(live, result);
    let verb = 'keep (unchanged)';
    if (!live) verb = 'create';
    else if (change) verb = 'update';
    ctx.logger.info(
      `Dry run: would ${verb} ${describeObject(
        obj,
      )} (server-side dry run accepted it): ${request}\n${yaml.stringify(
        body,
      )}`,
    );
    return Boolean(change);
  }
  const applied = await ctx.checkpoint({
    key: `goldenpath.deploy.kubernetes.${obj.metadata.namespace}.${obj.kind}.${obj.metadata.name}`,
    fn: async () => {
      const result = await client.apply(body, { dryRun: false });
      const after = result.metadata?.resourceVersion ?? '';
      const before = live?.metadata?.resourceVersion;
      ctx.logger.info(
        `Applied ${describeObject(obj)}: ${request} (${
          before === after ? 'unchanged' : `resourceVersion ${after}`
        })`,
      );
      return { changed: before !== after, resourceVersion: after };
    },
  });
  return applied.changed;
}
