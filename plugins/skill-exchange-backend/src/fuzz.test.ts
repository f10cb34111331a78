/**
 * Property-based fuzzing of every route of the Skill Exchange API, and of
 * its two actions, on SQLite and PostgreSQL (issue 18): valid requests
 * built from each route's own zod schema, with one part changed to hostile
 * input. No answer may be a 5xx, and no 4xx may change a row.
 * `ONRAMP_FUZZ_SEED` and `ONRAMP_FUZZ_RUNS` set the seed and the requests
 * per route; a failure prints how to replay it. The learning routes, which
 * need configured resources, are fuzzed in learningFuzz.test.ts.
 */
import {
  mockCredentials,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  activitiesQuerySchema,
  eventInputSchema,
  eventUpdateSchema,
  expertsQuerySchema,
  insightsQuerySchema,
  interestInputSchema,
  listPostsQuerySchema,
  matchesQuerySchema,
  postInputSchema,
  postStatusSchema,
  postUpdateSchema,
  profileInputSchema,
  skillInputSchema,
  skillMergeSchema,
  skillUpdateSchema,
  teamSkillsQuerySchema,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { describeRouteFuzzing, FuzzRoute, validFrom } from '@onramp/test-utils';
import fc from 'fast-check';
import { z } from 'zod';
import {
  ANNA,
  API,
  as,
  BEN,
  catalogGroup,
  catalogUser,
  startSkillExchangeBackend,
} from './__testUtils__';
import { moderationFuzzRoutes } from './__testUtils__/moderationFuzz';
import { pairingFuzzRoutes, withoutPairing } from './__testUtils__/pairingFuzz';

jest.setTimeout(180_000);

const KNOWN_SKILLS = ['Java', 'Go', 'Kubernetes', 'PostgreSQL', 'Rust'];
const asUser = (ref: string) => ({ Authorization: as(ref) });
const databases = TestDatabases.create();

/** Ids of what `startForFuzz` seeded, read when requests are generated. */
interface Seeded {
  posts: number[];
  hack: number;
  embed: number;
  interest: number;
  event: number;
  /** Posts, events and skills the destructive routes may delete or merge. */
  doomedPosts: number[];
  doomedEvent: number;
  renamedSkill: number;
  mergedSkill: number;
  /** A post reported and dismissed or hidden. */
  reported: number;
}

/**
 * Starts the Skill Exchange test backend on the test database `databaseId`
 * (the same knex the snapshot reads) with a catalog of three users and a
 * team, permissions that allow everything (so input reaches the store) and
 * scheduled tasks that never run; then
 * seeds a post of each kind, hack events, profiles, an interest and two
 * skills, through the API.
 */
async function startForFuzz(databaseId: TestDatabaseId) {
  const backend = await startSkillExchangeBackend({
    databases,
    databaseId,
    actionsOverHttp: true,
    entities: [
      ...['anna', 'ben', 'cara'].map(name =>
        catalogUser(name, { displayName: name }),
      ),
      catalogGroup('backend', [ANNA, BEN]),
    ],
  });
  const send = async (
    method: 'post' | 'put' | 'get',
    path: string,
    body?: object,
    who = ANNA,
  ) => {
    const res = await backend.call(method, path, who).send(body);
    if (res.status >= 300) {
      throw new Error(`Seeding ${path}: ${res.status} ${res.text}`);
    }
    return res.body;
  };
  const event = async (name: string) =>
    (
      await send('post', '/events', {
        name,
        startsOn: '2027-03-01',
        endsOn: '2027-03-05',
      })
    ).id as number;
  const post = async (body: object) =>
    (await send('post', '/posts', body)).id as number;
  const skill = async (name: string) =>
    (await send('post', '/skills', { name, category: 'domain' })).id as number;

  const hackWeek = await event('Hack week');
  const embed = await post({
    kind: 'embed',
    title: 'Two weeks with Playback',
    skills: ['Java'],
    team: 'group:default/backend',
    start: '2027-Q1',
    durationWeeks: 2,
    location: 'remote',
  });
  const hack = await post({
    kind: 'hack',
    title: 'Faster builds',
    skills: ['Go'],
    eventId: hackWeek,
  });
  const mentorship = await post({
    kind: 'mentorship',
    title: 'Kubernetes for beginners',
    skills: ['Kubernetes'],
    mode: 'offering',
  });
  for (const who of [ANNA, BEN]) {
    await send(
      'put',
      '/profiles/me',
      {
        bio: 'Hi',
        skills: [{ skill: 'Java', level: 4, canHelp: true }],
        learning: ['Rust'],
      },
      who,
    );
  }
  const interest = (
    await send('post', `/posts/${embed}/interests`, { message: 'Me!' }, BEN)
  ).id as number;
  await send('post', `/posts/${hack}/members`, {}, BEN);
  const seeded: Seeded = {
    posts: [embed, hack, mentorship],
    hack,
    embed,
    interest,
    event: hackWeek,
    doomedPosts: [
      await post({ kind: 'hack', title: 'Doomed one' }),
      await post({ kind: 'hack', title: 'Doomed two' }),
    ],
    doomedEvent: await event('Doomed event'),
    renamedSkill: await skill('Fuzz Renamed'),
    mergedSkill: await skill('Fuzz Merged'),
    reported: await post({ kind: 'hack', title: 'Reported one' }),
  };
  const actions = await backend.call(
    'get',
    '/.backstage/actions/v1/actions',
    ANNA,
  );
  return {
    ...backend,
    seeded,
    actions: actions.body.actions as Array<{
      id: string;
      examples: Array<{ input: unknown }>;
      schema: { input: object };
    }>,
  };
}

type Fuzzed = Awaited<ReturnType<typeof startForFuzz>>;

const known = (i: number) => KNOWN_SKILLS[i % KNOWN_SKILLS.length];
const emptyBody = z.strictObject({});
/** The inline schemas of the router (not exported by -common). */
const skillsQuery = z.strictObject({ q: z.string().trim().max(60).optional() });
const collatorQuery = z.strictObject({
  type: z.enum(['posts', 'profiles']),
  after: z.string().max(300).default(''),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

type PostLike = { kind: string; skills?: string[] };

/** Valid posts: skills the taxonomy knows, the seeded team. */
function validPost(post: PostLike) {
  return {
    ...post,
    skills: (post.skills ?? []).slice(0, 2).map((_s, i) => known(i)),
    ...(post.kind === 'embed' ? { team: 'group:default/backend' } : {}),
  };
}

/**
 * Every route, and the two actions; ids and action schemas are read from
 * `backend()` (what `startForFuzz` seeded) when requests are generated.
 */
function routes(backend: () => Fuzzed): FuzzRoute[] {
  /** One of the seeded ids, chosen when a request is generated. */
  const seededId = (pick: (s: Seeded) => number | number[]) =>
    fc.nat().map(i => {
      const ids = ([] as number[]).concat(pick(backend().seeded));
      return String(ids[i % ids.length]);
    });
  const post = seededId(s => s.posts);
  return [
    { method: 'GET', path: `${API}/health` },
    { method: 'GET', path: `${API}/skills`, query: skillsQuery },
    { method: 'GET', path: `${API}/posts`, query: listPostsQuerySchema },
    { method: 'GET', path: `${API}/posts/:id`, params: { id: post } },
    { method: 'GET', path: `${API}/posts/:id/interests`, params: { id: post } },
    {
      method: 'GET',
      path: `${API}/posts/:id/matches`,
      params: { id: post },
      query: matchesQuerySchema,
    },
    { method: 'GET', path: `${API}/matches/me`, query: matchesQuerySchema },
    { method: 'GET', path: `${API}/events` },
    {
      method: 'GET',
      path: `${API}/events/:id`,
      params: { id: seededId(s => s.event) },
    },
    { method: 'GET', path: `${API}/profiles/me` },
    {
      method: 'GET',
      path: `${API}/profiles/:ref`,
      params: { ref: fc.constantFrom(ANNA, BEN) },
    },
    {
      method: 'GET',
      path: `${API}/profiles/:ref/activities`,
      params: { ref: fc.constantFrom('me', BEN) },
      query: activitiesQuerySchema,
    },
    {
      method: 'GET',
      path: `${API}/teams/skills`,
      query: validFrom(teamSkillsQuerySchema, () => ({
        group: 'group:default/backend',
      })),
    },
    {
      method: 'GET',
      path: `${API}/experts`,
      query: validFrom<{ skills: string[] }>(expertsQuerySchema, q => ({
        ...q,
        skills: q.skills.map((_s, i) => known(i)),
      })),
    },
    { method: 'GET', path: `${API}/insights`, query: insightsQuerySchema },
    { method: 'GET', path: `${API}/insights.csv`, query: insightsQuerySchema },
    {
      method: 'GET',
      path: `${API}/collator/documents`,
      query: collatorQuery,
      headers: { Authorization: mockCredentials.service.header() },
    },
    ...moderationFuzzRoutes(
      seededId(s => s.reported),
      asUser(BEN),
    ),
    { method: 'POST', path: `${API}/skills`, body: skillInputSchema },
    {
      method: 'PUT',
      path: `${API}/skills/:id`,
      params: { id: seededId(s => s.renamedSkill) },
      body: skillUpdateSchema,
    },
    {
      method: 'POST',
      path: `${API}/posts`,
      body: validFrom<PostLike>(withoutPairing(postInputSchema), validPost),
    },
    ...pairingFuzzRoutes(post, asUser(BEN)),
    {
      method: 'PUT',
      path: `${API}/posts/:id`,
      params: { id: post },
      body: validFrom<PostLike>(withoutPairing(postUpdateSchema), validPost),
    },
    {
      method: 'POST',
      path: `${API}/posts/:id/interests`,
      params: { id: post },
      body: interestInputSchema,
      headers: asUser(BEN),
    },
    {
      method: 'POST',
      path: `${API}/posts/:id/members`,
      params: { id: seededId(s => s.hack) },
      body: emptyBody,
      headers: asUser(BEN),
    },
    ...(['follow', 'save'] as const).flatMap(relation =>
      (['PUT', 'DELETE'] as const).map(method => ({
        method,
        path: `${API}/posts/:id/${relation}`,
        params: { id: seededId(s => s.hack) },
      })),
    ),
    { method: 'POST', path: `${API}/events`, body: eventInputSchema },
    {
      method: 'PUT',
      path: `${API}/events/:id`,
      params: { id: seededId(s => s.event) },
      body: eventUpdateSchema,
    },
    {
      method: 'PUT',
      path: `${API}/profiles/me`,
      body: validFrom<{ skills: object[]; learning: string[] }>(
        profileInputSchema,
        p => ({
          ...p,
          skills: (p.skills ?? [])
            .slice(0, 2)
            .map((s, i) => ({ ...s, skill: known(i) })),
          learning: (p.learning ?? []).slice(0, 1).map(() => 'Rust'),
          version: undefined,
        }),
      ),
    },
    ...(['accept', 'decline'] as const).map(answer => ({
      method: 'POST' as const,
      path: `${API}/interests/:id/${answer}`,
      params: { id: seededId(s => s.interest) },
      body: emptyBody,
    })),
    {
      method: 'POST',
      path: `${API}/interests/:id/withdraw`,
      params: { id: seededId(s => s.interest) },
      body: emptyBody,
      headers: asUser(BEN),
    },
    {
      method: 'POST',
      path: `${API}/posts/:id/status`,
      params: { id: post },
      body: postStatusSchema,
    },
    {
      method: 'POST',
      path: `${API}/skills/:id/merge`,
      params: { id: seededId(s => s.mergedSkill) },
      body: validFrom(skillMergeSchema, () => ({ into: 'Java' })),
    },
    {
      method: 'DELETE',
      path: `${API}/posts/:id/members/me`,
      params: { id: seededId(s => s.hack) },
      headers: asUser(BEN),
    },
    {
      method: 'DELETE',
      path: `${API}/posts/:id`,
      params: { id: seededId(s => s.doomedPosts) },
    },
    {
      method: 'DELETE',
      path: `${API}/events/:id`,
      params: { id: seededId(s => s.doomedEvent) },
    },
    // The actions through the actions registry's own HTTP route, with their
    // real input schema (its JSON schema, read back into zod) and their
    // examples as the valid inputs.
    ...['search-skills', 'find-experts'].map(
      (name): FuzzRoute => ({
        method: 'POST',
        path: `${API}/.backstage/actions/v1/actions/skill-exchange:${name}/invoke`,
        get body() {
          const action = backend().actions.find(
            a => a.id === `skill-exchange:${name}`,
          )!;
          return {
            schema: z.fromJSONSchema(action.schema.input as any),
            valid: fc.constantFrom(...action.examples.map(e => e.input)),
          };
        },
      }),
    ),
  ];
}

describeRouteFuzzing({
  title: 'fuzzing the Skill Exchange on %s',
  databases,
  start: startForFuzz,
  headers: asUser(ANNA),
  routes,
});
