import { mockServices } from '@backstage/backend-test-utils';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { LearningResource } from '@onramp/backstage-plugin-skill-exchange-common';
import type { SkillExchangeStores, SkillStore } from '../database';
import {
  CATALOG_LEARNING_TTL_MS,
  CatalogLearningResources,
} from './catalogLearning';
import { LearningService } from './LearningService';

const handbook = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'handbook',
    annotations: { 'onramp.dev/learning-skills': 'Kotlin' },
  },
};

/** Knows Kotlin only. */
const skills = {
  async resolveSkillsLenient(names: string[]) {
    return new Map(
      names
        .filter(n => n.toLocaleLowerCase() === 'kotlin')
        .map(n => [n.toLocaleLowerCase(), { id: 1, name: 'Kotlin' }]),
    );
  },
} as unknown as SkillStore;

describe('CatalogLearningResources', () => {
  const setup = (getEntities: () => Promise<{ items: object[] }>) => {
    let now = 0;
    const calls: any[] = [];
    const catalog = {
      async getEntities(request: any) {
        calls.push(request);
        return getEntities();
      },
    } as unknown as CatalogService;
    const logger = mockServices.logger.mock();
    const source = new CatalogLearningResources(
      catalog,
      mockServices.auth(),
      skills,
      logger,
      () => now,
    );
    return { source, calls, logger, later: (ms: number) => (now += ms) };
  };

  it('asks only for annotated entities and reads the catalog again after the time to keep', async () => {
    const { source, calls, later } = setup(async () => ({ items: [handbook] }));
    expect((await source.list()).map(r => r.id)).toEqual([
      'component:default/handbook',
    ]);
    expect(calls[0].filter).toEqual({
      'metadata.annotations.onramp.dev/learning-skills': expect.any(Symbol),
    });
    later(CATALOG_LEARNING_TTL_MS - 1);
    await source.list();
    expect(calls).toHaveLength(1);
    later(1);
    await source.list();
    expect(calls).toHaveLength(2);
  });

  it('answers no resources and warns when the catalog read fails, then tries again', async () => {
    let fail = true;
    const { source, calls, logger, later } = setup(async () => {
      if (fail) throw new Error('down');
      return { items: [handbook] };
    });
    expect(await source.list()).toEqual([]);
    expect(await source.list()).toEqual([]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    fail = false;
    later(CATALOG_LEARNING_TTL_MS);
    expect(await source.list()).toHaveLength(1);
    expect(calls).toHaveLength(2);
  });
});

describe('LearningService with catalog resources', () => {
  const resource = (id: string, title: string): LearningResource => ({
    id,
    title,
    url: '/x',
    kind: 'link',
    skills: ['Kotlin'],
  });
  const stores = {
    learning: { completions: async () => new Map() },
  } as unknown as SkillExchangeStores;
  const caller = { userEntityRef: 'user:default/anna' } as any;

  it('puts the configured resources first and lets a configured id win over the same entity ref', async () => {
    const service = new LearningService(
      stores,
      [resource('component:default/handbook', 'Configured handbook')],
      {
        list: async () => [
          resource('component:default/a', 'A'),
          resource('component:default/handbook', 'Catalog handbook'),
        ],
      },
    );
    expect(
      (await service.list(undefined, caller)).map(r => [r.id, r.title]),
    ).toEqual([
      ['component:default/handbook', 'Configured handbook'],
      ['component:default/a', 'A'],
    ]);
  });
});
