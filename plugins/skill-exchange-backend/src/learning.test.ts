import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  ANNA,
  BEN,
  embedInput,
  ownersOnlyOrg,
  useSkillExchangeBackend,
} from './__testUtils__';
import { readSkillExchangeConfig } from './config';

const databases = TestDatabases.create();

/** Two Kotlin resources (one by the alias `kt`-less name), one Go, one with an unknown skill. */
const resources = [
  {
    id: 'kotlin-basics',
    title: 'Kotlin basics',
    url: '/docs/default/component/handbook/kotlin',
    kind: 'docs',
    skills: ['kotlin'],
    minutes: 30,
  },
  {
    id: 'kotlin-course',
    title: 'Kotlin course',
    url: 'https://kotlinlang.org/docs/getting-started.html',
    kind: 'course',
    skills: ['Kotlin', 'Cobol for Martians'],
  },
  {
    id: 'go-tour',
    title: 'A Tour of Go',
    url: 'https://go.dev/tour/',
    kind: 'link',
    skills: ['golang'],
    minutes: 90,
  },
];

const read = (entries: object[]) =>
  readSkillExchangeConfig(
    mockServices.rootConfig({
      data: { skillExchange: { learning: { resources: entries } } },
    }),
  ).learningResources;

describe('skillExchange.learning.resources', () => {
  it('reads resources in config order, none by default', () => {
    expect(read([])).toEqual([]);
    expect(read(resources).map(r => r.id)).toEqual([
      'kotlin-basics',
      'kotlin-course',
      'go-tour',
    ]);
    expect(read(resources)[0]).toEqual({ ...resources[0] });
  });

  it.each([
    [{ id: 'kotlin-basics' }, 'used by an earlier resource'],
    [{ url: 'ftp://example.com/x' }, "url 'ftp://example.com/x' is neither"],
    [{ url: '//evil.example.com' }, 'is neither http(s) nor a path'],
    [{ kind: 'video' }, "kind 'video' is not one of docs, course, link"],
    [{ minutes: 0 }, 'minutes must be a whole number above 0'],
    [{ skills: [] }, 'name at least one skill'],
    [{ id: 'Has Spaces' }, 'the id must be'],
  ])('stops the start on a bad entry %j, naming it', (bad, message) => {
    const entry = { ...resources[2], id: 'extra', ...bad };
    expect(() => read([resources[0], entry])).toThrow(
      `skillExchange.learning.resources[1] '${entry.id}': `,
    );
    expect(() => read([resources[0], entry])).toThrow(message);
  });
});

