import { TestDatabases } from '@backstage/backend-test-utils';
import {
  ANNA,
  BEN,
  CARA,
  DAN,
  embedInput,
  ownersOnlyOrg,
  person,
  readConfigWith,
  useSkillExchangeBackend,
  type SkillExchangeTestBackend,
} from './__testUtils__';
import { stintEnd } from './service/stints';

const databases = TestDatabases.create();

const org = () => {
  const base = ownersOnlyOrg();
  return {
    ...base,
    entities: [...base.entities, person('dan', 'client', 'Engineer')],
    config: { skillExchange: { retros: { minimumGroupSize: 3 } } },
  };
};

/** Anna's mentorship (`capacity` places) with `people` accepted on it. */
async function mentorshipWith(
  sx: SkillExchangeTestBackend,
  people: string[],
  title = 'Go mentoring',
) {
  const post = (
    await sx
      .call('post', '/posts', ANNA)
      .send({
        kind: 'mentorship',
        title,
        mode: 'offering',
        skills: ['Go'],
        capacity: Math.max(people.length, 1),
      })
      .expect(201)
  ).body;
  for (const who of people) {
    const interest = (
      await sx.call('post', `/posts/${post.id}/interests`, who).send({})
    ).body;
    await sx
      .call('post', `/interests/${interest.id}/accept`, ANNA)
      .send({})
      .expect(200);
  }
  return post;
}

const close = async (sx: SkillExchangeTestBackend, id: number) => {
  const { version } = (await sx.call('get', `/posts/${id}`, ANNA)).body;
  await sx
    .call('post', `/posts/${id}/status`, ANNA)
    .send({ status: 'closed', version })
    .expect(200);
};

const write = (
  sx: SkillExchangeTestBackend,
  id: number,
  who: string,
  body: object = { skills: ['golang'], usefulness: 4, comment: 'Good' },
) => sx.call('post', `/posts/${id}/retro`, who).send(body);

const retroCount = async (sx: SkillExchangeTestBackend) =>
  Number((await sx.knex('retros').count({ n: '*' }))[0].n);

const asksFor = (sx: SkillExchangeTestBackend, postId: number) =>
  sx.sent
    .filter(
      n =>
        n.payload.topic === 'skill-exchange:retro-due' &&
        n.payload.link === `/skill-exchange/posts/${postId}#retro`,
    )
    .flatMap(n => [n.recipients.entityRef].flat());

describe('skillExchange.retros.minimumGroupSize', () => {
  const read = (value?: number) =>
    readConfigWith(value ? { retros: { minimumGroupSize: value } } : undefined)
      .retroMinimumGroupSize;

  it('is 5 by default, and below 3 stops the start', () => {
    expect(read()).toBe(5);
    expect(read(3)).toBe(3);
    expect(() => read(2)).toThrow(
      'skillExchange.retros.minimumGroupSize must be a whole number from 3 to 1000, got 2',
    );
  });
});

describe('when a stint is over', () => {
  const embed = (start: string, weeks: number, extra: object = {}) =>
    ({
      kind: 'embed',
      start,
      duration_weeks: weeks,
      status: 'open',
      status_changed_at: '2026-01-01T00:00:00Z',
      ...extra,
    } as any);
  const now = new Date('2027-02-01T12:00:00Z');

  it('ends an embed after its last day, quarters from their first day', () => {
    expect(stintEnd(embed('2027-01-04', 4), now)).toEqual({
      over: true,
      endedAt: '2027-02-01T00:00:00.000Z',
      endsOn: '2027-01-31',
    });
    expect(stintEnd(embed('2027-Q1', 6), now)).toEqual({
      over: false,
      endsOn: '2027-02-11',
    });
  });

  it('ends a closed embed when it was closed, and not one closed before it began', () => {
    const closedEarly = embed('2027-01-04', 8, {
      status: 'closed',
      status_changed_at: '2027-01-20T09:00:00Z',
    });
    expect(stintEnd(closedEarly, now)).toMatchObject({
      over: true,
      endedAt: '2027-01-20T09:00:00.000Z',
    });
    const cancelled = embed('2027-03-01', 2, {
      status: 'closed',
      status_changed_at: '2027-01-20T09:00:00Z',
    });
    expect(stintEnd(cancelled, now)).toMatchObject({
      over: false,
      cancelled: true,
    });
  });
});

