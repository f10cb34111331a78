import { TestDatabases } from '@backstage/backend-test-utils';
import {
  ANNA,
  BEN,
  ownersOnlyOrg,
  useSkillExchangeBackend,
} from './__testUtils__';

const databases = TestDatabases.create();

/** A catalog entity with learning annotations (the skills annotation always). */
const entity = (
  kind: string,
  name: string,
  annotations: Record<string, string>,
  extra: { namespace?: string; title?: string } = {},
) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, ...extra, annotations },
  spec: {},
});

const LONG = 'n'.repeat(63);
const learningEntities = [
  entity(
    'Component',
    'handbook',
    {
      'onramp.dev/learning-skills': 'k8s, Kotlin',
      'backstage.io/techdocs-ref': 'dir:.',
      'onramp.dev/learning-url': 'https://ignored.example.com',
      'onramp.dev/learning-minutes': '15',
    },
    { title: 'Onramp handbook' },
  ),
  entity('Component', 'kotlin-koans', {
    'onramp.dev/learning-skills': 'kotlin,  Cobol for Martians ,',
    'onramp.dev/learning-url': 'https://play.kotlinlang.org/koans',
    'onramp.dev/learning-kind': 'course',
    'onramp.dev/learning-minutes': '0',
  }),
  entity(
    'System',
    'go-guild',
    {
      'onramp.dev/learning-skills': 'golang',
      'onramp.dev/learning-url': 'ftp://example.com/go',
      'onramp.dev/learning-minutes': '2.5',
    },
    { namespace: 'guilds', title: 'Go guild' },
  ),
  entity(
    'Component',
    LONG,
    {
      'onramp.dev/learning-skills': 'Kotlin',
      'onramp.dev/learning-url': '/docs/elsewhere',
      'onramp.dev/learning-kind': 'video',
    },
    { namespace: LONG, title: 'Zz long names' },
  ),
  // Not a learning resource: no skills annotation.
  entity('Component', 'plain', { 'onramp.dev/learning-url': '/x' }),
];
const HANDBOOK = 'component:default/handbook';
const LONG_REF = `component:${LONG}/${LONG}`;

const configured = [
  {
    id: 'kotlin-basics',
    title: 'Kotlin basics',
    url: 'https://kotlinlang.org/docs/basic-syntax.html',
    kind: 'course',
    skills: ['Kotlin'],
  },
];

const completion = (id: string) =>
  `/learning/${encodeURIComponent(id)}/completion`;

