import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { GoldenPathsSettings } from '../lib/config';
import { asJson, commitToRepository, GitOpsResult } from '../lib/gitops';
import { parseInput, serviceName, Z } from '../lib/input';
import { LinkBuilder } from '../lib/links';
import { renderManifests } from '../lib/manifests';
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
      .describe('Kubernetes namespace (default goldenPaths.deploy.namespace)'),
};

/**
 * `goldenpath:deploy`: deploys a service through the configured provider.
 * The `gitops` provider commits Deployment, Service and Ingress manifests to
 * the deploy repository, for Argo CD or Flux to apply.
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
      'Deploys a service: the gitops provider commits Kubernetes manifests (Deployment, Service, Ingress) to the deploy repository. A committed deploy is requested, not yet healthy: verify it with goldenpath:endpoint:verify.',
    examples,
    supportsDryRun: true,
    schema: {
      input: inputFields,
      output: {
        provider: z => z.string().describe('The provider that ran'),
        status: z =>
          z
            .enum(['committed', 'unchanged', 'dry-run'])
            .describe(
              'committed: a new commit requests the deploy; unchanged: the repository already held these manifests; dry-run: nothing was written',
            ),
        changedFiles: z =>
          z.array(z.string()).describe('Files added, modified or deleted'),
        link: z => z.string().describe('Link to the committed manifests'),
        commitHash: z =>
          z.string().optional().describe('Commit of the deploy repository'),
        serviceUrl: z => z.string().describe('URL the Ingress serves'),
      },
    },
    async handler(ctx) {
      const input = parseInput('goldenpath:deploy', inputFields, ctx.input);
      const host = input.host ?? `${input.name}.${settings.deploy.baseDomain}`;
      const dir = `${settings.deploy.path}/${input.name}`;
      const files = renderManifests({
        name: input.name,
        namespace: input.namespace ?? settings.deploy.namespace,
        image: input.image,
        port: input.port,
        replicas: input.replicas,
        host,
        healthPath: input.healthPath,
        owner: input.owner,
        ingressClassName: settings.deploy.ingressClassName,
      });
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
