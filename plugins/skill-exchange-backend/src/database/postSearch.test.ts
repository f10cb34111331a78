import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type {
  ListPostsQuery,
  PostInput,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { ANNA, startSkillExchangeBackend } from '../__testUtils__';
import { DEFAULT_SKILLS } from '../seed/defaultSkills';
import { fts5Query } from './postSearch';
import { createStores, SkillExchangeStores } from '.';

const databases = TestDatabases.create();

describe('fts5Query', () => {
  it('quotes every term, so no input is an FTS5 syntax error', () => {
    expect(fts5Query('kafka streams')).toBe('("kafka" AND "streams")');
    expect(fts5Query('"event driven" -legacy')).toBe(
      '"event driven" NOT ("legacy")',
    );
    expect(fts5Query('go or rust')).toBe('("go" OR "rust")');
    expect(fts5Query('NEAR(a b) AND "x* ^y')).toBe(
      '("NEAR a" AND "b" AND "AND" AND "x y")',
    );
    expect(fts5Query('day-1')).toBe('"day 1"');
    for (const nothing of ['%', '"', '-', '  ', 'or', '*:()']) {
      expect(fts5Query(nothing)).toBeUndefined();
    }
  });
});

const mentorship = (title: string, extra: Partial<PostInput> = {}) =>
  ({
    kind: 'mentorship',
    title,
    description: '',
    skills: [],
    mode: 'offering',
    capacity: 1,
    ...extra,
  } as PostInput);

describe.each(databases.eachSupportedId())(
  'full-text search of posts on %s',
  databaseId => {
    let stores: SkillExchangeStores;
    const search = async (q: string, extra: Partial<ListPostsQuery> = {}) =>
      stores.posts.listPosts(
        { q, skillsMatch: 'any', limit: 20, offset: 0, ...extra },
        ANNA,
      );
    const titles = async (q: string) =>
      (await search(q)).items.map(p => p.title);

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      stores = await createStores({
        database: mockServices.database({ knex }),
        exactTotalUpTo: 3,
      });
      await stores.skills.seedSkills(DEFAULT_SKILLS);
    });

    it('ranks title matches above skill matches above description matches', async () => {
      await stores.posts.createPost(
        ANNA,
        mentorship('Pairing on billing', {
          description: 'We will look at kafka consumers together.',
        }),
      );
      await stores.posts.createPost(
        ANNA,
        mentorship('Kafka office hours', { description: 'Streams and more.' }),
      );
      await stores.posts.createPost(
        ANNA,
        mentorship('Event plumbing', { skills: ['kafka'] }),
      );
      expect(await titles('kafka')).toEqual([
        'Kafka office hours',
        'Event plumbing',
        'Pairing on billing',
      ]);
      // Words are stemmed and case-folded; every word must match.
      expect(await titles('KAFKA consumer')).toEqual(['Pairing on billing']);
      expect(await titles('"office hours" -billing')).toEqual([
        'Kafka office hours',
      ]);
      // An explicit sort still filters by the search.
      const byTitle = await search('kafka', { sort: 'title' });
      expect(byTitle.items.map(p => p.title)).toEqual([
        'Event plumbing',
        'Kafka office hours',
        'Pairing on billing',
      ]);
    });

    it('caps the total above the limit and says it is a lower bound', async () => {
      for (let i = 0; i < 5; i++) {
        await stores.posts.createPost(ANNA, mentorship(`Capybara club ${i}`));
      }
      const many = await search('capybara', { limit: 2 });
      expect(many.totalItems).toBe(3);
      expect(many.totalIsLowerBound).toBe(true);
      expect(many.items).toHaveLength(2);
      const few = await search('capybara club 4');
      expect(few.totalItems).toBe(1);
      expect(few.totalIsLowerBound).toBeUndefined();
      // A ranked search's pages all carry the same total, also past the
      // last page.
      for (const [limit, offset, items] of [
        [1, 0, 1],
        [1, 1, 1],
        [5, 5, 0],
      ]) {
        const page = await search('capybara club -4 -3 -2', { limit, offset });
        expect(page).toMatchObject({ totalItems: 2, limit, offset });
        expect(page.items).toHaveLength(items);
        expect(page.totalIsLowerBound).toBeUndefined();
      }
    });

    it('follows posts as they change and go', async () => {
      const post = await stores.posts.createPost(
        ANNA,
        mentorship('Walrus wrangling'),
      );
      expect(await titles('walrus')).toEqual(['Walrus wrangling']);
      await stores.posts.updatePost(
        post.id,
        mentorship('Narwhal wrangling', { skills: ['rust'] }),
        post.version,
        ANNA,
      );
      expect(await titles('walrus')).toEqual([]);
      expect(await titles('narwhal')).toEqual(['Narwhal wrangling']);
      // Skill names and aliases of the post are searchable.
      expect(await titles('narwhal rust')).toEqual(['Narwhal wrangling']);
      expect(await titles('narwhal rustlang')).toEqual([]);
      await stores.posts.deletePost(post.id);
      expect(await titles('narwhal')).toEqual([]);
    });

    it('follows skills as they are renamed, aliased and merged', async () => {
      await stores.posts.createPost(
        ANNA,
        mentorship('Gardening together', { skills: ['terraform'] }),
      );
      const [terraform] = await stores.skills.listSkills({
        q: 'terraform',
        exact: true,
      });
      await stores.skills.updateSkill(terraform.id, {
        name: 'OpenTofu',
        category: terraform.category,
        description: terraform.description,
        aliases: ['tofu'],
      });
      expect(await titles('opentofu')).toEqual(['Gardening together']);
      expect(await titles('tofu')).toEqual(['Gardening together']);
      // The old name stays an alias, so it still finds the post.
      expect(await titles('terraform gardening')).toEqual([
        'Gardening together',
      ]);
      await stores.skills.mergeSkill(terraform.id, 'ansible');
      // Merged: the post has Ansible, whose aliases now include the old names.
      expect(await titles('opentofu tofu terraform')).toEqual([
        'Gardening together',
      ]);
      expect(await titles('ansible gardening')).toEqual(['Gardening together']);
    });

    it('never fails on query syntax', async () => {
      for (const q of [
        '"unbalanced',
        'a OR',
        '-',
        '%',
        'foo AND (bar',
        'NEAR(x y)',
        "it's",
        '!!!',
        '*',
        ':*',
        '\\',
      ]) {
        await expect(search(q)).resolves.toMatchObject({ offset: 0 });
      }
    });

    it('answers a search with a NUL character with a 400', async () => {
      const sx = await startSkillExchangeBackend({ databases, databaseId });
      const res = await sx.call('get', '/posts?q=kaf%00ka', ANNA);
      expect(res.status).toBe(400);
      const ok = await sx.call('get', '/posts?q=%22kafka%20-(', ANNA);
      expect(ok.status).toBe(200);
    });
  },
);
