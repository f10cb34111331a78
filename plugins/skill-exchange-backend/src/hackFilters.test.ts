import { TestDatabases } from '@backstage/backend-test-utils';
import {
  ANNA,
  BEN,
  embedInput,
  ownersOnlyOrg,
  useSkillExchangeBackend,
} from './__testUtils__';
import { downTo, migrationsDir } from './__testUtils__/migrations';

const databases = TestDatabases.create();

/** The titles of `GET /posts?<query>`, as Ben. */
const titles = async (sx: any, query: string) =>
  (await sx.call('get', `/posts?${query}`, BEN).expect(200)).body.items.map(
    (p: any) => p.title,
  );

describe.each(databases.eachSupportedId())(
  'where hacks happen, what they are about, and whose team an embed is on %s',
  databaseId => {
    const sx = useSkillExchangeBackend(databases, databaseId, ownersOnlyOrg());

    beforeAll(async () => {
      const post = (body: object) =>
        sx.call('post', '/posts', ANNA).send(body).expect(201);
      await post({
        kind: 'hack',
        title: 'Build cache dashboard',
        location: 'remote',
        category: 'tooling',
      });
      await post({
        kind: 'hack',
        title: 'Playlist lab',
        location: 'office',
        category: 'product',
      });
      await post({ kind: 'hack', title: 'Unsaid hack' });
      await post(embedInput({ title: 'Backend embed' }));
      await post(
        embedInput({ title: 'Data embed', team: 'group:default/data' }),
      );
    });

    it('keeps a hack location and category, and says nothing when none was given', async () => {
      const [hack] = (
        await sx.call('get', '/posts?kind=hack&q=dashboard', BEN).expect(200)
      ).body.items;
      expect(hack).toMatchObject({ location: 'remote', category: 'tooling' });
      const [unsaid] = (
        await sx.call('get', '/posts?kind=hack&q=unsaid', BEN).expect(200)
      ).body.items;
      expect(unsaid.location).toBeUndefined();
      expect(unsaid.category).toBeUndefined();
    });

    it('filters hacks by category and location, and embeds by team', async () => {
      expect(await titles(sx, 'kind=hack&category=tooling')).toEqual([
        'Build cache dashboard',
      ]);
      expect(await titles(sx, 'kind=hack&location=office')).toEqual([
        'Playlist lab',
      ]);
      expect(await titles(sx, 'kind=embed&team=group:default/data')).toEqual([
        'Data embed',
      ]);
    });

    it('refuses an unknown category with a 400 and stores nothing', async () => {
      const before = (await sx.call('get', '/posts?kind=hack', BEN)).body
        .totalItems;
      await sx
        .call('post', '/posts', ANNA)
        .send({ kind: 'hack', title: 'Party', category: 'party' })
        .expect(400);
      await sx.call('get', '/posts?category=party', BEN).expect(400);
      expect(
        (await sx.call('get', '/posts?kind=hack', BEN)).body.totalItems,
      ).toBe(before);
    });

    it('adds the column with its indexes, and goes back down natively', async () => {
      await downTo(sx.knex, '20261212030000_skill_evidence.js');
      expect(await sx.knex.schema.hasColumn('posts', 'hack_category')).toBe(
        false,
      );
      // Posts still take writes (their full-text triggers are intact).
      await sx.knex('posts').insert({
        kind: 'hack',
        title: 'After the category went',
        title_lower: 'after the category went',
        owner: ANNA,
        created_at: new Date(),
        updated_at: new Date(),
        status_changed_at: new Date(),
      });
      await sx.knex.migrate.latest({ directory: migrationsDir });
      expect(await sx.knex.schema.hasColumn('posts', 'hack_category')).toBe(
        true,
      );
    });
  },
);
