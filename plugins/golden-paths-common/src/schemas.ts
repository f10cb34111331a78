import {
  safeString,
  wholeNumber,
} from '@onramp/backstage-plugin-onramp-common';
import { z } from 'zod';

/**
 * A stable identifier: lower-case letters, digits and dashes.
 *
 * @public
 */
export const idSchema = safeString()
  .min(1)
  .max(100)
  .regex(
    /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/,
    'must be lower-case letters, digits and dashes, starting and ending with a letter or digit',
  );

/**
 * An entity reference in its full form, e.g. `user:default/sofia.marquez`.
 *
 * @public
 */
export const entityRefSchema = safeString()
  .min(3)
  .max(255)
  .regex(
    /^[a-zA-Z0-9_-]+:[a-zA-Z0-9._-]+\/[a-zA-Z0-9._-]+$/,
    'must be a full entity reference such as user:default/jane.doe',
  );

/**
 * Evidence keys such as `deploy.healthy` or `template.succeeded`.
 *
 * @public
 */
export const evidenceKeySchema = safeString()
  .min(1)
  .max(100)
  .regex(
    /^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)*$/,
    'must be dotted lower-case words, e.g. deploy.healthy',
  );

/**
 * The evidence key a scaffolder run reports when a template succeeded.
 *
 * @public
 */
export const TEMPLATE_SUCCEEDED_KEY = 'template.succeeded';

/** @public */
export const linkSchema = z.object({
  title: safeString().min(1).max(200),
  url: safeString().min(1).max(2000),
});

/** @public */
export const manualRuleSchema = z.object({ type: z.literal('manual') });

/** @public */
export const templateRuleSchema = z.object({
  type: z.literal('template'),
  templateRef: entityRefSchema,
  /** Output names the template run must report for the step to count. */
  requiredOutputs: z.array(safeString().min(1)).optional(),
});

/**
 * Done by evidence: one `key`, or `anyOf` several keys listed strongest
 * first (e.g. `[deploy.healthy, deploy.requested]`). The step records which
 * key completed it; a stronger key arriving later replaces the weaker proof.
 * @public
 */
export const evidenceRuleSchema = z
  .object({
    type: z.literal('evidence'),
    key: evidenceKeySchema.optional(),
    anyOf: z.array(evidenceKeySchema).min(1).max(20).optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if ((rule.key === undefined) === (rule.anyOf === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: 'an evidence rule needs exactly one of key or anyOf',
        path: ['key'],
      });
    }
    if (rule.anyOf && new Set(rule.anyOf).size !== rule.anyOf.length) {
      ctx.addIssue({
        code: 'custom',
        message: 'anyOf lists an evidence key twice',
        path: ['anyOf'],
      });
    }
  });

/**
 * The evidence keys that satisfy an evidence rule, strongest first; the
 * index is the key's rank (0 is the strongest).
 * @public
 */
export function evidenceRuleKeys(rule: {
  key?: string;
  anyOf?: string[];
}): string[] {
  return rule.anyOf ?? (rule.key ? [rule.key] : []);
}

/**
 * One sub-step of a `checks` rule: self-attested or proven by evidence.
 *
 * @public
 */
export const checkSchema = z.object({
  id: idSchema,
  title: safeString().min(1).max(200),
  rule: z.discriminatedUnion('type', [manualRuleSchema, evidenceRuleSchema]),
  /** Where this check's evidence comes from, in words (optional). */
  evidenceHint: safeString().min(1).max(500).optional(),
});

/** @public */
export const checksRuleSchema = z
  .object({
    type: z.literal('checks'),
    checks: z.array(checkSchema).min(1),
  })
  .superRefine((rule, ctx) => {
    const seen = new Set<string>();
    for (const check of rule.checks) {
      if (seen.has(check.id)) {
        ctx.addIssue({
          code: 'custom',
          message: `duplicate check id "${check.id}"`,
          path: ['checks'],
        });
      }
      seen.add(check.id);
    }
  });

