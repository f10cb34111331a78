/*
 * Benchmark of the metrics aggregates (the work behind GET /metrics) with
 * 10k people x 30 steps of journeys and a pull request history (0-20 merged
 * PRs each, 70% with a catalog start date), against raw SQL for the same
 * aggregate (PostgreSQL's percentile_cont; SQLite has none, so there the
 * reference is the plain aggregate without medians). The onboarding times
 * (from the start date, by start month) are compared on their own too: the
 * reference answers the same question (median days to the 10th merged PR
 * overall and per start month) and the script checks it gets the same
 * counts (and on PostgreSQL the same medians) before timing.
 *
 *   yarn bench            (SQLite in a temp file, and PostgreSQL if
 *                          GP_BENCH_PG=postgresql://postgres@127.0.0.1:5432 is set)
 *
 * Prints p50/p95 over the runs and the ratio to the reference.
 */
/* eslint-disable no-console */
import knexFactory, { Knex } from 'knex';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { GoldenPath } from '@onramp/backstage-plugin-golden-paths-common';
import { KnexMetricsStore } from '../src/database/MetricsStore';
import { roundedOrNull } from '../src/database/percentile';
import { computeMetrics } from '../src/service/metrics';
import { GoldenPathRegistry } from '../src/service/paths';

const PEOPLE = Number(process.env.GP_BENCH_PEOPLE ?? 10_000);
const STEPS = 30;
const RUNS = Number(process.env.GP_BENCH_RUNS ?? 15);
const HOUR = 3_600_000;

const benchPath: GoldenPath = {
  id: 'bench-path',
  version: 1,
  title: 'Bench',
  discipline: 'Backend',
  owner: 'group:default/backend',
  description: 'benchmark',
  steps: Array.from({ length: STEPS }, (_, i) => ({
    id: `step-${i}`,
    title: `Step ${i}`,
    rule: { type: 'evidence' as const, key: `key.${i}` },
  })),
};

async function seed(db: Knex) {
  await db.migrate.latest({
    directory: path.resolve(__dirname, '../migrations'),
  });
  const t0 = Date.parse('2026-01-01T00:00:00Z');
  let random = 42;
  const next = () => {
    random = (random * 1103515245 + 12345) % 2147483648;
    return random / 2147483648;
  };
  const people: any[] = [];
  const merges: any[] = [];
  const journeys: any[] = [];
  const progress: any[] = [];
  const evidence: any[] = [];
  for (let p = 0; p < PEOPLE; p++) {
    const id = randomUUID();
    const user = `user:default/person-${p}`;
    const started = t0 + p * 60_000;
    // Everyone gets somewhere; a quarter finishes.
    const reached = next() < 0.25 ? STEPS : Math.floor(next() * STEPS);
    let at = started;
    for (let s = 0; s < reached; s++) {
      const duration = Math.floor(next() * 5 * HOUR) + 60_000;
      at += duration;
      progress.push({
        journey_id: id,
        step_id: `step-${s}`,
        check_id: '',
        source: 'evidence',
        evidence_id: `${id}-${s}`,
        evidence_key: `key.${s}`,
        completed_at: at,
        duration_ms: duration,
      });
      if (s === 1 || s === 2) {
        evidence.push({
          user_entity_ref: user,
          path_id: '',
          step_id: '',
          evidence_id: `${id}-${s}`,
          key: s === 1 ? 'template.succeeded' : 'deploy.healthy',
          occurred_at: at,
          recorded_at: at,
        });
      }
    }
    // 70% have a start date 0-13 days before their journey start.
    if (next() < 0.7) {
      const day = new Date(started - Math.floor(next() * 14) * 24 * HOUR)
        .toISOString()
        .slice(0, 10);
      people.push({
        user_entity_ref: user,
        start_date: day,
        start_at: Date.parse(`${day}T00:00:00Z`),
        synced_at: started,
      });
    }
    const prs = Math.floor(next() * 21);
    for (let k = 0; k < prs; k++) {
      merges.push({
        source: 'bench',
        pr_id: `${p}-${k}`,
        repository: `r${p % 50}`,
        user_entity_ref: user,
        merged_at: started + Math.floor((k + next()) * 2 * 24 * HOUR),
      });
    }
    journeys.push({
      id,
      user_entity_ref: user,
      path_id: benchPath.id,
      status: reached === STEPS ? 'completed' : 'active',
      started_at: started,
      completed_at: reached === STEPS ? at : null,
      last_activity_at: at,
      version: 1,
    });
  }
  await db.batchInsert('gp_journeys', journeys, 500);
  await db.batchInsert('gp_step_progress', progress, 500);
  await db.batchInsert('gp_evidence', evidence, 500);
  await db.batchInsert('gp_people', people, 500);
  await db.batchInsert('gp_merged_prs', merges, 500);
  return { rows: progress.length, merges: merges.length, dated: people.length };
}

