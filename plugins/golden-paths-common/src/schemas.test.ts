import {
  goldenPathSchema,
  recordEvidenceRequestSchema,
  stepRuleSchema,
} from './schemas';

describe('schemas', () => {
  it('accepts the evidence contract and rejects unknown fields', () => {
    expect(
      recordEvidenceRequestSchema.safeParse({
        userEntityRef: 'user:default/sofia.marquez',
        key: 'template.succeeded',
        evidenceId: 'task-1',
        templateRef: 'template:default/day-1-backend-service',
        outputs: { a: 1 },
        occurredAt: '2026-11-26T10:00:00Z',
      }).success,
    ).toBe(true);
    expect(
      recordEvidenceRequestSchema.safeParse({
        userEntityRef: 'user:default/sofia.marquez',
        key: 'deploy.healthy',
        evidenceId: 'x',
        surprise: true,
      }).success,
    ).toBe(false);
  });

  it('knows the four rule types', () => {
    for (const rule of [
      { type: 'manual' },
      { type: 'template', templateRef: 'template:default/t' },
      { type: 'evidence', key: 'dns.resolves' },
      {
        type: 'checks',
        checks: [{ id: 'a', title: 'A', rule: { type: 'manual' } }],
      },
    ]) {
      expect(stepRuleSchema.safeParse(rule).success).toBe(true);
    }
    expect(stepRuleSchema.safeParse({ type: 'magic' }).success).toBe(false);
    expect(
      stepRuleSchema.safeParse({
        type: 'checks',
        checks: [
          { id: 'a', title: 'A', rule: { type: 'manual' } },
          { id: 'a', title: 'B', rule: { type: 'manual' } },
        ],
      }).success,
    ).toBe(false);
  });

  it('defaults the path version and needs unique step ids', () => {
    const path = {
      id: 'p',
      title: 'P',
      discipline: 'Backend',
      owner: 'group:default/backend',
      description: 'd',
      steps: [{ id: 's', title: 'S', rule: { type: 'manual' } }],
    };
    expect(goldenPathSchema.parse(path).version).toBe(1);
    expect(
      goldenPathSchema.safeParse({
        ...path,
        steps: [...path.steps, ...path.steps],
      }).success,
    ).toBe(false);
  });
});
