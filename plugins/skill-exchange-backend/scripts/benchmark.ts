/*
 * Skill Exchange benchmark: seeds a fresh database with N posts and M
 * profiles, then times the main queries through the HTTP API (the real
 * router and store behind express) and the same queries as raw SQL.
 * It prints a table of p50/p95 in milliseconds; it asserts nothing.
 *
 *   yarn workspace @onramp/backstage-plugin-skill-exchange-backend bench
 *
 * Environment:
 *   BENCH_DB        sqlite (default) or pg
 *   BENCH_PG_URL    PostgreSQL server (default postgresql://postgres@127.0.0.1:5432);
 *                   a scratch database is created there and dropped afterwards
 *   BENCH_POSTS     posts to seed (default 100000)
 *   BENCH_PROFILES  profiles to seed (default 20000)
 *   BENCH_RUNS      timed runs per query, after 3 warm-up runs (default 30)
 */
import type {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import express from 'express';
import { AddressInfo } from 'net';
import fs from 'fs';
import os from 'os';
import path from 'path';
import knexFactory, { Knex } from 'knex';
import { createStores, SkillExchangeStores } from '../src/database';
import { createRouter } from '../src/router';
import { DEFAULT_SKILLS } from '../src/seed/defaultSkills';
import { createServices } from '../src/service';

const DB = process.env.BENCH_DB === 'pg' ? 'pg' : 'sqlite';
const PG_URL =
  process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432';
const POSTS = Number(process.env.BENCH_POSTS ?? 100_000);
const PROFILES = Number(process.env.BENCH_PROFILES ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

const TEAMS = Array.from({ length: 40 }, (_, i) => `group:default/team-${i}`);
const WORDS =
  'kafka android playback search billing payments latency migration compose grpc kotlin swift react terraform observability caching recommendations ranking'.split(
    ' ',
  );

/** A small deterministic PRNG, so every run seeds the same data. */
function prng(initial: number) {
  let s = initial >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function openDatabase(): Promise<{
  knex: Knex;
  cleanup: () => Promise<void>;
}> {
  if (DB === 'pg') {
    const name = `skill_exchange_bench_${Date.now()}`;
    const admin = knexFactory({ client: 'pg', connection: PG_URL });
    await admin.raw(`CREATE DATABASE ${name}`);
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    const knex = knexFactory({
      client: 'pg',
      connection: url.toString(),
      pool: { min: 1, max: 5 },
    });
    return {
      knex,
      cleanup: async () => {
        await knex.destroy();
        await admin.raw(`DROP DATABASE ${name}`);
        await admin.destroy();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skill-exchange-bench-'));
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(dir, 'bench.sqlite') },
    useNullAsDefault: true,
  });
  return {
    knex,
    cleanup: async () => {
      await knex.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function seed(knex: Knex, stores: SkillExchangeStores) {
  const random = prng(42);
  const pick = <T>(list: readonly T[]) =>
    list[Math.floor(random() * list.length)];
  await stores.skills.seedSkills(DEFAULT_SKILLS);
  const skillIds: number[] = (await knex('skills').select('id')).map(r => r.id);
  // A skewed skill popularity, as in real taxonomies: a few skills are common.
  const popularSkill = () =>
    skillIds[Math.floor(random() ** 2 * skillIds.length)];

  const users = Array.from(
    { length: PROFILES },
    (_, i) => `user:default/person-${i}`,
  );
  const now = Date.now();
  const chunk = 500;

  for (let start = 0; start < PROFILES; start += chunk) {
    const profiles = [];
    const profileSkills = [];
    for (let i = start; i < Math.min(PROFILES, start + chunk); i++) {
      profiles.push({
        user_ref: users[i],
        team: TEAMS[i % TEAMS.length],
        bio: `Works on ${pick(WORDS)} and ${pick(WORDS)}`,
        contact: '',
        open_to_embeds: random() < 0.4,
        open_to_mentoring: random() < 0.3,
        open_to_hacks: random() < 0.5,
        updated_at: new Date(now - random() * 90 * 86_400_000),
        version: 1,
      });
      const mine = new Set<number>();
      const count = 3 + Math.floor(random() * 6);
      while (mine.size < count) mine.add(popularSkill());
      for (const skillId of mine) {
        const learning = random() < 0.25;
        profileSkills.push({
          user_ref: users[i],
          skill_id: skillId,
          level:
            learning && random() < 0.5 ? null : 1 + Math.floor(random() * 5),
          can_help: random() < 0.3,
          learning,
        });
      }
    }
    // SQLite allows at most 500 rows (compound terms) in one INSERT.
    await knex.batchInsert('profiles', profiles, 100);
    await knex.batchInsert('profile_skills', profileSkills, 100);
  }

  const kinds = ['embed', 'hack', 'mentorship'] as const;
  for (let start = 0; start < POSTS; start += 100) {
    const posts = [];
    const skillsOf: number[][] = [];
    for (let i = start; i < Math.min(POSTS, start + 100); i++) {
      const kind = kinds[i % 3];
      const created = new Date(now - random() * 365 * 86_400_000);
      const title = `${pick(WORDS)} ${pick(WORDS)} ${kind} ${i}`;
      let status = 'open';
      if (random() >= 0.6) status = random() < 0.5 ? 'filled' : 'closed';
      posts.push({
        kind,
        title,
        title_lower: title.toLocaleLowerCase(),
        description: `We need help with ${pick(WORDS)}, ${pick(
          WORDS,
        )} and ${pick(WORDS)}. `.repeat(4),
        status,
        owner: pick(users),
        created_at: created,
        updated_at: created,
        status_changed_at: created,
        version: 1,
        team: kind === 'embed' ? pick(TEAMS) : null,
        level: kind === 'embed' ? 1 + Math.floor(random() * 5) : null,
        start:
          kind === 'embed' ? `2027-Q${1 + Math.floor(random() * 4)}` : null,
        duration_weeks: kind === 'embed' ? 1 + Math.floor(random() * 12) : null,
        location:
          kind === 'embed' ? pick(['remote', 'office', 'flexible']) : null,
        headcount: kind === 'embed' ? 1 : null,
        stage:
          kind === 'hack' ? pick(['idea', 'in_progress', 'completed']) : null,
        member_count: 0,
        mode: kind === 'mentorship' ? pick(['offering', 'seeking']) : null,
        capacity: kind === 'mentorship' ? 1 + Math.floor(random() * 3) : null,
      });
      const mine = new Set<number>();
      const count = 1 + Math.floor(random() * 4);
      while (mine.size < count) mine.add(popularSkill());
      skillsOf.push([...mine]);
    }
    const inserted = await knex('posts').insert(posts).returning('id');
    const ids = inserted.map((r: any) => (typeof r === 'object' ? r.id : r));
    await knex.batchInsert(
      'post_skills',
      ids.flatMap((id: number, j: number) =>
        skillsOf[j].map(skill_id => ({ post_id: id, skill_id })),
      ),
      100,
    );
  }
  // People take part: hack memberships and interest (a third of it accepted),
  // so growth activities have rows to page through.
  const hackIds: number[] = await knex('posts')
    .where('kind', 'hack')
    .pluck('id');
  const otherIds: number[] = await knex('posts')
    .whereNot('kind', 'hack')
    .pluck('id');
  const memberships = new Map<string, object>();
  const interests = new Map<string, object>();
  for (let i = 0; i < PROFILES * 2; i++) {
    const user = pick(users);
    const at = new Date(now - random() * 365 * 86_400_000);
    const hack = pick(hackIds);
    memberships.set(`${hack} ${user}`, {
      post_id: hack,
      user_ref: user,
      created_at: at,
    });
    const post = pick(otherIds);
    interests.set(`${post} ${user}`, {
      post_id: post,
      user_ref: user,
      message: '',
      status: pick(['pending', 'accepted', 'declined']),
      created_at: at,
      updated_at: at,
    });
  }
  await knex.batchInsert('memberships', [...memberships.values()], 100);
  await knex.batchInsert('interests', [...interests.values()], 100);
  await knex.raw('ANALYZE');
  return users;
}

/** Runs `fn` 3 times to warm up, then RUNS times; returns p50 and p95 in ms. */
async function time(fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
  return { p50: at(0.5), p95: at(0.95) };
}

async function main() {
  const { knex, cleanup } = await openDatabase();
  try {
    const seedStart = Date.now();
    const stores = await createStores({
      database: { getClient: async () => knex },
    });
    const users = await seed(knex, stores);
    const seedSeconds = (Date.now() - seedStart) / 1000;

    // The real router; only identity, permissions and the side-effect
    // services are replaced, since a benchmark has no signed-in people.
    const silent = {
      info() {},
      warn() {},
      error() {},
      debug() {},
      child() {
        return silent;
      },
    } as unknown as LoggerService;
    const httpAuth = {
      async credentials(req: express.Request) {
        return {
          $$type: '@backstage/BackstageCredentials',
          principal: {
            type: 'user',
            userEntityRef: String(req.headers['x-bench-user']),
          },
        };
      },
    } as unknown as HttpAuthService;
    const permissions = {
      async authorize(requests: unknown[]) {
        return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
      },
      async authorizeConditional(requests: unknown[]) {
        return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
      },
    } as unknown as PermissionsService;
    const permissionsRegistry = {
      getPermissionRuleset: () => ({ getRuleByName: () => undefined }),
    } as unknown as PermissionsRegistryService;
    const auditor = {
      async createEvent() {
        return { async success() {}, async fail() {} };
      },
    } as unknown as AuditorService;
    const notifications = { async send() {} } as NotificationService;
    const services = createServices({
      stores,
      permissions,
      permissionsRegistry,
      notifications,
      logger: silent,
      // The catalog knows one group, TEAMS[0], with its members (as profiles say).
      catalog: {
        getEntityByRef: async (ref: string) =>
          ref === TEAMS[0]
            ? {
                kind: 'Group',
                metadata: { name: 'team-0' },
                relations: users
                  .filter((_u, i) => i % TEAMS.length === 0)
                  .map(targetRef => ({ type: 'hasMember', targetRef })),
              }
            : undefined,
      } as any,
      auth: { getOwnServiceCredentials: async () => ({}) } as any,
    });
    const router = createRouter({ services, httpAuth, auditor });
    const app = express();
    app.use('/api/skill-exchange', router);
    const server = app.listen(0);
    // The HTTP connection idles while the SQL-only timings run; keep it open
    // longer than Node's 5 s default so a reused socket is never reset.
    server.keepAliveTimeout = 120_000;
    const port = (server.address() as AddressInfo).port;
    const me = users[7];
    const get = async (pathAndQuery: string) => {
      const res = await fetch(
        `http://127.0.0.1:${port}/api/skill-exchange${pathAndQuery}`,
        { headers: { 'x-bench-user': me } },
      );
      if (!res.ok) {
        throw new Error(`${pathAndQuery}: ${res.status} ${await res.text()}`);
      }
      return res.json();
    };

    const skill = async (name: string) =>
      (await knex('skills').where('name_lower', name).first()).id as number;
    const kubernetes = await skill('kubernetes');
    const go = await skill('go');
    const samplePost = (
      await knex('posts')
        .join('post_skills', 'post_skills.post_id', 'posts.id')
        .where('post_skills.skill_id', kubernetes)
        .first('posts.id')
    ).id;

    const page = (sql: string) => `${sql} LIMIT 20 OFFSET 0`;
    const scenarios: Array<{
      name: string;
      api: string;
      sql?: { count: string; page: string; bindings: Knex.RawBinding[] };
    }> = [
      {
        name: 'list: open embeds, newest',
        api: '/posts?kind=embed&status=open&limit=20',
        sql: {
          count: `SELECT COUNT(*) AS c FROM posts WHERE kind = ? AND status = ?`,
          page: page(
            `SELECT * FROM posts WHERE kind = ? AND status = ? ORDER BY created_at DESC, id DESC`,
          ),
          bindings: ['embed', 'open'],
        },
      },
      {
        name: 'list: skill kubernetes',
        api: '/posts?skills=k8s&limit=20',
        sql: {
          count: `SELECT COUNT(*) AS c FROM posts WHERE EXISTS (SELECT 1 FROM post_skills ps WHERE ps.post_id = posts.id AND ps.skill_id = ?)`,
          page: page(
            `SELECT * FROM posts WHERE EXISTS (SELECT 1 FROM post_skills ps WHERE ps.post_id = posts.id AND ps.skill_id = ?) ORDER BY created_at DESC, id DESC`,
          ),
          bindings: [kubernetes],
        },
      },
      {
        name: 'list: embed+team+location+level',
        api: `/posts?kind=embed&team=${encodeURIComponent(
          TEAMS[3],
        )}&location=remote&level=3&limit=20`,
      },
      {
        name: 'list: saved=me',
        api: '/posts?saved=me&limit=20',
      },
      {
        name: 'text search "kafka"',
        api: '/posts?q=kafka&limit=20',
        sql: {
          count: `SELECT COUNT(*) AS c FROM posts WHERE title_lower LIKE ? OR LOWER(description) LIKE ?`,
          page: page(
            `SELECT * FROM posts WHERE title_lower LIKE ? OR LOWER(description) LIKE ? ORDER BY created_at DESC, id DESC`,
          ),
          bindings: ['%kafka%', '%kafka%'],
        },
      },
      {
        name: 'text search "embed 4242"',
        api: `/posts?q=${encodeURIComponent('embed 4242')}&limit=20`,
        sql: {
          count: `SELECT COUNT(*) AS c FROM posts WHERE title_lower LIKE ? OR LOWER(description) LIKE ?`,
          page: page(
            `SELECT * FROM posts WHERE title_lower LIKE ? OR LOWER(description) LIKE ? ORDER BY created_at DESC, id DESC`,
          ),
          bindings: ['%embed 4242%', '%embed 4242%'],
        },
      },
      {
        name: 'experts: go+kubernetes >= 3',
        api: '/experts?skills=go,kubernetes&minLevel=3&limit=20',
        sql: {
          count: `SELECT COUNT(*) AS c FROM (SELECT ps.user_ref FROM profile_skills ps WHERE ps.skill_id IN (?, ?) AND ps.level >= 3 GROUP BY ps.user_ref HAVING COUNT(DISTINCT ps.skill_id) = 2) m`,
          page: page(
            `SELECT ps.user_ref, SUM(ps.level) AS score FROM profile_skills ps WHERE ps.skill_id IN (?, ?) AND ps.level >= 3 GROUP BY ps.user_ref HAVING COUNT(DISTINCT ps.skill_id) = 2 ORDER BY score DESC, ps.user_ref`,
          ),
          bindings: [go, kubernetes],
        },
      },
      {
        name: 'matching: posts for me',
        api: '/matches/me?limit=20',
        sql: {
          count: `SELECT COUNT(*) AS c FROM (SELECT pk.post_id FROM post_skills pk JOIN posts p ON p.id = pk.post_id JOIN profile_skills ps ON ps.skill_id = pk.skill_id AND ps.user_ref = ? WHERE p.status = 'open' AND p.owner <> ? GROUP BY pk.post_id) m`,
          page: page(
            `SELECT pk.post_id, SUM(CASE WHEN ps.learning THEN 3 ELSE 0 END) + SUM(COALESCE(ps.level, 0)) AS score FROM post_skills pk JOIN posts p ON p.id = pk.post_id JOIN profile_skills ps ON ps.skill_id = pk.skill_id AND ps.user_ref = ? WHERE p.status = 'open' AND p.owner <> ? GROUP BY pk.post_id, p.created_at ORDER BY score DESC, p.created_at DESC, pk.post_id DESC`,
          ),
          bindings: [me, me],
        },
      },
      {
        name: 'matching: people for a post',
        api: `/posts/${samplePost}/matches?limit=20`,
      },
      {
        name: 'growth activities of me',
        api: '/profiles/me/activities?limit=10',
      },
      {
        name: `team skills of ${PROFILES / TEAMS.length} members`,
        api: `/teams/skills?group=${encodeURIComponent(TEAMS[0])}`,
      },
    ];

    const rows: string[][] = [];
    for (const scenario of scenarios) {
      const sample = await get(scenario.api);
      const api = await time(() => get(scenario.api));
      let sql: { p50: number; p95: number } | undefined;
      if (scenario.sql) {
        const { count, page: pageSql, bindings } = scenario.sql;
        sql = await time(async () => {
          await knex.raw(count, bindings);
          await knex.raw(pageSql, bindings);
        });
      }
      rows.push([
        scenario.name,
        String(sample.totalItems ?? sample.skills?.length ?? ''),
        api.p50.toFixed(1),
        api.p95.toFixed(1),
        sql ? sql.p50.toFixed(1) : '-',
        sql ? sql.p95.toFixed(1) : '-',
        sql ? `${(api.p50 / sql.p50).toFixed(1)}x` : '-',
      ]);
    }
    server.close();

    const header = [
      'query',
      'total',
      'API p50',
      'API p95',
      'SQL p50',
      'SQL p95',
      'API/SQL',
    ];
    const widths = header.map((h, i) =>
      Math.max(h.length, ...rows.map(r => r[i].length)),
    );
    const line = (cells: string[]) =>
      `| ${cells
        .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
        .join(' | ')} |`;
    // eslint-disable-next-line no-console
    console.log(
      [
        `Skill Exchange benchmark on ${
          DB === 'pg' ? 'PostgreSQL' : 'SQLite'
        }: ${POSTS} posts, ${PROFILES} profiles (seeded in ${seedSeconds.toFixed(
          0,
        )} s), ${RUNS} runs per query, times in ms`,
        '',
        line(header),
        `|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`,
        ...rows.map(line),
        '',
        'API = HTTP request through the plugin router (count + page + hydration);',
        'SQL = the same count and page query through knex.raw, without hydration.',
      ].join('\n'),
    );
  } finally {
    await cleanup();
  }
}

main().catch(error => {
  // eslint-disable-next-line no-console
  console.error(
    String(error?.message ?? error).slice(0, 2000),
    error?.cause ?? '',
  );
  process.exit(1);
});
