import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import request from 'supertest';
import {
  ANNA,
  API,
  BEN,
  catalogUser,
  useSkillExchangeBackend,
} from '../__testUtils__';
import { skillExchangeSearchModule } from './module';
import {
  SkillExchangeCollatorFactory,
  SkillExchangeDocument,
} from './SkillExchangeCollatorFactory';

const databases = TestDatabases.create();

async function collect(factory: SkillExchangeCollatorFactory) {
  const docs: SkillExchangeDocument[] = [];
  for await (const doc of await factory.getCollator()) docs.push(doc);
  return docs;
}

describe('skillExchangeSearchModule', () => {
  it('registers the skill-exchange collator with the search backend', async () => {
    const addCollator = jest.fn();
    await startTestBackend({
      extensionPoints: [
        [searchIndexRegistryExtensionPoint, { addCollator, addDecorator() {} }],
      ],
      features: [
        skillExchangeSearchModule,
        mockServices.rootConfig.factory({
          data: {
            search: {
              collators: {
                skillExchange: {
                  schedule: {
                    frequency: { minutes: 30 },
                    timeout: { minutes: 5 },
                  },
                },
              },
            },
          },
        }),
      ],
    });
    expect(addCollator).toHaveBeenCalledTimes(1);
    const [{ factory, schedule }] = addCollator.mock.calls[0];
    expect(factory).toBeInstanceOf(SkillExchangeCollatorFactory);
    expect(factory.type).toBe('skill-exchange');
    expect(typeof schedule.run).toBe('function');
  });
});

describe.each(databases.eachSupportedId())(
  'search collator on %s',
  databaseId => {
    const sx = useSkillExchangeBackend(databases, databaseId, {
      entities: ['anna', 'ben'].map(name =>
        catalogUser(name, {
          title: 'Engineer',
          displayName: `${name[0].toUpperCase()}${name.slice(1)} Example`,
        }),
      ),
    });

    beforeAll(async () => {
      for (const title of [
        'Rust hack one',
        'Rust hack two',
        'Rust hack three',
      ]) {
        await sx
          .call('post', '/posts', ANNA)
          .send({
            kind: 'hack',
            title,
            description: 'Fast things',
            skills: ['rust'],
          })
          .expect(201);
      }
      for (const who of [ANNA, BEN]) {
        await sx
          .call('put', '/profiles/me', who)
          .send({
            bio: `Bio of ${who}`,
            skills: [{ skill: 'Rust', level: 4, canHelp: who === BEN }],
            learning: ['Go'],
          })
          .expect(200);
      }
    });

    const factory = (pageSize: number) =>
      new SkillExchangeCollatorFactory({
        pageSize,
        auth: mockServices.auth({ pluginId: 'search' }),
        discovery: {
          getBaseUrl: async () => `http://localhost:${sx.server.port()}${API}`,
          getExternalBaseUrl: async () => `http://localhost${API}`,
        },
      });

    it('collates every post and profile through the API, page by page', async () => {
      const docs = await collect(factory(2));
      const posts = docs.filter(d => d.kind === 'hack');
      expect(posts.map(d => d.title)).toEqual([
        'Rust hack one',
        'Rust hack two',
        'Rust hack three',
      ]);
      expect(posts[0]).toMatchObject({
        text: 'Fast things\n\nSkills: Rust',
        location: expect.stringMatching(/^\/skill-exchange\/posts\/\d+$/),
        status: 'open',
        owner: ANNA,
        skills: ['Rust'],
      });
      const profiles = docs.filter(d => d.kind === 'profile');
      expect(profiles).toEqual([
        expect.objectContaining({
          title: 'Anna Example',
          user: ANNA,
          location: `/skill-exchange/profiles/${encodeURIComponent(ANNA)}`,
          text: `Engineer\n\nBio of ${ANNA}\n\nSkills: Rust (Advanced)\n\nLearning: Go`,
        }),
        expect.objectContaining({
          title: 'Ben Example',
          text: expect.stringContaining('Can help with: Rust'),
        }),
      ]);
      expect(await collect(factory(500))).toEqual(docs);
    });

    it('serves the documents to services only, and checks the cursor', async () => {
      await sx.call('get', '/collator/documents?type=posts', ANNA).expect(403);
      await request(sx.server)
        .get(`${API}/collator/documents?type=posts`)
        .expect(401);
      const service = mockCredentials.service.header({
        onBehalfOf: mockCredentials.service('plugin:search'),
        targetPluginId: 'skill-exchange',
      });
      await request(sx.server)
        .get(`${API}/collator/documents?type=posts&after=x`)
        .set('authorization', service)
        .expect(400);
      await request(sx.server)
        .get(`${API}/collator/documents?type=groups`)
        .set('authorization', service)
        .expect(400);
    });
  },
);
