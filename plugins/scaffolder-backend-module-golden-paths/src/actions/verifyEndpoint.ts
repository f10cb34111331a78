import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { httpGet } from '../lib/httpGet';
import { parseInput, Z } from '../lib/input';
import { examples } from './verifyEndpoint.examples';

const inputFields = {
  url: (z: Z) =>
    z
      .string()
      .url()
      .regex(/^https?:\/\//, 'must be an http or https URL')
      .describe('URL to check'),
  expectedStatus: (z: Z) =>
    z
      .number()
      .int()
      .min(100)
      .max(599)
      .default(200)
      .describe('HTTP status the endpoint must answer with'),
  bodyMatch: (z: Z) =>
    z
      .string()
      .max(1000)
      .optional()
      .describe('Regular expression the response body must match'),
  timeoutMs: (z: Z) =>
    z
      .number()
      .int()
      .min(100)
      .max(120000)
      .default(5000)
      .describe('Timeout of each attempt in ms'),
  retries: (z: Z) =>
    z
      .number()
      .int()
      .min(0)
      .max(100)
      .default(10)
      .describe('Attempts after the first one before giving up'),
  retryDelayMs: (z: Z) =>
    z
      .number()
      .int()
      .min(0)
      .max(60000)
      .default(2000)
      .describe('Pause between attempts in ms'),
};

interface Attempt {
  ok: boolean;
  status?: number;
  latencyMs: number;
  reason?: string;
}

async function attempt(
  url: string,
  expectedStatus: number,
  bodyMatch: RegExp | undefined,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Attempt> {
  const started = performance.now();
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    // *.localhost is loopback without /etc/hosts (the local runtime's URLs).
    const res = await httpGet(
      url,
      signal ? AbortSignal.any([signal, timeout]) : timeout,
    );
    const body = res.body;
    const latencyMs = Math.round(performance.now() - started);
    if (res.status !== expectedStatus) {
      return {
        ok: false,
        status: res.status,
        latencyMs,
        reason: `status ${res.status}, expected ${expectedStatus}`,
      };
    }
    if (bodyMatch && !bodyMatch.test(body)) {
      return {
        ok: false,
        status: res.status,
        latencyMs,
        reason: `body does not match /${bodyMatch.source}/`,
      };
    }
    return { ok: true, status: res.status, latencyMs };
  } catch (e: any) {
    const latencyMs = Math.round(performance.now() - started);
    const reason =
      e?.name === 'TimeoutError' || timeout.aborted
        ? `no answer within ${timeoutMs} ms`
        : String(e?.cause?.code ?? e?.message ?? e);
    return { ok: false, latencyMs, reason };
  }
}

/**
 * `goldenpath:endpoint:verify`: waits until a URL answers as expected.
 * @public
 */
export function createVerifyEndpointAction() {
  return createTemplateAction({
    id: 'goldenpath:endpoint:verify',
    description:
      'Waits until a URL answers with the expected status (and body), retrying; fails the step with the last reason when it never does.',
    examples,
    supportsDryRun: true,
    schema: {
      input: inputFields,
      output: {
        result: z =>
          z
            .enum(['passed', 'dry-run'])
            .describe('passed, or dry-run when nothing was requested'),
        latencyMs: z =>
          z
            .number()
            .optional()
            .describe('Latency of the successful request in ms'),
        status: z => z.number().optional().describe('HTTP status received'),
        attempts: z => z.number().describe('Requests made'),
      },
    },
    async handler(ctx) {
      const input = parseInput(
        'goldenpath:endpoint:verify',
        inputFields,
        ctx.input,
      );
      let bodyMatch: RegExp | undefined;
      if (input.bodyMatch !== undefined) {
        try {
          bodyMatch = new RegExp(input.bodyMatch);
        } catch (e) {
          throw new InputError(
            `Invalid input to goldenpath:endpoint:verify: bodyMatch is not a regular expression: ${e}`,
          );
        }
      }
      const what = `GET ${input.url} expecting ${input.expectedStatus}${
        bodyMatch ? ` and a body matching /${bodyMatch.source}/` : ''
      }`;
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would ${what}, up to ${input.retries + 1} attempts of ${
            input.timeoutMs
          } ms, ${input.retryDelayMs} ms apart`,
        );
        ctx.output('result', 'dry-run');
        ctx.output('attempts', 0);
        return;
      }
      const outcome = await ctx.checkpoint({
        key: `goldenpath.endpoint.verify.${input.url}`,
        fn: async () => {
          let last: Attempt | undefined;
          for (let i = 0; i <= input.retries; i++) {
            if (i > 0) {
              await new Promise(r => setTimeout(r, input.retryDelayMs));
            }
            last = await attempt(
              input.url,
              input.expectedStatus,
              bodyMatch,
              input.timeoutMs,
              ctx.signal,
            );
            if (last.ok) {
              ctx.logger.info(
                `${input.url} answered ${last.status} in ${
                  last.latencyMs
                } ms (attempt ${i + 1})`,
              );
              return {
                latencyMs: last.latencyMs,
                status: last.status!,
                attempts: i + 1,
              };
            }
            ctx.logger.info(
              `Attempt ${i + 1}/${input.retries + 1}: ${input.url}: ${
                last.reason
              }`,
            );
          }
          throw new Error(
            `${input.url} did not answer as expected after ${
              input.retries + 1
            } attempts: ${last?.reason}`,
          );
        },
      });
      ctx.output('result', 'passed');
      ctx.output('latencyMs', outcome.latencyMs);
      ctx.output('status', outcome.status);
      ctx.output('attempts', outcome.attempts);
    },
  });
}