function pct(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

async function time(fn: () => Promise<unknown>) {
  const samples: number[] = [];
  await fn(); // warm up
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { p50: pct(samples, 0.5), p95: pct(samples, 0.95) };
}

async function bench(name: string, db: Knex, reference: string) {
  const { rows, merges, dated } = await seed(db);
  const store = KnexMetricsStore.create(db);
  const paths = new GoldenPathRegistry([benchPath]);
  const endpoint = await time(() =>
    computeMetrics({
      store,
      paths,
      query: {},
      deployEvidenceKey: 'deploy.healthy',
      pullRequests: true,
      minimumGroupSize: 5,
      now: Date.now(),
    }),
  );
  const raw = await time(() => db.raw(reference));
  const onboarding = await compareOnboarding(db, store);
  const parts: Record<string, () => Promise<unknown>> = {
    completionByPath: () => store.completionByPath({}),
    completionByCohort: () => store.completionByCohort({}),
    timeToComplete: () => store.timeToComplete({}),
    timeToFirstEvidence: () =>
      store.timeToFirstEvidence({}, 'template.succeeded'),
    steps: () => store.steps({}),
    onboarding: () =>
      store.onboarding({}, { deployEvidenceKey: 'deploy.healthy', nth: 10 }),
  };
  const breakdown: string[] = [];
  for (const [part, fn] of Object.entries(parts)) {
    const t = await time(fn);
    breakdown.push(`    ${part}: p50 ${t.p50.toFixed(1)} ms`);
  }
  console.log(
    `${name}: ${PEOPLE} people (${dated} with a start date), ${rows} step completions, ${merges} merged PRs, ${RUNS} runs\n` +
      `  metrics  p50 ${endpoint.p50.toFixed(1)} ms  p95 ${endpoint.p95.toFixed(
        1,
      )} ms\n` +
      `  raw SQL  p50 ${raw.p50.toFixed(1)} ms  p95 ${raw.p95.toFixed(
        1,
      )} ms\n` +
      `  ratio (p50) ${(endpoint.p50 / raw.p50).toFixed(2)}x\n` +
      `  onboarding times (store)  p50 ${onboarding.store.p50.toFixed(
        1,
      )} ms  p95 ${onboarding.store.p95.toFixed(1)} ms\n` +
      `  onboarding raw SQL        p50 ${onboarding.raw.p50.toFixed(
        1,
      )} ms  p95 ${onboarding.raw.p95.toFixed(1)} ms  (${
        onboarding.checked
      })\n` +
      `  onboarding ratio (p50) ${(
        onboarding.store.p50 / onboarding.raw.p50
      ).toFixed(2)}x\n` +
      `  per query:\n${breakdown.join('\n')}`,
  );
}

/**
 * The same question as the store's onboarding times, asked in plain SQL:
 * per person the origin (start date, else first journey start) and the
 * 10th merged PR at or after it; per start month and overall the count
 * and (PostgreSQL) the median. Checked against the store before timing.
 */
async function compareOnboarding(db: Knex, store: KnexMetricsStore) {
  const pg = db.client.config.client === 'pg';
  const month = pg
    ? `to_char(to_timestamp(o.origin / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM')`
    : `strftime('%Y-%m', o.origin / 1000, 'unixepoch')`;
  const percentiles = pg
    ? `percentile_cont(0.5) WITHIN GROUP (ORDER BY x.dur) AS median,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY x.dur) AS p90`
    : 'NULL AS median, NULL AS p90';
  const sql = `WITH o AS (
      SELECT j.user_entity_ref,
        COALESCE(MIN(p.start_at), MIN(j.started_at)) AS origin
      FROM gp_journeys j LEFT JOIN gp_people p
        ON p.user_entity_ref = j.user_entity_ref
      GROUP BY j.user_entity_ref
    ), x AS (
      SELECT ${month} AS month, (
        SELECT m.merged_at FROM gp_merged_prs m
        WHERE m.user_entity_ref = o.user_entity_ref AND m.merged_at >= o.origin
        ORDER BY m.merged_at LIMIT 1 OFFSET 9
      ) - o.origin AS dur
      FROM o
    )
    SELECT month, COUNT(dur) AS cnt, ${percentiles}
    FROM x GROUP BY month ORDER BY month`;
  const options = { deployEvidenceKey: 'deploy.healthy', nth: 10 };
  const ours = await store.onboarding({}, options);
  const result = await db.raw(sql);
  const reference: any[] = Array.isArray(result) ? result : result.rows;
  for (const r of reference) {
    const row = ours.find(
      o => o.group.kind === 'month' && o.group.month === r.month,
    );
    // PostgreSQL's percentile_cont is the store's definition (percentile.ts),
    // which rounds to whole milliseconds.
    const sameAs = (value: number | null, expected: unknown) =>
      value === roundedOrNull(expected);
    const same =
      row &&
      row.tenthMergedPr.count === Number(r.cnt) &&
      (!pg ||
        (sameAs(row.tenthMergedPr.medianMs, r.median) &&
          sameAs(row.tenthMergedPr.p90Ms, r.p90)));
    if (!same) {
      throw new Error(
        `Onboarding times differ from the reference for ${
          r.month
        }: ${JSON.stringify(row?.tenthMergedPr)} vs ${JSON.stringify(r)}`,
      );
    }
  }
  return {
    store: await time(() => store.onboarding({}, options)),
    raw: await time(() => db.raw(sql)),
    checked: `${reference.length} start months, same counts${
      pg ? ', medians and p90 as percentile_cont' : ''
    }`,
  };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gp-bench-'));
  const sqlite = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(dir, 'bench.sqlite') },
    useNullAsDefault: true,
  });
  try {
    await bench(
      'SQLite',
      sqlite,
      `SELECT j.path_id, p.step_id, COUNT(*) AS completed,
         AVG(p.duration_ms) AS mean_ms
       FROM gp_step_progress p JOIN gp_journeys j ON j.id = p.journey_id
       WHERE p.check_id = '' GROUP BY j.path_id, p.step_id`,
    );
  } finally {
    await sqlite.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const pg = process.env.GP_BENCH_PG;
  if (pg) {
    const database = `gp_bench_${process.pid}`;
    const admin = knexFactory({ client: 'pg', connection: pg });
    await admin.raw(`CREATE DATABASE ${database}`);
    const db = knexFactory({
      client: 'pg',
      connection: `${pg.replace(/\/$/, '')}/${database}`,
    });
    try {
      await bench(
        'PostgreSQL',
        db,
        `SELECT j.path_id, p.step_id, COUNT(*) AS completed,
           percentile_cont(0.5) WITHIN GROUP (
             ORDER BY p.duration_ms
           ) AS median_ms
         FROM gp_step_progress p JOIN gp_journeys j ON j.id = p.journey_id
         WHERE p.check_id = '' GROUP BY j.path_id, p.step_id`,
      );
    } finally {
      await db.destroy();
      await admin.raw(`DROP DATABASE ${database}`);
      await admin.destroy();
    }
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
