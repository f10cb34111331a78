import { parse } from 'yaml';
import { mockServices } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { demoPaths, pathEntityYaml } from '../__testUtils__/paths';
import { CatalogPathSource } from './catalogPaths';
import {
  GoldenPathDefinitionError,
  GoldenPathRegistry,
  parseGoldenPaths,
} from './paths';

const valid = pathEntityYaml(
  'p',
  `    - id: a
      title: A
      rule: { type: manual }
`,
);

describe('golden path definitions', () => {
  it('loads every demo path (GoldenPath entities) with the Day-1 step ids', async () => {
    const registry = new GoldenPathRegistry(demoPaths());
    expect(registry.list()).toHaveLength(6);
    const backend = registry.get('backend-day-1')!;
    expect(backend.audience).toEqual({
      groups: ['group:default/backend'],
      disciplines: ['Backend'],
    });
    expect(backend.steps.map(s => [s.id, s.rule])).toEqual([
      ['dev-environment', { type: 'manual' }],
      [
        'create-service',
        {
          type: 'template',
          templateRef: 'template:default/day-1-backend-service',
        },
      ],
      [
        'deploy',
        { type: 'evidence', anyOf: ['deploy.healthy', 'deploy.requested'] },
      ],
      [
        'monitoring',
        {
          type: 'evidence',
          anyOf: ['monitoring.scraped', 'monitoring.configured'],
        },
      ],
      ['dns', { type: 'evidence', anyOf: ['dns.resolves', 'dns.requested'] }],
    ]);
  });

  it('reads several documents of one file', async () => {
    const paths = parseGoldenPaths(
      `${valid}\n---\n${valid.replace('name: p', 'name: q')}`,
      'paths.yaml',
    );
    expect(paths.map(p => [p.id, p.version])).toEqual([
      ['p', 1],
      ['q', 1],
    ]);
  });

  it('rejects duplicate step ids and bad rules clearly, naming the entity field', async () => {
    expect(() =>
      parseGoldenPaths(
        valid.replace(
          'rule: { type: manual }',
          'rule: { type: manual }\n    - id: a\n      title: again\n      rule: { type: manual }',
        ),
        'dup.yaml',
      ),
    ).toThrow(/dup\.yaml.*spec\.steps\.1\.id: duplicate step id "a"/);
    expect(() =>
      parseGoldenPaths(
        valid.replace('{ type: manual }', '{ type: evidence }'),
        'bad.yaml',
      ),
    ).toThrow(GoldenPathDefinitionError);
    expect(() =>
      parseGoldenPaths(
        valid.replace(
          '{ type: manual }',
          '{ type: evidence, key: a.b, anyOf: [c.d] }',
        ),
        'both.yaml',
      ),
    ).toThrow(/both\.yaml.*exactly one of key or anyOf/);
    expect(() => parseGoldenPaths('id: [', 'broken.yaml')).toThrow(
      /broken\.yaml/,
    );
  });

  it('serves the first of two paths with the same name', () => {
    const registry = new GoldenPathRegistry();
    const skipped = registry.replace([
      ...parseGoldenPaths(valid, 'a'),
      ...parseGoldenPaths(valid.replace('title: p', 'title: again'), 'b'),
    ]);
    expect(registry.list().map(p => p.title)).toEqual(['p']);
    expect(skipped).toEqual(['goldenpath:default/p']);
  });
});

describe('CatalogPathSource', () => {
  it('reads the catalog at most once per time to live, and skips entities that are not valid paths', async () => {
    const entities = [
      parse(valid),
      {
        apiVersion: 'onramp.dev/v1alpha1',
        kind: 'GoldenPath',
        metadata: { name: 'broken' },
        spec: {},
      },
    ];
    const getEntities = jest.fn(async () => ({ items: entities }));
    let now = 1000;
    const registry = new GoldenPathRegistry();
    const syncSteps = jest.fn(async () => []);
    const source = new CatalogPathSource({
      registry,
      catalog: { getEntities } as unknown as CatalogService,
      auth: mockServices.auth(),
      pathSteps: { syncSteps, listRemovedSteps: async () => [] },
      logger: mockServices.logger.mock(),
      ttlMs: 5000,
      clock: () => now,
    });
    await Promise.all([registry.fresh(), source.refreshIfStale()]);
    expect(getEntities).toHaveBeenCalledTimes(1);
    expect(getEntities.mock.calls[0]).toEqual([
      { filter: { kind: 'GoldenPath' } },
      expect.anything(),
    ]);
    expect(registry.list().map(p => p.id)).toEqual(['p']);
    expect(syncSteps).toHaveBeenCalledWith('p', expect.any(Array), 1000);
    now += 4999;
    await registry.fresh();
    expect(getEntities).toHaveBeenCalledTimes(1);
    now += 1;
    await registry.fresh();
    expect(getEntities).toHaveBeenCalledTimes(2);
    // A catalog outage: the last paths read are still served.
    getEntities.mockRejectedValueOnce(new Error('catalog down'));
    now += 5000;
    await expect(registry.fresh()).resolves.toBeUndefined();
    expect(registry.list().map(p => p.id)).toEqual(['p']);
  });
});