/**
 * Who approves an `approval` step: the person's manager or the path's owner.
 *
 * @public
 */
export const APPROVERS = ['manager', 'owner'] as const;

/**
 * A gate that waits for a person: the newcomer's manager (the `manager` of
 * their group in the catalog) or the path's owner approves it, or declines
 * it with a reason.
 * @public
 */
export const approvalRuleSchema = z
  .object({
    type: z.literal('approval'),
    approver: z.enum(APPROVERS),
  })
  .strict();

/**
 * Done when another step of the path is done, with that step's proof: e.g.
 * a step that waits for the evidence another template's run reports.
 * @public
 */
export const waitForRuleSchema = z
  .object({
    type: z.literal('waitFor'),
    stepId: idSchema,
  })
  .strict();

/** @public */
export const stepRuleSchema = z.discriminatedUnion('type', [
  manualRuleSchema,
  templateRuleSchema,
  evidenceRuleSchema,
  checksRuleSchema,
  approvalRuleSchema,
  waitForRuleSchema,
]);

/**
 * Who a path is meant for (`spec.audience` of the catalog entity).
 *
 * @public
 */
export const audienceSchema = z
  .object({
    groups: z.array(entityRefSchema).max(100).optional(),
    disciplines: z.array(safeString().min(1).max(100)).max(100).optional(),
    cohorts: z.array(idSchema).max(100).optional(),
  })
  .strict();

/**
 * Where a path is defined: its catalog entity and the file it was read from.
 *
 * @public
 */
export const pathSourceSchema = z.object({
  entityRef: safeString().min(1).max(400),
  /** The location the catalog read it from, e.g. `url:https://...` or `file:/...`. */
  location: safeString().max(2000).optional(),
  /** A web page showing the YAML, when the location has one. */
  viewUrl: safeString().max(2000).optional(),
});

/** @public */
export const stepSchema = z.object({
  id: idSchema,
  title: safeString().min(1).max(200),
  description: safeString().max(5000).optional(),
  tutorial: linkSchema.optional(),
  rule: stepRuleSchema,
  /**
   * Where this step's evidence comes from, in words, e.g. "merge a pull
   * request in a repository you own; CI must pass" (optional: without it,
   * the sentence is derived from the evidence keys).
   */
  evidenceHint: safeString().min(1).max(500).optional(),
});

/** @public */
export const goldenPathSchema = z
  .object({
    id: idSchema,
    version: wholeNumber().default(1),
    title: safeString().min(1).max(200),
    discipline: safeString().min(1).max(100),
    owner: entityRefSchema,
    description: safeString().min(1).max(5000),
    tags: z.array(safeString().min(1).max(50)).optional(),
    /** Skills the path practises, for onboarding buddy suggestions. */
    skills: z.array(safeString().min(1).max(60)).max(20).optional(),
    audience: audienceSchema.optional(),
    source: pathSourceSchema.optional(),
    steps: z.array(stepSchema).min(1),
  })
  .superRefine((path, ctx) => {
    const seen = new Set<string>();
    path.steps.forEach((step, index) => {
      if (seen.has(step.id)) {
        ctx.addIssue({
          code: 'custom',
          message: `duplicate step id "${step.id}"`,
          path: ['steps', index, 'id'],
        });
      }
      seen.add(step.id);
    });
    path.steps.forEach((step, index) => {
      const rule = step.rule;
      if (rule.type !== 'waitFor') {
        return;
      }
      const target = path.steps.find(s => s.id === rule.stepId);
      if (!target || target.id === step.id || target.rule.type === 'waitFor') {
        ctx.addIssue({
          code: 'custom',
          message: `waitFor names "${rule.stepId}", which is not another step of this path that is not itself a waitFor`,
          path: ['steps', index, 'rule', 'stepId'],
        });
      }
    });
  });
