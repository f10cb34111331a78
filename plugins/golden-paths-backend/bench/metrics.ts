/*
 * Benchmark of the metrics aggregates (the work behind GET /metrics) with
 * 10k people x 30 steps of journeys and a pull request history (0-20 merged
 * PRs each, 70% with a catalog start date), against raw SQL over the source
 * tables for the same question (bench/references.ts): per path and step the
 * completions, median and p90 (PostgreSQL's percentile_cont; on SQLite,
 * which has none, the same interpolation by hand over window functions);
 * on SQLite also the plain count-and-average floor. The onboarding times
 * (from the start date, by start month) are compared on their own too. The
 * script checks that the store (the rollup and the live query) and the
 * references give the same answers before timing; API and reference runs
 * are interleaved.
 *
 *   yarn bench [--json]   (SQLite in a temp file, and PostgreSQL if
 *                          GP_BENCH_PG=postgresql://postgres@127.0.0.1:5432 is set;
 *                          GP_BENCH_PEOPLE, GP_BENCH_RUNS)
 *
 * Prints p50/p95/p99 over the runs and the ratios to the references,
 * against the target of at most 2x.
 */
/* eslint-disable no-console */
import knexFactory, { Knex } from 'knex';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { GoldenPath } from '@onramp/backstage-plugin-golden-paths-common';
import { KnexMetricsStore } from '../src/database/MetricsStore';
import { refreshStepMetrics } from '../src/database/StepMetricsRollup';
import { computeMetrics } from '../src/service/metrics';
import { GoldenPathRegistry } from '../src/service/paths';
import {
  checkOnboarding,
  checkSteps,
  ONBOARDING_OPTIONS,
  onboardingReference,
  raw as rawQuery,
  STEPS_PLAIN_AGGREGATE,
  stepsReference,
} from './references';