describe.each(databases.eachSupportedId())(
  'learning resources from the catalog on %s',
  databaseId => {
    const org = ownersOnlyOrg();
    const sx = useSkillExchangeBackend(databases, databaseId, {
      ...org,
      entities: [...org.entities, ...learningEntities],
      config: { skillExchange: { learning: { resources: configured } } },
    });

    it('lists annotated entities after the configured ones, by title, with url, kind and minutes', async () => {
      const all = await sx.call('get', '/learning', BEN).expect(200);
      expect(all.body).toEqual([
        { ...configured[0], completed: false },
        {
          id: 'system:guilds/go-guild',
          title: 'Go guild',
          url: '/catalog/guilds/system/go-guild',
          kind: 'link',
          skills: ['Go'],
          completed: false,
        },
        {
          id: 'component:default/kotlin-koans',
          title: 'kotlin-koans',
          url: 'https://play.kotlinlang.org/koans',
          kind: 'course',
          skills: ['Kotlin'],
          completed: false,
        },
        {
          id: HANDBOOK,
          title: 'Onramp handbook',
          url: '/docs/default/component/handbook',
          kind: 'docs',
          skills: ['Kubernetes', 'Kotlin'],
          minutes: 15,
          completed: false,
        },
        {
          id: LONG_REF,
          title: 'Zz long names',
          url: '/docs/elsewhere',
          kind: 'link',
          skills: ['Kotlin'],
          completed: false,
        },
      ]);
      const kotlin = await sx.call('get', '/learning?skill=kotlin', BEN);
      expect(kotlin.body.map((r: any) => r.id)).toEqual([
        'kotlin-basics',
        'component:default/kotlin-koans',
        HANDBOOK,
        LONG_REF,
      ]);
      // One warning per entity and unknown skill, however often it is read.
      await sx.call('get', '/learning', ANNA).expect(200);
      expect(
        sx.logs
          .messages('skill-exchange', 'warn')
          .filter(m => m.includes('Cobol for Martians')),
      ).toEqual([
        "Learning resource component:default/kotlin-koans (onramp.dev/learning-skills): unknown skill 'Cobol for Martians', left out",
      ]);
    });

    it('marks a catalog resource done by its entity ref, shows it as next and in growth', async () => {
      await sx
        .call('put', '/profiles/me', BEN)
        .send({ learning: ['Kubernetes'] })
        .expect(200);
      const goals = await sx.call('get', '/profiles/me/learning', BEN);
      expect(goals.body).toEqual([
        {
          skill: 'Kubernetes',
          next: expect.objectContaining({ id: HANDBOOK, kind: 'docs' }),
          completed: 0,
          total: 1,
        },
      ]);
      await sx.call('put', completion(HANDBOOK), BEN).expect(201);
      await sx.call('put', completion(HANDBOOK), BEN).expect(200);
      // The longest refs fit the column (PostgreSQL checks its length).
      await sx.call('put', completion(LONG_REF), BEN).expect(201);
      expect(
        (await sx.call('get', '/profiles/me/learning', BEN)).body[0],
      ).toEqual({ skill: 'Kubernetes', completed: 1, total: 1 });
      const own = await sx.call('get', '/profiles/me/activities', BEN);
      expect(
        own.body.items
          .filter((a: any) => a.type === 'learned')
          .map((a: any) => [a.resource.id, a.resource.url]),
      ).toEqual(
        expect.arrayContaining([
          [HANDBOOK, '/docs/default/component/handbook'],
          [LONG_REF, '/docs/elsewhere'],
        ]),
      );
      const seen = await sx.call(
        'get',
        `/profiles/${encodeURIComponent(BEN)}/activities`,
        ANNA,
      );
      expect(seen.text).not.toContain(HANDBOOK);
      await sx.call('delete', completion(HANDBOOK), BEN).expect(200);
      const mine = await sx.call('get', '/learning?skill=k8s', BEN);
      expect(mine.body[0]).toMatchObject({ id: HANDBOOK, completed: false });
    });

    it('404s an unknown or unannotated entity ref, writing nothing', async () => {
      const before = await sx.knex('learning_completions').count({ n: '*' });
      for (const id of [
        'component:default/plain',
        'component:default/nothing',
        'component:default',
      ]) {
        await sx.call('put', completion(id), ANNA).expect(404);
        await sx.call('delete', completion(id), ANNA).expect(404);
      }
      // A raw slash is another route, not a resource.
      await sx
        .call('put', '/learning/component:default/handbook/completion', ANNA)
        .expect(404);
      expect(await sx.knex('learning_completions').count({ n: '*' })).toEqual(
        before,
      );
    });
  },
);

describe.each(databases.eachSupportedId())(
  'learning when the catalog cannot be read on %s',
  databaseId => {
    const org = ownersOnlyOrg();
    const sx = useSkillExchangeBackend(databases, databaseId, {
      ...org,
      entities: [...org.entities, ...learningEntities],
      config: { skillExchange: { learning: { resources: configured } } },
      catalog: {
        async getEntities() {
          throw new Error('catalog unavailable');
        },
      },
    });

    it('still answers with the configured resources, and warns', async () => {
      const all = await sx.call('get', '/learning', BEN).expect(200);
      expect(all.body.map((r: any) => r.id)).toEqual(['kotlin-basics']);
      await sx.call('put', completion(HANDBOOK), BEN).expect(404);
      await sx.call('put', completion('kotlin-basics'), BEN).expect(201);
      expect(sx.logs.messages('skill-exchange', 'warn')).toContain(
        'Learning resources from the catalog could not be read, only the configured ones are shown: Error: catalog unavailable',
      );
    });
  },
);
