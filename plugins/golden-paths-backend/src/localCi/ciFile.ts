import { evidenceKeySchema } from '@onramp/backstage-plugin-golden-paths-common';
import { parse } from 'yaml';
import { z } from 'zod';

/** Where a repository keeps its local CI steps. */
export const CI_FILE = '.onramp/ci.yaml';

/**
 * Evidence a step may not claim: other sources prove these (the SCM watcher,
 * the whole run, the Day-1 actions), so a ci.yaml cannot forge them.
 */
const RESERVED = /^(pr|deploy|monitoring|dns|template)\.|^ci\.passed$/;

const stepSchema = z
  .object({
    name: z.string().min(1).max(200),
    run: z.array(z.string().min(1).max(4000)).min(1).max(200),
    timeoutSeconds: z.number().int().min(1).max(3600).optional(),
    evidence: evidenceKeySchema
      .refine(key => !RESERVED.test(key), {
        message:
          'is recorded by the portal itself (pr.*, deploy.*, monitoring.*, dns.*, template.*, ci.passed)',
      })
      .optional(),
  })
  .strict();

const ciFileSchema = z
  .object({ steps: z.array(stepSchema).min(1).max(50) })
  .strict();

/** A parsed `.onramp/ci.yaml`. */
export type CiFile = z.infer<typeof ciFileSchema>;
/** One step of it. */
export type CiStep = CiFile['steps'][number];

/** Parses `.onramp/ci.yaml`; throws an Error saying what is wrong. */
export function parseCiFile(text: string): CiFile {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new Error(`${CI_FILE} is not YAML: ${(error as Error).message}`);
  }
  const parsed = ciFileSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map(i => `${i.path.join('.') || '(file)'}: ${i.message}`)
      .join('; ');
    throw new Error(`${CI_FILE} is not valid: ${problems}`);
  }
  return parsed.data;
}