describe.each(databases.eachSupportedId())('retros on %s', databaseId => {
  const sx = useSkillExchangeBackend(databases, databaseId, org());

  it('opens when the owner closes a mentorship, for the people on it only, once each', async () => {
    const post = await mentorshipWith(sx, [BEN]);
    const early = await sx
      .call('get', `/posts/${post.id}/retro`, BEN)
      .expect(200);
    expect(early.body).toMatchObject({ state: 'not_over', offers: [] });
    const tooEarly = await write(sx, post.id, BEN).expect(409);
    expect(tooEarly.body.error.message).toBe(
      'This mentorship is not over yet: its retro opens when its owner closes it',
    );

    await close(sx, post.id);
    expect(asksFor(sx, post.id).sort()).toEqual([ANNA, BEN]);
    // A later run of the job asks nobody again.
    await sx.tasks.get('skill-exchange-retro-asks')!();
    expect(asksFor(sx, post.id)).toHaveLength(2);

    const before = await retroCount(sx);
    const stranger = await write(sx, post.id, CARA).expect(403);
    expect(stranger.body.error.message).toBe(
      'Only the people on "Go mentoring" write its retro',
    );
    expect(
      (await sx.call('get', `/posts/${post.id}/retro`, CARA)).body.state,
    ).toBe('not_on_it');
    for (const bad of [
      { skills: ['No such skill'], usefulness: 4 },
      { skills: [], usefulness: 6 },
      { skills: [], usefulness: 3, extra: true },
    ]) {
      await write(sx, post.id, BEN, bad).expect(400);
    }
    expect(await retroCount(sx)).toBe(before);

    expect((await sx.call('get', '/retros/due', BEN)).body).toEqual([
      expect.objectContaining({ postId: post.id, role: 'participant' }),
    ]);
    const written = await write(sx, post.id, BEN).expect(201);
    expect(written.body).toMatchObject({
      state: 'written',
      retro: {
        skills: ['Go'],
        usefulness: 4,
        comment: 'Good',
        kind: 'mentorship',
      },
      offers: [{ skill: 'Go', level: 2 }],
    });
    const again = await write(sx, post.id, BEN).expect(409);
    expect(again.body.error.message).toMatch(
      /^You wrote the retro of "Go mentoring" on \d{4}-\d{2}-\d{2}; a retro is written once$/,
    );
    expect(await retroCount(sx)).toBe(before + 1);
    expect((await sx.call('get', '/retros/due', BEN)).body).toEqual([]);
    expect((await sx.call('get', '/retros/due', ANNA)).body).toEqual([
      expect.objectContaining({ postId: post.id, role: 'owner' }),
    ]);
    // Nobody else reads Ben's retro: not Anna, who owns the post.
    const annas = await sx.call('get', `/posts/${post.id}/retro`, ANNA);
    expect(annas.body).toMatchObject({ state: 'due' });
    expect(JSON.stringify(annas.body)).not.toContain('Good');
  });

  it('keeps one retro per person when the same person writes twice at once', async () => {
    const post = await mentorshipWith(sx, [CARA], 'Racing retros');
    await close(sx, post.id);
    const statuses = (
      await Promise.all([1, 2, 3].map(() => write(sx, post.id, CARA)))
    ).map(r => r.status);
    expect(statuses.sort()).toEqual([201, 409, 409]);
    const rows = await sx.knex('retros').where('post_id', post.id);
    expect(rows).toHaveLength(1);
  });

  it('asks the people on an embed whose last day passed, once, from the scheduled job', async () => {
    const post = (
      await sx
        .call('post', '/posts', ANNA)
        .send(
          embedInput({ title: 'Android embed', skills: ['Kotlin'], level: 4 }),
        )
        .expect(201)
    ).body;
    const interest = (
      await sx.call('post', `/posts/${post.id}/interests`, DAN).send({})
    ).body;
    await sx
      .call('post', `/interests/${interest.id}/accept`, ANNA)
      .send({})
      .expect(200);
    expect((await sx.call('get', `/posts/${post.id}/retro`, DAN)).body).toEqual(
      {
        postId: post.id,
        state: 'not_over',
        endsOn: '2027-01-14',
        offers: [],
      },
    );
    // Two weeks that ended yesterday.
    const start = new Date(Date.now() - 15 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    await sx.knex('posts').where('id', post.id).update({ start });
    const job = sx.tasks.get('skill-exchange-retro-asks')!;
    await job();
    await job();
    expect(asksFor(sx, post.id).sort()).toEqual([ANNA, DAN]);
    const written = await write(sx, post.id, DAN, {
      skills: ['Kotlin'],
      usefulness: 5,
    }).expect(201);
    // The embed's level (capped at 3) is the level offered.
    expect(written.body.offers).toEqual([{ skill: 'Kotlin', level: 3 }]);
    // What Dan practised is his evidence, and a suggestion only he sees.
    const mine = (await sx.call('get', '/profiles/me/suggestions', DAN)).body;
    expect(mine.find((x: any) => x.skill === 'Kotlin').evidence.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'practised', count: 1 }),
      ]),
    );
    await sx
      .call('post', '/profiles/me/suggestions/Kotlin/accept', DAN)
      .send({ level: 3 })
      .expect(200);
    const profile = (await sx.call('get', '/profiles/me', DAN)).body;
    expect(profile.skills).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ skill: 'Kotlin', level: 3 }),
      ]),
    );
    // Once on the profile, the skill is no longer offered.
    expect(
      (await sx.call('get', `/posts/${post.id}/retro`, DAN)).body.offers,
    ).toEqual([]);
  });

  it('asks the members of a hack once it is completed', async () => {
    const hack = (
      await sx
        .call('post', '/posts', ANNA)
        .send({ kind: 'hack', title: 'Build cache hack', stage: 'in_progress' })
        .expect(201)
    ).body;
    await sx
      .call('post', `/posts/${hack.id}/members`, BEN)
      .send({})
      .expect(201);
    const { version, kind, title } = (
      await sx.call('get', `/posts/${hack.id}`, ANNA)
    ).body;
    await sx
      .call('put', `/posts/${hack.id}`, ANNA)
      .send({ kind, title, stage: 'completed', version })
      .expect(200);
    expect(asksFor(sx, hack.id).sort()).toEqual([ANNA, BEN]);
  });

  it('shows outcomes per kind and skill only for groups of at least the threshold', async () => {
    const post = await mentorshipWith(sx, [BEN, CARA, DAN], 'Group mentoring');
    await close(sx, post.id);
    await write(sx, post.id, ANNA, { skills: ['Go'], usefulness: 5 }).expect(
      201,
    );
    await write(sx, post.id, BEN, { skills: [], usefulness: 3 }).expect(201);
    await write(sx, post.id, CARA, { skills: ['Go'], usefulness: 4 }).expect(
      201,
    );
    const { body } = await sx.call('get', '/insights/retros', DAN).expect(200);
    expect(body.minimumGroupSize).toBe(3);
    const mentorships = body.byKind.find((o: any) => o.group === 'mentorship');
    expect(mentorships.answers).toBeGreaterThanOrEqual(3);
    // Dan's embed retro is the only one of its kind: left out, counted.
    expect(body.byKind.map((o: any) => o.group)).not.toContain('embed');
    expect(body.hidden.kinds).toBeGreaterThanOrEqual(1);
    // Every group shown has at least 3 answers; the rest are only counted.
    for (const o of [...body.byKind, ...body.bySkill]) {
      expect(o.answers).toBeGreaterThanOrEqual(3);
      expect(o.distribution.reduce((a: number, b: number) => a + b, 0)).toBe(
        o.answers,
      );
    }
    const csv = await sx.call('get', '/insights/retros.csv', DAN).expect(200);
    expect(csv.text.split(/\r?\n/)[0]).toBe(
      'by,group,answers,mean_usefulness,u1,u2,u3,u4,u5',
    );
    expect(csv.text).toContain(`kind,mentorship,${mentorships.answers},`);
  });
});
