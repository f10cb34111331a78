/**
 * The JSON schema of the `GoldenPath` catalog kind, for the catalog
 * processor (`entityKindSchemaValidator` from `@backstage/catalog-model`).
 * It checks the envelope and the shape of `spec`; the rules of steps (rule
 * types, evidence keys, unique ids) are checked by `goldenPathFromEntity`
 * with the same zod schema the backend serves paths with.
 *
 * @public
 */
export const goldenPathEntityV1alpha1Schema = {
  $schema: 'http://json-schema.org/draft-07/schema',
  $id: 'GoldenPathV1alpha1',
  description:
    'A Golden Path: an onboarding journey of steps, each proven by evidence, a template run, a manual check, an approval or another step.',
  examples: [
    {
      apiVersion: 'onramp.dev/v1alpha1',
      kind: 'GoldenPath',
      metadata: {
        name: 'backend-day-1',
        title: 'Backend',
        description: 'Ship a backend service on your first day.',
      },
      spec: {
        owner: 'group:default/backend',
        discipline: 'Backend',
        audience: { groups: ['group:default/backend'] },
        steps: [
          {
            id: 'dev-environment',
            title: 'Set up your dev environment',
            rule: { type: 'manual' },
          },
        ],
      },
    },
  ],
  allOf: [
    { $ref: 'Entity' },
    {
      type: 'object',
      required: ['spec'],
      properties: {
        apiVersion: { enum: ['onramp.dev/v1alpha1'] },
        kind: { enum: ['GoldenPath'] },
        spec: {
          type: 'object',
          required: ['owner', 'discipline', 'steps'],
          properties: {
            owner: {
              type: 'string',
              minLength: 1,
              description:
                'The group or user that owns the path (an entity reference).',
            },
            discipline: { type: 'string', minLength: 1 },
            skills: {
              type: 'array',
              items: { type: 'string', minLength: 1 },
              description:
                'Skills the path practises (Skill Exchange names): an onboarding buddy who can help with them is suggested.',
            },
            version: { type: 'integer', minimum: 1 },
            audience: {
              type: 'object',
              additionalProperties: false,
              description:
                'Who the path is meant for: people in these groups, of these disciplines or in these cohorts see it first.',
              properties: {
                groups: { type: 'array', items: { type: 'string' } },
                disciplines: { type: 'array', items: { type: 'string' } },
                cohorts: { type: 'array', items: { type: 'string' } },
              },
            },
            steps: {
              type: 'array',
              minItems: 1,
              items: {
                type: 'object',
                required: ['id', 'title', 'rule'],
                properties: {
                  id: { type: 'string', minLength: 1 },
                  title: { type: 'string', minLength: 1 },
                  description: { type: 'string' },
                  evidenceHint: { type: 'string' },
                  tutorial: {
                    type: 'object',
                    required: ['title', 'url'],
                    properties: {
                      title: { type: 'string' },
                      url: { type: 'string' },
                    },
                  },
                  rule: {
                    type: 'object',
                    required: ['type'],
                    properties: {
                      type: {
                        enum: [
                          'manual',
                          'template',
                          'evidence',
                          'checks',
                          'approval',
                          'waitFor',
                        ],
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  ],
} as const;