const PEOPLE = Number(process.env.GP_BENCH_PEOPLE ?? 10_000);
const STEPS = 30;
const COHORTS = 12;
const RUNS = Number(process.env.GP_BENCH_RUNS ?? 15);
const HOUR = 3_600_000;
const TARGET = 2;
const JSON_OUTPUT = process.argv.includes('--json');

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
  const members: any[] = [];
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
    // 80% are in one of the cohorts; a third opened a PR the SCM reported
    // as evidence, some before their first merge.
    if (next() < 0.8) {
      members.push({
        cohort_id: `cohort-${p % COHORTS}`,
        user_entity_ref: user,
      });
    }
    if (next() < 0.33) {
      evidence.push({
        user_entity_ref: user,
        path_id: '',
        step_id: '',
        evidence_id: `${id}-pr`,
        key: 'pr.opened',
        occurred_at: started + Math.floor(next() * 4 * 24 * HOUR),
        recorded_at: started,
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
  await db.batchInsert(
    'gp_cohorts',
    Array.from({ length: COHORTS }, (_, c) => ({
      id: `cohort-${c}`,
      title: `Cohort ${c}`,
      start_date: '2026-01-05',
      owner: 'group:default/platform',
      created_at: t0,
      updated_at: t0,
    })),
    500,
  );
  await db.batchInsert('gp_cohort_members', members, 500);
  if (db.client.config.client === 'pg') {
    // The statistics autovacuum would gather a minute later, so that the
    // plans do not change halfway through the runs.
    await db.raw('ANALYZE');
  }
  return {
    rows: progress.length,
    merges: merges.length,
    dated: people.length,
    members: members.length,
  };
}

type Timing = { p50: number; p95: number; p99: number };

function pct(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** Times each function RUNS times after a warm-up, interleaved run by run. */
async function time(...fns: Array<() => Promise<unknown>>): Promise<Timing[]> {
  const samples = fns.map(() => [] as number[]);
  for (const fn of fns) await fn(); // warm up
  for (let i = 0; i < RUNS; i++) {
    for (const [k, fn] of fns.entries()) {
      const start = process.hrtime.bigint();
      await fn();
      samples[k].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return samples.map(s => ({
    p50: pct(s, 0.5),
    p95: pct(s, 0.95),
    p99: pct(s, 0.99),
  }));
}

const ms = (t: Timing) =>
  `p50 ${t.p50.toFixed(1)}  p95 ${t.p95.toFixed(1)}  p99 ${t.p99.toFixed(
    1,
  )} ms`;

function ratio(a: Timing, b: Timing) {
  const r = a.p50 / b.p50;
  return `${r.toFixed(2)}x (target at most ${TARGET}x: ${
    r <= TARGET ? 'met' : 'NOT met'
  })`;
}

async function bench(name: string, db: Knex) {
  const { rows, merges, dated, members } = await seed(db);
  const store = KnexMetricsStore.create(db);
  // The seed wrote around the plugin (like an import): the scheduled
  // rebuild brings the rollup in step.
  const rebuildStart = Date.now();
  const rebuilt = await store.rebuildStepMetrics(Date.now());
  const rebuildMs = Date.now() - rebuildStart;
  const stepsChecked = await checkSteps(db, store);
  const onboardingChecked = await checkOnboarding(db, store);
  const paths = new GoldenPathRegistry([benchPath]);
  const api = () =>
    computeMetrics({
      store,
      paths,
      query: {},
      deployEvidenceKey: 'deploy.healthy',
      pullRequests: true,
      minimumGroupSize: 5,
      now: Date.now(),
    });
  const pg = db.client.config.client === 'pg';
  const [endpoint, raw, floor] = await time(
    api,
    () => rawQuery(db, stepsReference(db)),
    ...(pg ? [] : [() => rawQuery(db, STEPS_PLAIN_AGGREGATE)]),
  );
  const [onboarding, onboardingRaw] = await time(
    () => store.onboarding({}, ONBOARDING_OPTIONS),
    () => rawQuery(db, onboardingReference(db)),
  );
  // The write side: what a completion adds, refreshing its step's row.
  const journey = await db('gp_journeys').first('id');
  const [refresh] = await time(() =>
    db.transaction(tx =>
      refreshStepMetrics(tx, [{ journeyId: journey.id, stepId: 'step-15' }]),
    ),
  );
  const parts: Record<string, () => Promise<unknown>> = {
    completionByPath: () => store.completionByPath({}),
    completionByCohort: () => store.completionByCohort({}),
    timeToComplete: () => store.timeToComplete({}),
    timeToFirstEvidence: () =>
      store.timeToFirstEvidence({}, 'template.succeeded'),
    'steps (rollup)': () => store.steps({}),
    'steps (live)': () => store.steps({}, { live: true }),
    onboarding: () => store.onboarding({}, ONBOARDING_OPTIONS),
  };
  const breakdown: Record<string, number> = {};
  for (const [part, fn] of Object.entries(parts)) {
    breakdown[part] = (await time(fn))[0].p50;
  }
  if (JSON_OUTPUT) {
    console.log(
      JSON.stringify({
        engine: name,
        people: PEOPLE,
        runs: RUNS,
        metrics: endpoint,
        stepsReference: raw,
        ...(floor ? { stepsPlainAggregate: floor } : {}),
        onboarding,
        onboardingReference: onboardingRaw,
        rollupRebuildMs: rebuildMs,
        rollupRefreshPerCompletion: refresh,
        breakdownP50: breakdown,
      }),
    );
    return;
  }
  console.log(
    [
      `${name}: ${PEOPLE} people (${dated} with a start date, ${members} in ${COHORTS} cohorts), ${rows} step completions, ${merges} merged PRs, ${RUNS} runs`,
      `  checked: ${stepsChecked}; ${onboardingChecked}`,
      `  metrics (whole GET /metrics)   ${ms(endpoint)}`,
      `  raw SQL per-step figures       ${ms(raw)}`,
      `  ratio (p50) ${ratio(endpoint, raw)}`,
      ...(floor
        ? [
            `  raw SQL count+avg (no median)  ${ms(floor)}`,
            `  ratio to count+avg (p50) ${ratio(endpoint, floor)}`,
          ]
        : []),
      `  onboarding times (store)       ${ms(onboarding)}`,
      `  onboarding raw SQL             ${ms(onboardingRaw)}`,
      `  onboarding ratio (p50) ${ratio(onboarding, onboardingRaw)}`,
      `  step rollup: full rebuild ${rebuildMs} ms (${
        rebuilt.groups
      } steps); refresh per completion ${ms(refresh)}`,
      `  per query (p50):`,
      ...Object.entries(breakdown).map(
        ([part, p50]) => `    ${part}: ${p50.toFixed(1)} ms`,
      ),
    ].join('\n'),
  );
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gp-bench-'));
  const sqlite = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(dir, 'bench.sqlite') },
    useNullAsDefault: true,
  });
  try {
    await bench('SQLite', sqlite);
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
      await bench('PostgreSQL', db);
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
