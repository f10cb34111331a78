import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { parseInput, serviceName, Z } from '../lib/input';
import { defaultProviders } from '../providers/builtIn';
import { providerContext } from '../providers/context';
import { DeployProvider } from '../providers/types';
import {
  OneProviderActionOptions,
  providerActionSchema,
} from './providerAction';
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
 * `goldenpath:deploy`: deploys a service through the configured
 * {@link DeployProvider} (built in: `gitops` commits Deployment, Service and
 * Ingress manifests for Argo CD or Flux; `kubernetes` applies the same
 * objects server-side and waits for the rollout).
 * @public
 */
export function createDeployAction(
  options: OneProviderActionOptions<DeployProvider>,
) {
  const { settings } = options;
  const provider = options.provider ?? defaultProviders(options).deploy;
  return createTemplateAction({
    id: 'goldenpath:deploy',
    description:
      'Deploys a service: the gitops provider commits Kubernetes manifests (Deployment, Service, Ingress) to the deploy repository; the kubernetes provider applies the same objects server-side to the configured cluster and waits for the Deployment rollout (requested, not verified: verify it with goldenpath:endpoint:verify); the local provider commits the same desired state, runs it on this machine (local runtime) and succeeds only when /health answers from the deployed commit (output healthy).',
    examples,
    ...providerActionSchema(inputFields, {
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
      serviceUrl: z =>
        z
          .string()
          .describe(
            'URL the service answers on: the Ingress host, or http://<name>.localhost:<port>/ on the local runtime',
          ),
      healthy: z =>
        z
          .boolean()
          .describe(
            'True only when the provider saw /health answer from the deployed commit (evidence for deploy.healthy)',
          ),
      healthyCommit: z =>
        z
          .string()
          .optional()
          .describe('The source commit /health answered from'),
    }),
    async handler(ctx) {
      const input = parseInput('goldenpath:deploy', inputFields, ctx.input);
      const host = input.host ?? `${input.name}.${settings.deploy.baseDomain}`;
      const result = await provider.deploy(providerContext(ctx), {
        name: input.name,
        namespace: input.namespace,
        image: input.image,
        port: input.port,
        replicas: input.replicas,
        host,
        healthPath: input.healthPath,
        owner: input.owner,
        ingressClassName: settings.deploy.ingressClassName,
      });
      ctx.output('provider', provider.name);
      ctx.output('status', result.status);
      if (result.changedFiles) ctx.output('changedFiles', result.changedFiles);
      if (result.changedObjects) {
        ctx.output('changedObjects', result.changedObjects);
      }
      ctx.output('link', result.link);
      if (result.commitHash) ctx.output('commitHash', result.commitHash);
      ctx.output('serviceUrl', result.serviceUrl ?? `http://${host}/`);
      ctx.output('healthy', Boolean(result.healthy));
      if (result.healthy) ctx.output('healthyCommit', result.healthy.commit);
    },
  });
}
