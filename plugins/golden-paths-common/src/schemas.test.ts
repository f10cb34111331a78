import { buddyChoiceSchema } from './buddies';
import { evidenceRuleKeys, goldenPathSchema, stepRuleSchema } from './schemas';
import {
  myJourneysQuerySchema,
  pageQuerySchema,
  recordEvidenceRequestSchema,
} from './requestSchemas';

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
      { type: 'evidence', anyOf: ['dns.resolves', 'dns.requested'] },
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

  it('needs exactly one of key or anyOf in an evidence rule, strongest first', () => {
    for (const rule of [
      { type: 'evidence' },
      { type: 'evidence', key: 'a.b', anyOf: ['c.d'] },
      { type: 'evidence', anyOf: [] },
      { type: 'evidence', anyOf: ['a.b', 'a.b'] },
      { type: 'evidence', anyOf: ['Not A Key'] },
      { type: 'evidence', keys: ['a.b'] },
    ]) {
      expect({ rule, ok: stepRuleSchema.safeParse(rule).success }).toEqual({
        rule,
        ok: false,
      });
    }
    expect(evidenceRuleKeys({ key: 'deploy.healthy' })).toEqual([
      'deploy.healthy',
    ]);
    expect(
      evidenceRuleKeys({ anyOf: ['deploy.healthy', 'deploy.requested'] }),
    ).toEqual(['deploy.healthy', 'deploy.requested']);
  });

  it('pages list queries with defaults and rejects bad paging', () => {
    expect(pageQuerySchema.parse({})).toEqual({ limit: 100, offset: 0 });
    expect(pageQuerySchema.parse({ limit: '500', offset: '20' })).toEqual({
      limit: 500,
      offset: 20,
    });
    expect(
      myJourneysQuerySchema.parse({ pathId: 'backend-day-1', limit: '1' }),
    ).toEqual({ pathId: 'backend-day-1', limit: 1, offset: 0 });
    for (const query of [
      { limit: '0' },
      { limit: '501' },
      { limit: 'ten' },
      { limit: '1.5' },
      { limit: '' },
      { limit: ['1', '2'] },
      { offset: '-1' },
      { offset: '1e3' },
      { page: '2' },
    ]) {
      expect({ query, ok: pageQuerySchema.safeParse(query).success }).toEqual({
        query,
        ok: false,
      });
    }
    expect(
      myJourneysQuerySchema.safeParse({ pathId: 'Not An Id' }).success,
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

describe('text every engine can store', () => {
  it.each([
    ['evidenceId', { evidenceId: 'task\u0000' }],
    ['summary', { summary: 'ok\u0007' }],
  ])('refuses a control character in %s', (field, change) => {
    const result = recordEvidenceRequestSchema.safeParse({
      userEntityRef: 'user:default/sofia.marquez',
      key: 'deploy.requested',
      evidenceId: 'task-1',
      ...change,
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({
      path: [field],
      message: expect.stringMatching(/^must not contain control characters/),
    });
  });

  it('refuses NUL in a path id and a query parameter', () => {
    expect(myJourneysQuerySchema.safeParse({ pathId: 'a\u0000' }).success).toBe(
      false,
    );
    expect(pageQuerySchema.safeParse({ limit: '1\u0000' }).success).toBe(false);
  });
});

describe('buddyChoiceSchema', () => {
  it('takes one user ref, lower-cased, and nothing else', () => {
    expect(
      buddyChoiceSchema.parse({ buddyRef: 'user:default/Lars.Lindqvist' }),
    ).toEqual({ buddyRef: 'user:default/lars.lindqvist' });
    for (const body of [
      {},
      { buddyRef: 'group:default/backend' },
      { buddyRef: 'lars' },
      { buddyRef: 'user:default/lars', extra: true },
    ]) {
      expect(buddyChoiceSchema.safeParse(body).success).toBe(false);
    }
  });
});
