import { InputError } from '@backstage/errors';
import { GoldenPathsEvidenceService } from '@onramp/backstage-plugin-golden-paths-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { parseInput, Z } from '../lib/input';
import { examples } from './recordProgress.examples';

/**
 * Evidence keys the Day-1 golden path understands.
 *
 * @public
 */
export const EVIDENCE_KEYS = [
  'template.succeeded',
  'deploy.requested',
  'deploy.healthy',
  'monitoring.configured',
  'monitoring.scraped',
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
 * golden-path journey through the golden-paths evidence service
 * (`goldenPathsEvidenceServiceRef`: in-process when the golden-paths plugin
 * runs in this backend, its REST API with service credentials otherwise).
 * Without `evidence` (Golden Paths is not installed) it records nothing,
 * says so in the task log, and the task goes on.
 * @public
 */
export function createRecordProgressAction(options: {
  evidence?: GoldenPathsEvidenceService;
}) {
  const { evidence } = options;
  return createTemplateAction({
    id: 'goldenpath:progress:record',
    description:
      'Records evidence (e.g. deploy.healthy) for the user who runs the template with the golden-paths plugin. Idempotent on the evidence id (default <taskId>:<key>).',
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
        progress: z =>
          z
            .record(
              z.object({
                title: z.string(),
                completedSteps: z.number(),
                totalSteps: z.number(),
                done: z.string(),
              }),
            )
            .describe(
              'The person\'s journeys after this evidence, by path id: title, completedSteps, totalSteps and done ("4 of 5 done")',
            ),
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
      if (ctx.isDryRun || !evidence) {
        ctx.logger.info(
          ctx.isDryRun
            ? `Dry run: would record evidence ${JSON.stringify(body)}`
            : `Golden Paths is not installed in this Backstage: evidence ${input.key} (${evidenceId}) for ${userEntityRef} not recorded`,
        );
        ctx.output('recorded', false);
        ctx.output('completed', []);
        ctx.output('progress', {});
        return;
      }
      const result: {
        recorded: boolean;
        completed: { pathId: string; stepId: string }[];
        progress?: Record<string, JourneyCount>;
      } = await ctx.checkpoint({
        key: `goldenpath.progress.record.${evidenceId}`,
        fn: async () => {
          let answer;
          try {
            answer = await evidence.recordEvidence(body);
          } catch (error) {
            const e = error as Error & { cause?: Error };
            // Over HTTP the server's own error is the cause.
            const reason = e.name === 'ResponseError' && e.cause ? e.cause : e;
            throw new Error(
              `Recording evidence ${input.key} for ${userEntityRef} failed: ${reason.name}: ${reason.message}`,
            );
          }
          // Copy into plain values: the answer must not leak its own objects
          // into the task's template context.
          return {
            recorded: answer.recorded === true,
            completed: answer.completed.map(c => ({
              pathId: String(c.pathId),
              stepId: String(c.stepId),
            })),
            progress: Object.fromEntries(
              (answer.journeys ?? []).map(j => [
                String(j.pathId),
                journeyCount(j),
              ]),
            ),
          };
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
      ctx.output('progress', result.progress ?? {});
    },
  });
}

type JourneyCount = {
  title: string;
  completedSteps: number;
  totalSteps: number;
  done: string;
};

function journeyCount(j: {
  title: string;
  completedSteps: number;
  totalSteps: number;
}): JourneyCount {
  const completedSteps = Number(j.completedSteps);
  const totalSteps = Number(j.totalSteps);
  return {
    title: String(j.title),
    completedSteps,
    totalSteps,
    done: `${completedSteps} of ${totalSteps} done`,
  };
}
