import {
  ActionContext,
  createTemplateAction,
} from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import { GoldenPathsSettings } from '../lib/config';
import { asJson, commitToRepository, GitOpsResult } from '../lib/gitops';
import { parseInput, serviceName, Z } from '../lib/input';
import { LinkBuilder } from '../lib/links';
import {
  applyBody,
  assertOwned,
  describeObject,
  FIELD_MANAGER,
  KubernetesClient,
  LiveObject,
  wouldChange,
} from '../lib/kubernetes';
import { DeploySpec, renderManifests, renderObjects } from '../lib/manifests';
import { ownedGuard } from '../lib/ownership';
import { examples } from './deploy.examples';

const inputFields = {
  name: serviceName,
  image: (z: Z) =>
    z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9._\-/:@]*$/,
        'must be a container image reference',
      )
      .describe(
        'Container image to run, e.g. registry.example.com/team/svc:1.0.0',
      ),
  owner: (z: Z) =>
    z.string().optional().describe('Owner entity ref, recorded as a label'),
  port: (z: Z) =>
    z.number().int().min(1).max(65535).default(8080).describe('Container port'),
  replicas: (z: Z) =>
    z.number().int().min(0).max(50).default(1).describe('Number of replicas'),
  host: (z: Z) =>
    z
      .string()
      .regex(/^[a-z0-9.-]+$/)
      .optional()
      .describe(
        'Public host name for the Ingress (default <name>.<goldenPaths.deploy.baseDomain>)',
      ),
  healthPath: (z: Z) =>
    z
      .string()
      .startsWith('/')
      .default('/health')
      .describe('HTTP path of the readiness and liveness probes'),
  namespace: (z: Z) =>
    z
      .string()
      .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/)
      .optional()
      .describe(
        'Kubernetes namespace (default goldenPaths.deploy.kubernetes.namespace or goldenPaths.deploy.namespace)',
      ),
};

/**
 * `goldenpath:deploy`: deploys a service through the configured provider.
 * The `gitops` provider commits Deployment, Service and Ingress manifests to
 * the deploy repository, for Argo CD or Flux to apply; the `kubernetes`
 * provider applies the same objects server-side to the configured cluster
 * and waits for the rollout.
 * @public
 */
export function createDeployAction(options: {
  settings: GoldenPathsSettings;
  links: LinkBuilder;
}) {
  const { settings, links } = options;
  return createTemplateAction({
    id: 'goldenpath:deploy',
    description:
      'Deploys a service: the gitops provider commits Kubernetes manifests (Deployment, Service, Ingress) to the deploy repository; the kubernetes provider applies the same objects server-side to the configured cluster and waits for the Deployment rollout. Either way the deploy is requested, not verified: verify it with goldenpath:endpoint:verify.',
    examples,
    supportsDryRun: true,
    schema: {
      input: inputFields,
      output: {
        provider: z => z.string().describe('The provider that ran'),
        status: z =>
          z
            .enum(['committed', 'applied', 'unchanged', 'dry-run'])
            .describe(
              'committed (gitops): a new commit requests the deploy; applied (kubernetes): objects changed and the rollout completed; unchanged: nothing needed to change; dry-run: nothing was written',
            ),
        changedFiles: z =>
          z
            .array(z.string())
            .optional()
            .describe('gitops: files added, modified or deleted'),
        changedObjects: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              'kubernetes: objects created or changed (or that would be, in dry-run), e.g. "Deployment default/payments-api"',
            ),
        link: z =>
          z
            .string()
            .describe(
              'gitops: link to the committed manifests; kubernetes: API URL of the Deployment',
            ),
        commitHash: z =>
          z.string().optional().describe('Commit of the deploy repository'),
        serviceUrl: z => z.string().describe('URL the Ingress serves'),
      },
    },
    async handler(ctx) {
      const input = parseInput('goldenpath:deploy', inputFields, ctx.input);
      const host = input.host ?? `${input.name}.${settings.deploy.baseDomain}`;
      const spec: DeploySpec = {
        name: input.name,
        namespace: input.namespace ?? settings.deploy.namespace,
        image: input.image,
        port: input.port,
        replicas: input.replicas,
        host,
        healthPath: input.healthPath,
        owner: input.owner,
        ingressClassName: settings.deploy.ingressClassName,
      };
      if (settings.deploy.provider === 'kubernetes') {
        await deployToKubernetes(ctx, settings, {
          ...spec,
          namespace: input.namespace ?? settings.deploy.kubernetes!.namespace,
        });
        return;
      }
      const dir = `${settings.deploy.path}/${input.name}`;
      const files = renderManifests(spec);
      const changes = Object.fromEntries(
        Object.entries(files).map(([f, c]) => [`${dir}/${f}`, c]),
      );
      const run = (dryRun: boolean) =>
        commitToRepository({
          settings,
          repository: settings.deploy.repository,
          changes,
          message: `Deploy ${input.name} (${input.image}) to ${host}`,
          dryRun,
          logger: ctx.logger,
          guard: ownedGuard(input.name),
        });
      const result: GitOpsResult = ctx.isDryRun
        ? await run(true)
        : await ctx.checkpoint({
            key: `goldenpath.deploy.gitops.${input.name}`,
            fn: async () => asJson(await run(false)),
          });
      const changed = [...result.added, ...result.modified, ...result.deleted];
      ctx.output('provider', 'gitops');
      let status: 'dry-run' | 'committed' | 'unchanged' = 'unchanged';
      if (ctx.isDryRun) status = 'dry-run';
      else if (changed.length) status = 'committed';
      ctx.output('status', status);
      ctx.output('changedFiles', changed);
      ctx.output(
        'link',
        await links(
          settings.deploy.repository,
          result.branch,
          `${dir}/deployment.yaml`,
        ),
      );
      if (result.commitHash) ctx.output('commitHash', result.commitHash);
      ctx.output('serviceUrl', `http://${host}/`);
    },
  });
}