describe.each(databases.eachSupportedId())('learning on %s', databaseId => {
  const org = ownersOnlyOrg();
  const sx = useSkillExchangeBackend(databases, databaseId, {
    ...org,
    config: { skillExchange: { learning: { resources } } },
  });
  const goals = async (who: string, learning: string[]) =>
    sx.call('put', '/profiles/me', who).send({ learning }).expect(200);
  const next = async (who: string) =>
    (await sx.call('get', '/profiles/me/learning', who).expect(200)).body;

  it('warns once about an unknown skill and resolves aliases', async () => {
    expect(sx.logs.messages('skill-exchange', 'warn')).toContain(
      "skillExchange.learning.resources 'kotlin-course': unknown skill 'Cobol for Martians', left out",
    );
    const all = await sx.call('get', '/learning', BEN).expect(200);
    expect(all.body.map((r: any) => [r.id, r.skills, r.completed])).toEqual([
      ['kotlin-basics', ['Kotlin'], false],
      ['kotlin-course', ['Kotlin'], false],
      ['go-tour', ['Go'], false],
    ]);
    const go = await sx.call('get', '/learning?skill=golang', BEN).expect(200);
    expect(go.body.map((r: any) => r.id)).toEqual(['go-tour']);
    await sx.call('get', '/learning?skill=Nonsense', BEN).expect(400);
    await sx.call('get', '/learning?colour=red', BEN).expect(400);
  });

  it('marks done idempotently (201, then 200), undoes, and 404s an unknown id', async () => {
    const put = () =>
      sx.call('put', '/learning/go-tour/completion', ANNA).send({});
    const first = await put().expect(201);
    expect(first.body).toMatchObject({ id: 'go-tour', completed: true });
    await put().expect(200);
    // The client sends no body at all.
    await sx.call('put', '/learning/go-tour/completion', ANNA).expect(200);
    const mine = await sx.call('get', '/learning?skill=Go', ANNA).expect(200);
    expect(mine.body[0].completed).toBe(true);
    const bens = await sx.call('get', '/learning?skill=Go', BEN).expect(200);
    expect(bens.body[0].completed).toBe(false);
    await sx.call('delete', '/learning/go-tour/completion', ANNA).expect(200);
    const undone = await sx.call('get', '/learning?skill=Go', ANNA);
    expect(undone.body[0].completed).toBe(false);
    await sx.call('delete', '/learning/go-tour/completion', ANNA).expect(200);

    await sx
      .call('put', '/learning/no-such/completion', ANNA)
      .send({})
      .expect(404);
    await sx.call('delete', '/learning/no-such/completion', ANNA).expect(404);
    await sx
      .call('put', '/learning/go-tour/completion', ANNA)
      .send({ user: BEN })
      .expect(400);
    const rows = await sx.knex('learning_completions').select();
    expect(rows).toEqual([]);
    expect(
      sx.audits
        .filter(a => a.eventId === 'learning-completion')
        .map(a => [(a.meta as any).action, a.outcome]),
    ).toEqual([
      ['add', 'success'],
      ['add', 'success'],
      ['add', 'success'],
      ['remove', 'success'],
      ['remove', 'success'],
      ['add', 'fail'],
      ['remove', 'fail'],
      ['add', 'fail'],
    ]);
  });

  it('shows each learning goal its next resource, which moves on once done', async () => {
    await goals(BEN, ['Kotlin', 'Go', 'Rust']);
    expect(await next(BEN)).toEqual([
      {
        skill: 'Go',
        next: expect.objectContaining({ id: 'go-tour' }),
        completed: 0,
        total: 1,
      },
      {
        skill: 'Kotlin',
        next: expect.objectContaining({ id: 'kotlin-basics', minutes: 30 }),
        completed: 0,
        total: 2,
      },
      { skill: 'Rust', completed: 0, total: 0 },
    ]);
    await sx
      .call('put', '/learning/kotlin-basics/completion', BEN)
      .send({})
      .expect(201);
    await sx
      .call('put', '/learning/go-tour/completion', BEN)
      .send({})
      .expect(201);
    const after = await next(BEN);
    expect(after[0]).toEqual({ skill: 'Go', completed: 1, total: 1 });
    expect(after[1]).toMatchObject({
      skill: 'Kotlin',
      next: { id: 'kotlin-course', completed: false },
      completed: 1,
      total: 2,
    });
    // Ben's progress is his: Anna with the same goal starts from the first.
    await goals(ANNA, ['Kotlin']);
    expect((await next(ANNA))[0]).toMatchObject({
      next: { id: 'kotlin-basics' },
      completed: 0,
    });
  });

  it('lists learned resources in growth, to the person themself only', async () => {
    const post = (
      await sx.call('post', '/posts', ANNA).send(embedInput()).expect(201)
    ).body;
    await sx
      .call('post', `/posts/${post.id}/interests`, BEN)
      .send({ message: 'Me' })
      .expect(201);
    const interests = await sx.call('get', `/posts/${post.id}/interests`, ANNA);
    await sx
      .call('post', `/interests/${interests.body[0].id}/accept`, ANNA)
      .send({})
      .expect(200);
    const own = await sx
      .call('get', '/profiles/me/activities', BEN)
      .expect(200);
    expect(
      own.body.items.map((a: any) => [a.type, a.post?.id ?? a.resource.id]),
    ).toEqual(
      expect.arrayContaining([
        ['accepted', post.id],
        ['learned', 'kotlin-basics'],
        ['learned', 'go-tour'],
      ]),
    );
    expect(own.body.totalItems).toBe(3);
    expect(
      own.body.items.find((a: any) => a.type === 'learned').resource,
    ).toMatchObject({ title: expect.any(String), url: expect.any(String) });
    const seen = await sx
      .call('get', `/profiles/${encodeURIComponent(BEN)}/activities`, ANNA)
      .expect(200);
    expect(seen.body.items.map((a: any) => a.type)).toEqual(['accepted']);
    expect(seen.body.totalItems).toBe(1);
    expect(seen.text).not.toContain('kotlin-basics');
    const paged = await sx
      .call('get', '/profiles/me/activities?limit=1&offset=2', BEN)
      .expect(200);
    expect(paged.body.items).toHaveLength(1);
  });
});
