import { Entity } from '@backstage/catalog-model';
import { GoldenPathEntitiesProcessor } from './GoldenPathEntitiesProcessor';

const location = { type: 'url', target: 'https://git.example/paths.yaml' };

function goldenPath(overrides: { spec?: object; metadata?: object } = {}) {
  return {
    apiVersion: 'onramp.dev/v1alpha1',
    kind: 'GoldenPath',
    metadata: {
      name: 'backend-day-1',
      title: 'Backend',
      description: 'Ship a service on day one.',
      ...overrides.metadata,
    },
    spec: {
      owner: 'group:default/backend',
      discipline: 'Backend',
      audience: { groups: ['group:default/backend'] },
      steps: [
        { id: 'dev-environment', title: 'Set up', rule: { type: 'manual' } },
        {
          id: 'deploy',
          title: 'Deploy',
          rule: { type: 'evidence', anyOf: ['deploy.healthy'] },
        },
        {
          id: 'sign-off',
          title: 'Your manager signs off',
          rule: { type: 'approval', approver: 'manager' },
        },
      ],
      ...overrides.spec,
    },
  } as Entity;
}

describe('GoldenPathEntitiesProcessor', () => {
  const processor = new GoldenPathEntitiesProcessor();

  it('accepts a valid GoldenPath', async () => {
    await expect(processor.validateEntityKind(goldenPath())).resolves.toBe(
      true,
    );
  });

  it('leaves other kinds to other processors', async () => {
    await expect(
      processor.validateEntityKind({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'x' },
        spec: {},
      }),
    ).resolves.toBe(false);
  });

  it('rejects a GoldenPath without steps (JSON schema)', async () => {
    await expect(
      processor.validateEntityKind(goldenPath({ spec: { steps: [] } })),
    ).rejects.toThrow(/steps/);
  });

  it('rejects an unknown rule type and names the field', async () => {
    const entity = goldenPath({
      spec: {
        steps: [{ id: 'a', title: 'A', rule: { type: 'telepathy' } }],
      },
    });
    await expect(processor.validateEntityKind(entity)).rejects.toThrow(/rule/);
  });

  it('rejects duplicate step ids and a waitFor that names no step', async () => {
    const duplicate = goldenPath({
      spec: {
        steps: [
          { id: 'a', title: 'A', rule: { type: 'manual' } },
          { id: 'a', title: 'B', rule: { type: 'manual' } },
        ],
      },
    });
    await expect(processor.validateEntityKind(duplicate)).rejects.toThrow(
      /spec\.steps\.1\.id: duplicate step id "a"/,
    );
    const dangling = goldenPath({
      spec: {
        steps: [
          {
            id: 'b',
            title: 'B',
            rule: { type: 'waitFor', stepId: 'missing' },
          },
        ],
      },
    });
    await expect(processor.validateEntityKind(dangling)).rejects.toThrow(
      /spec\.steps\.0\.rule\.stepId/,
    );
  });

  it('rejects a name that cannot be a stable path id', async () => {
    await expect(
      processor.validateEntityKind(
        goldenPath({ metadata: { name: 'Backend_Day_1' } }),
      ),
    ).rejects.toThrow(/metadata\.name/);
  });

  it('accepts the same path with a step removed (progress is kept by step id in the backend)', async () => {
    const full = goldenPath();
    const edited = goldenPath({
      spec: { steps: (full.spec!.steps as object[]).slice(0, 2) },
    });
    await expect(processor.validateEntityKind(edited)).resolves.toBe(true);
  });

  it('emits ownedBy and ownerOf relations to spec.owner', async () => {
    const emit = jest.fn();
    await processor.postProcessEntity(goldenPath(), location, emit);
    expect(emit.mock.calls.map(c => c[0])).toEqual([
      {
        type: 'relation',
        relation: {
          source: {
            kind: 'GoldenPath',
            namespace: 'default',
            name: 'backend-day-1',
          },
          type: 'ownedBy',
          target: { kind: 'group', namespace: 'default', name: 'backend' },
        },
      },
      {
        type: 'relation',
        relation: {
          source: { kind: 'group', namespace: 'default', name: 'backend' },
          type: 'ownerOf',
          target: {
            kind: 'GoldenPath',
            namespace: 'default',
            name: 'backend-day-1',
          },
        },
      },
    ]);
  });
});
