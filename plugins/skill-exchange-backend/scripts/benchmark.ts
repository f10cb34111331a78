/*
 * Skill Exchange benchmark: seeds a fresh database with N posts and M
 * profiles, starts the plugin with the real permission backend and Onramp's
 * policy, checks that each scenario's API answer and its SQL baseline agree
 * (same ids, same total), then times them interleaved (API then SQL, SQL then
 * API, alternately). Prints p50/p95/p99 in ms and the targets; asserts
 * nothing, exits by itself.
 *
 *   yarn workspace @onramp/backstage-plugin-skill-exchange-backend bench \
 *     [--db sqlite|pg] [--posts 100000] [--profiles 20000] [--runs 50] [--json]
 *     [--only TEXT]
 *
 * --db pg uses BENCH_PG_URL (default postgresql://postgres@127.0.0.1:5432):
 * a scratch database is created there and dropped afterwards; planner
 * settings come from PGOPTIONS (e.g. PGOPTIONS='-c random_page_cost=1.1'),
 * and the header names random_page_cost. --only times
 * just the scenarios whose name contains TEXT (e.g. `--only matching`).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import knexFactory, { Knex } from 'knex';
import { createStores } from '../src/database';
import { startBenchBackend } from './bench/backend';
import { Answer, buildScenarios } from './bench/scenarios';
import { seed, TEAMS } from './bench/seed';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const DB =
  option('db', process.env.BENCH_DB ?? 'sqlite') === 'pg' ? 'pg' : 'sqlite';
const POSTS = Number(option('posts', process.env.BENCH_POSTS ?? '100000'));
const PROFILES = Number(
  option('profiles', process.env.BENCH_PROFILES ?? String(POSTS / 5)),
);
const RUNS = Number(option('runs', process.env.BENCH_RUNS ?? '50'));
const JSON_OUTPUT = process.argv.includes('--json');
const ONLY = option('only', '');
const PG_URL =
  process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432';

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
        await admin.raw(`DROP DATABASE ${name} WITH (FORCE)`);
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

/** The q-quantile of sorted samples (nearest rank). */
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
  };
};

const same = (a: Answer, b: Answer) =>
  JSON.stringify(a.ids) === JSON.stringify(b.ids) &&
  a.total === b.total &&
  Boolean(a.totalIsLowerBound) === Boolean(b.totalIsLowerBound);

async function timed(fn: () => Promise<unknown>) {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function main() {
  const { knex, cleanup } = await openDatabase();
  try {
    const seedStart = Date.now();
    const stores = await createStores({
      database: { getClient: async () => knex },
    });
    const users = await seed(knex, stores, {
      posts: POSTS,
      profiles: PROFILES,
    });
    const seedSeconds = (Date.now() - seedStart) / 1000;
    const backend = await startBenchBackend(knex);
    const me = users[7];
    const scenarios = await buildScenarios({
      knex,
      me,
      team: TEAMS[3],
      call: (method, p, body) => backend.call(method, p, me, body),
    });

    const results = [];
    for (const scenario of scenarios.filter(s => s.name.includes(ONLY))) {
      const scenarioStart = Date.now();
      // eslint-disable-next-line no-console
      console.error(`${scenario.name}: checking, then ${RUNS} runs`);
      // The same question first: equal ids and totals, or no timing at all.
      const [api, sql] = [await scenario.api(), await scenario.sql()];
      if (!same(api, sql)) {
        throw new Error(
          `${
            scenario.name
          }: the API and the baseline disagree\nAPI ${JSON.stringify(
            api,
          )}\nSQL ${JSON.stringify(sql)}`,
        );
      }
      for (let i = 0; i < 3; i++) {
        await scenario.api();
        await scenario.sql();
      }
      const apiMs: number[] = [];
      const sqlMs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        try {
          if (i % 2) {
            sqlMs.push(await timed(scenario.sql));
            apiMs.push(await timed(scenario.api));
          } else {
            apiMs.push(await timed(scenario.api));
            sqlMs.push(await timed(scenario.sql));
          }
        } catch (error) {
          throw new Error(`${scenario.name}, run ${i + 1}: ${error}`, {
            cause: error,
          });
        }
      }
      // eslint-disable-next-line no-console
      console.error(
        `${scenario.name}: done in ${(
          (Date.now() - scenarioStart) /
          1000
        ).toFixed(1)} s`,
      );
      results.push({
        name: scenario.name,
        kind: scenario.kind,
        total: `${api.total}${api.totalIsLowerBound ? '+' : ''}`,
        api: stats(apiMs),
        sql: stats(sqlMs),
      });
    }
    await backend.stop();

    const targets = results.map(r => ({
      name: r.name,
      readP95Under50: r.kind === 'read' ? r.api.p95 < 50 : undefined,
      apiWithin2xSql: r.api.p50 <= 2 * r.sql.p50,
    }));
    const engine = DB === 'pg' ? 'PostgreSQL' : 'SQLite';
    // The planner's cost of a random page read decides, at 100k posts,
    // whether a common word's search reads the GIN index or every row
    // (README, "Benchmark"): printed with the figures it shaped.
    const randomPageCost: string | undefined =
      DB === 'pg'
        ? (await knex.raw('SHOW random_page_cost')).rows[0].random_page_cost
        : undefined;
    if (JSON_OUTPUT) {
      // eslint-disable-next-line no-console
      console.log(
        JSON.stringify(
          {
            engine,
            ...(randomPageCost
              ? { randomPageCost: Number(randomPageCost) }
              : {}),
            posts: POSTS,
            profiles: PROFILES,
            runs: RUNS,
            seedSeconds,
            results,
            targets,
          },
          null,
          2,
        ),
      );
      return;
    }
    const f = (n: number) => n.toFixed(1);
    const header = [
      'scenario',
      'total',
      'API p50',
      'p95',
      'p99',
      'SQL p50',
      'p95',
      'p99',
      'API/SQL',
      'targets',
    ];
    const rows = results.map((r, i) => [
      r.name,
      r.total,
      f(r.api.p50),
      f(r.api.p95),
      f(r.api.p99),
      f(r.sql.p50),
      f(r.sql.p95),
      f(r.sql.p99),
      `${(r.api.p50 / r.sql.p50).toFixed(1)}x`,
      [
        targets[i].readP95Under50 === undefined
          ? ''
          : `p95<50 ${targets[i].readP95Under50 ? 'yes' : 'NO'}`,
        `<=2x ${targets[i].apiWithin2xSql ? 'yes' : 'NO'}`,
      ]
        .filter(Boolean)
        .join(', '),
    ]);
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
        `Skill Exchange benchmark on ${engine}${
          randomPageCost ? ` (random_page_cost ${randomPageCost})` : ''
        }: ${POSTS} posts, ${PROFILES} profiles (seeded in ${seedSeconds.toFixed(
          0,
        )} s), ${RUNS} interleaved runs per scenario, times in ms`,
        '',
        line(header),
        `|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`,
        ...rows.map(line),
        '',
        'API = HTTP request through the plugin (sign-in, real permission backend and',
        "Onramp's policy, count + page + hydration); SQL = the same question through",
        'knex (same filters, joins, order, page and total), checked equal first.',
        'Targets (printed, not asserted): read p95 < 50 ms; API p50 <= 2x SQL p50.',
      ].join('\n'),
    );
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  error => {
    // eslint-disable-next-line no-console
    console.error(
      String(error?.stack ?? error?.message ?? error).slice(0, 3000),
      error?.cause ?? '',
    );
    process.exit(1);
  },
);
