import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { parse } from 'yaml';
import { pathEntityYaml } from '../__testUtils__/paths';
import {
  bootcampCohort,
  createTestGoldenPaths,
  describeOnEachDatabase,
} from '../__testUtils__/services';
import { CatalogPathSource } from './catalogPaths';
import { GoldenPathRegistry } from './paths';

jest.setTimeout(60_000);

const step = (id: string, rule = '{ type: manual }') =>
  `    - id: ${id}\n      title: Step ${id}\n      rule: ${rule}\n`;

/** A GoldenPath entity as the catalog serves it (with its location). */
function entity(name: string, steps: string, spec = ''): Entity {
  const e = parse(pathEntityYaml(name, steps, spec)) as Entity;
  e.metadata.annotations = {
    'backstage.io/managed-by-location': `url:https://git.example/paths/${name}.yaml`,
  };
  return e;
}

describeOnEachDatabase('paths from the catalog', t => {
  /** Services over a registry fed by a catalog whose entities the test edits. */
  async function withCatalog(entities: Entity[]) {
    const catalog = {
      getEntities: jest.fn(async () => ({ items: entities })),
    } as unknown as CatalogService;
    const registry = new GoldenPathRegistry();
    const gp = await createTestGoldenPaths(t.knex, {
      paths: registry,
      clock: t.clock,
      membership: async user =>
        user === 'user:default/newcomer'
          ? {
              groups: [
                {
                  ref: 'group:default/client',
                  type: 'discipline',
                  title: 'Client',
                },
              ],
            }
          : { groups: [] },
    });
    const source = new CatalogPathSource({
      registry,
      catalog,
      auth: mockServices.auth(),
      pathSteps: gp.stores.pathSteps,
      logger: mockServices.logger.mock(),
      ttlMs: 1000,
      clock: t.clock,
    });
    return { gp, source, entities };
  }

  it('serves a path edited in the catalog after a refresh: the new step shows, progress is kept, a removed step is reported with its date', async () => {
    const { gp, source, entities } = await withCatalog([
      entity('onboarding', step('setup') + step('ship')),
    ]);
    await source.refresh();
    await gp.startJourney('user:default/a', 'onboarding');
    await gp.completeManualStep('user:default/a', 'onboarding', 'setup', {});
    await gp.completeManualStep('user:default/a', 'onboarding', 'ship', {});
    const [before] = await gp.getMyJourneys('user:default/a');
    expect(before.status).toBe('completed');
    expect(gp.paths.get('onboarding')!.source).toEqual({
      entityRef: 'goldenpath:default/onboarding',
      location: 'url:https://git.example/paths/onboarding.yaml',
      viewUrl: 'https://git.example/paths/onboarding.yaml',
    });

    // The YAML in git changes: "ship" goes, "review" comes.
    entities[0] = entity('onboarding', step('setup') + step('review'));
    t.now += 500;
    await gp.paths.fresh();
    expect(gp.paths.get('onboarding')!.steps.map(s => s.id)).toEqual([
      'setup',
      'ship',
    ]); // still cached
    t.now += 500;
    await gp.paths.fresh();
    expect(gp.paths.get('onboarding')!.steps.map(s => s.id)).toEqual([
      'setup',
      'review',
    ]);
    const [after] = await gp.getMyJourneys('user:default/a');
    expect(after.steps.map(s => [s.stepId, s.status])).toEqual([
      ['setup', 'completed'],
      ['review', 'pending'],
    ]);
    expect(after.completedSteps).toBe(1);
    expect(after.totalSteps).toBe(2);
    expect(after.removedSteps).toEqual([
      {
        stepId: 'ship',
        title: 'Step ship',
        completedAt: new Date(t.now - 1000).toISOString(),
        removedAt: new Date(t.now).toISOString(),
      },
    ]);

    // The step comes back: its progress counts again, nothing is removed.
    entities[0] = entity('onboarding', step('setup') + step('ship'));
    t.now += 1000;
    await gp.paths.fresh();
    const [back] = await gp.getMyJourneys('user:default/a');
    expect(back.completedSteps).toBe(2);
    expect(back.removedSteps).toBeUndefined();
  });

  it('lists the paths meant for the reader first: their groups, disciplines and cohorts', async () => {
    const { gp, source } = await withCatalog([
      entity('aaa-general', step('a')),
      entity(
        'bbb-by-cohort',
        step('a'),
        '  audience:\n    cohorts: [bootcamp]\n',
      ),
      entity(
        'ccc-by-discipline',
        step('a'),
        '  audience:\n    disciplines: [client]\n',
      ),
      entity(
        'ddd-by-group',
        step('a'),
        '  audience:\n    groups: [group:default/client]\n',
      ),
      entity(
        'eee-other-group',
        step('a'),
        '  audience:\n    groups: [group:default/backend]\n',
      ),
    ]);
    await source.refresh();
    await gp.stores.cohorts.createCohort(
      bootcampCohort(['user:default/newcomer']),
      t.now,
    );
    const page = { limit: 100, offset: 0 };
    const mine = await gp.services.journeys.listPaths(
      page,
      'user:default/newcomer',
    );
    expect(mine.items.map(p => [p.id, p.forYou])).toEqual([
      ['bbb-by-cohort', true],
      ['ccc-by-discipline', true],
      ['ddd-by-group', true],
      ['aaa-general', false],
      ['eee-other-group', false],
    ]);
    const someoneElse = await gp.services.journeys.listPaths(
      page,
      'user:default/other',
    );
    expect(someoneElse.items.map(p => p.id)).toEqual([
      'aaa-general',
      'bbb-by-cohort',
      'ccc-by-discipline',
      'ddd-by-group',
      'eee-other-group',
    ]);
    expect(someoneElse.items.every(p => !p.forYou)).toBe(true);
  });
});