type DeployContext = ActionContext<any, any, 'v2'>;

/**
 * The kubernetes provider: checks that every object is ours (or absent),
 * then server-side applies Deployment, Service and Ingress, each inside its
 * own checkpoint, and waits for the Deployment rollout. In dry-run it sends
 * the same applies with dryRun=All and logs them.
 */
async function deployToKubernetes(
  ctx: DeployContext,
  settings: GoldenPathsSettings,
  spec: DeploySpec,
) {
  const kube = settings.deploy.kubernetes!;
  const client = new KubernetesClient(kube);
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
    const body = applyBody(obj, live[i]);
    const request = `PATCH ${client.url(obj)}?${
      ctx.isDryRun ? 'dryRun=All&' : ''
    }fieldManager=${FIELD_MANAGER}&force=true (Content-Type: application/apply-patch+yaml)`;
    if (ctx.isDryRun) {
      const result = await client.apply(body, { dryRun: true });
      const change = wouldChange(live[i], result);
      if (change) changed.push(describeObject(obj));
      let verb = 'keep (unchanged)';
      if (!live[i]) verb = 'create';
      else if (change) verb = 'update';
      ctx.logger.info(
        `Dry run: would ${verb} ${describeObject(
          obj,
        )} (server-side dry run accepted it): ${request}\n${yaml.stringify(
          body,
        )}`,
      );
      continue;
    }
    const applied = await ctx.checkpoint({
      key: `goldenpath.deploy.kubernetes.${obj.metadata.namespace}.${obj.kind}.${obj.metadata.name}`,
      fn: async () => {
        const result = await client.apply(body, { dryRun: false });
        const after = result.metadata?.resourceVersion ?? '';
        const before = live[i]?.metadata?.resourceVersion;
        ctx.logger.info(
          `Applied ${describeObject(obj)}: ${request} (${
            before === after ? 'unchanged' : `resourceVersion ${after}`
          })`,
        );
        return { changed: before !== after, resourceVersion: after };
      },
    });
    if (applied.changed) changed.push(describeObject(obj));
  }

  ctx.output('provider', 'kubernetes');
  ctx.output('changedObjects', changed);
  ctx.output('link', client.url(deployment));
  ctx.output('serviceUrl', `http://${spec.host}/`);
  if (ctx.isDryRun) {
    ctx.output('status', 'dry-run');
    return;
  }
  ctx.logger.info(
    `Waiting up to ${
      kube.rolloutTimeoutMs
    } ms for the rollout of ${describeObject(deployment)}`,
  );
  const rollout = await client.waitForRollout(deployment);
  ctx.logger.info(`${describeObject(deployment)} rolled out: ${rollout.state}`);
  ctx.output('status', changed.length ? 'applied' : 'unchanged');
}
