import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { InputError, ResponseError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { parseInput, Z } from '../lib/input';
import { examples } from './recordProgress.examples';

/** Evidence keys the Day-1 golden path understands. */
export const EVIDENCE_KEYS = [
  'template.succeeded',
  'deploy.requested',
  'deploy.healthy',
  'monitoring.configured',
  'dns.requested',
  'dns.resolves',
  'endpoint.verified',
] as const;

const inputFields = {
  key: (z: Z) =>
    z
      .string()
      .regex(
        /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/,
        'must look like deploy.healthy',
      )
      .describe(`Evidence key, e.g. ${EVIDENCE_KEYS.join(', ')}`),
  evidenceId: (z: Z) =>
    z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('Idempotency id of this evidence (default <taskId>:<key>)'),
  pathId: (z: Z) =>
    z.string().optional().describe('Golden path id, when known'),
  stepId: (z: Z) =>
    z.string().optional().describe('Journey step id, when known'),
  templateRef: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        'Template entity ref (default: the running template for template.succeeded)',
      ),
  link: (z: Z) =>
    z.string().url().optional().describe('Where the evidence can be seen'),
  summary: (z: Z) =>
    z.string().max(500).optional().describe('One line for people'),
  outputs: (z: Z) =>
    z
      .record(z.any())
      .optional()
      .describe('Step outputs kept with the evidence (no secrets)'),
};

/**
 * `goldenpath:progress:record`: records evidence for the initiating user's
 * golden-path journey in the golden-paths backend.
 * @public
 */
export function createRecordProgressAction(options: {
  discovery: DiscoveryService;
  auth: AuthService;
}) {
  const { discovery, auth } = options;
  return createTemplateAction({
    id: 'goldenpath:progress:record',
    description:
      "Records evidence (e.g. deploy.healthy) for the user who runs the template in the golden-paths backend, with the scaffolder's service credentials. Idempotent on the evidence id (default <taskId>:<key>).",
    examples,
    supportsDryRun: true,
    schema: {
      input: inputFields,
      output: {
        recorded: z =>
          z
            .boolean()
            .describe('False when the backend already had this evidence'),
        completed: z =>
          z
            .array(z.object({ pathId: z.string(), stepId: z.string() }))
            .describe('Journey steps this evidence completed'),
        evidenceId: z => z.string().describe('The evidence id used'),
      },
    },
    async handler(ctx) {
      const input = parseInput(
        'goldenpath:progress:record',
        inputFields,
        ctx.input,
      );
      if (input.stepId && !input.pathId) {
        throw new InputError(
          'Invalid input to goldenpath:progress:record: stepId needs pathId',
        );
      }
      const userEntityRef = ctx.user?.ref;
      if (!userEntityRef) {
        throw new InputError(
          'goldenpath:progress:record needs the user who started the task; this task has none',
        );
      }
      const taskId = ctx.task.id;
      const evidenceId = input.evidenceId ?? `${taskId}:${input.key}`;
      const templateRef =
        input.templateRef ??
        (input.key === 'template.succeeded'
          ? ctx.templateInfo?.entityRef
          : undefined);
      const body = {
        userEntityRef,
        key: input.key,
        evidenceId,
        taskId,
        ...(input.pathId ? { pathId: input.pathId } : {}),
        ...(input.stepId ? { stepId: input.stepId } : {}),
        ...(templateRef ? { templateRef } : {}),
        ...(input.link ? { link: input.link } : {}),
        ...(input.summary ? { summary: input.summary } : {}),
        ...(input.outputs ? { outputs: input.outputs } : {}),
      };
      ctx.output('evidenceId', evidenceId);
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would POST ${await discovery.getBaseUrl(
            'golden-paths',
          )}/evidence ${JSON.stringify(body)}`,
        );
        ctx.output('recorded', false);
        ctx.output('completed', []);
        return;
      }
      const result: {
        recorded: boolean;
        completed: { pathId: string; stepId: string }[];
      } = await ctx.checkpoint({
        key: `goldenpath.progress.record.${evidenceId}`,
        fn: async () => {
          const baseUrl = await discovery.getBaseUrl('golden-paths');
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: await auth.getOwnServiceCredentials(),
            targetPluginId: 'golden-paths',
          });
          const res = await fetch(`${baseUrl}/evidence`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${token}`,
            },
            body: JSON.stringify(body),
          });
          if (!res.ok) {
            const error = await ResponseError.fromResponse(res);
            throw new Error(
              `Recording evidence ${
                input.key
              } for ${userEntityRef} failed: HTTP ${res.status} ${
                error.cause.name
              }: ${error.cause.message}${
                res.status === 404
                  ? ` (is the golden-paths backend plugin installed? ${baseUrl}/evidence)`
                  : ''
              }`,
            );
          }
          const answer: any = await res.json();
          // Copy into plain values: the parsed body must not leak its own
          // objects into the task's template context.
          const completed: { pathId: string; stepId: string }[] = [];
          for (const c of Array.isArray(answer?.completed)
            ? answer.completed
            : []) {
            completed.push({
              pathId: String(c.pathId),
              stepId: String(c.stepId),
            });
          }
          return { recorded: answer?.recorded === true, completed };
        },
      });
      ctx.logger.info(
        `Evidence ${input.key} (${evidenceId}) for ${userEntityRef}: ${
          result.recorded ? 'recorded' : 'already recorded'
        }${
          result.completed.length
            ? `; completed ${result.completed
                .map(c => `${c.pathId}/${c.stepId}`)
                .join(', ')}`
            : ''
        }`,
      );
      ctx.output('recorded', result.recorded);
      ctx.output('completed', result.completed);
    },
  });
}
