import { ConfigReader } from '@backstage/config';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { demoPathFiles } from '../__testUtils__/paths';
import {
  GoldenPathDefinitionError,
  GoldenPathRegistry,
  parseGoldenPaths,
} from './paths';

const valid = `
id: p
title: P
discipline: Backend
owner: group:default/backend
description: d
steps:
  - id: a
    title: A
    rule: { type: manual }
`;

describe('golden path definitions', () => {
  const dir = createMockDirectory();

  it('loads every demo path with the Day-1 step ids', async () => {
    const registry = await GoldenPathRegistry.fromConfig(
      new ConfigReader({ goldenPaths: { paths: demoPathFiles } }),
    );
    expect(registry.list()).toHaveLength(6);
    const backend = registry.get('backend-day-1')!;
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

  it('reads files relative to the base directory, several documents each', async () => {
    dir.setContent({
      'paths.yaml': `${valid}\n---\n${valid.replace('id: p', 'id: q')}`,
    });
    const registry = await GoldenPathRegistry.fromConfig(
      new ConfigReader({ goldenPaths: { paths: ['paths.yaml'] } }),
      { baseDir: dir.path },
    );
    expect(registry.list().map(p => [p.id, p.version])).toEqual([
      ['p', 1],
      ['q', 1],
    ]);
  });

  it('rejects duplicate step ids, bad rules and unknown files clearly', async () => {
    expect(() =>
      parseGoldenPaths(
        valid.replace(
          'rule: { type: manual }',
          'rule: { type: manual }\n  - id: a\n    title: again\n    rule: { type: manual }',
        ),
        'dup.yaml',
      ),
    ).toThrow(/dup\.yaml.*duplicate step id "a"/);
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
    expect(() =>
      parseGoldenPaths(
        valid.replace('{ type: manual }', '{ type: evidence, anyOf: [] }'),
        'empty.yaml',
      ),
    ).toThrow(/empty\.yaml/);
    expect(() => parseGoldenPaths('id: [', 'broken.yaml')).toThrow(
      /broken\.yaml/,
    );
    expect(
      () =>
        new GoldenPathRegistry([
          ...parseGoldenPaths(valid, 'a'),
          ...parseGoldenPaths(valid, 'b'),
        ]),
    ).toThrow(/defined more than once/);
    await expect(
      GoldenPathRegistry.fromConfig(
        new ConfigReader({ goldenPaths: { paths: ['missing.yaml'] } }),
        { baseDir: dir.path },
      ),
    ).rejects.toThrow(/Cannot read golden path file/);
  });
});
