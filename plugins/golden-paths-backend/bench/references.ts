/*
 * The raw SQL references of the metrics benchmark: hand-written statements
 * over the source tables (never the rollup) that ask the same questions as
 * the store, and the checks that they get the same answers.
 */
import { Knex } from 'knex';
import { withoutJit } from '../src/database/metricsSql';
import { MetricsStore } from '../src/database/MetricsStore';
import { OnboardingRow } from '../src/database/onboardingSql';
import { roundedOrNull } from '../src/database/percentile';

function rowsOf(result: any): any[] {
  return Array.isArray(result) ? result : result.rows;
}

/**
 * A reference statement's rows, run as the store runs its statements: on
 * PostgreSQL without JIT compilation (see metricsSql.ts), so that the ratio
 * compares the SQL and not a server setting.
 */
export async function raw(db: Knex, sql: string): Promise<any[]> {
  if (db.client.config.client !== 'pg') {
    return rowsOf(await db.raw(sql));
  }
  return withoutJit(db, async tx => rowsOf(await tx.raw(sql)));
}

/**
 * Median and p90 columns of `value` over `rows` (a CTE with `rn`, the rank
 * from 1 in ascending order, and `n`, the count, per group), written out:
 * PostgreSQL's `percentile_cont` (type 7, linear between closest ranks);
 * on SQLite the same interpolation by hand, x[lo] + f (x[lo + 1] - x[lo])
 * with lo = 1 + floor(p (n - 1)).
 */
function percentiles(pg: boolean, value: string) {
  if (pg) {
    return `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${value}) AS median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY ${value}) AS p90`;
  }
  const at = (p: number) => {
    const lo = `(1 + (n - 1) * ${p} / 100)`;
    const f = `(((n - 1) * ${p}) % 100) / 100.0`;
    const x = (rank: string) => `MAX(CASE WHEN rn = ${rank} THEN ${value} END)`;
    return `${x(lo)} + ${f} * (COALESCE(${x(`${lo} + 1`)}, ${x(lo)}) - ${x(
      lo,
    )})`;
  };
  return `${at(50)} AS median, ${at(90)} AS p90`;
}

/** Ranks (`rn`, `n`) per `partition` for the SQLite percentiles; none on PostgreSQL. */
function ranks(pg: boolean, partition: string, value: string) {
  return pg
    ? ''
    : `, ROW_NUMBER() OVER (PARTITION BY ${partition} ORDER BY ${value}) AS rn,
       COUNT(*) OVER (PARTITION BY ${partition}) AS n`;
}

/** Per path and step: completions, median and p90 time to the step. */
export function stepsReference(db: Knex) {
  const pg = db.client.config.client === 'pg';
  return `WITH d AS (
      SELECT j.path_id, p.step_id, p.duration_ms AS dur${ranks(
        pg,
        'j.path_id, p.step_id',
        'p.duration_ms',
      )}
      FROM gp_step_progress p JOIN gp_journeys j ON j.id = p.journey_id
      WHERE p.check_id = ''
    )
    SELECT path_id, step_id, COUNT(*) AS completed, ${percentiles(pg, 'dur')}
    FROM d GROUP BY path_id, step_id`;
}

/** SQLite's floor: one pass over the same rows, a count and an average. */
export const STEPS_PLAIN_AGGREGATE = `SELECT j.path_id, p.step_id,
    COUNT(*) AS completed, AVG(p.duration_ms) AS mean_ms
  FROM gp_step_progress p JOIN gp_journeys j ON j.id = p.journey_id
  WHERE p.check_id = '' GROUP BY j.path_id, p.step_id`;

function sameFigure(
  figure: { medianMs: number | null; p90Ms: number | null } | undefined,
  r: any,
) {
  return (
    figure !== undefined &&
    figure.medianMs === roundedOrNull(r.median) &&
    figure.p90Ms === roundedOrNull(r.p90)
  );
}

/** Checks the store's per-step figures (rollup and live) against the reference. */
export async function checkSteps(db: Knex, store: MetricsStore) {
  const reference = await raw(db, stepsReference(db));
  for (const live of [false, true]) {
    const { figures } = await store.steps({}, { live });
    for (const r of reference) {
      const f = figures.find(
        s => s.pathId === r.path_id && s.stepId === r.step_id,
      );
      if (!sameFigure(f, r) || f!.completed !== Number(r.completed)) {
        throw new Error(
          `Step figures (${
            live ? 'live' : 'rollup'
          }) differ from the reference for ${r.path_id}/${
            r.step_id
          }: ${JSON.stringify(f)} vs ${JSON.stringify(r)}`,
        );
      }
    }
    if (figures.length !== reference.length) {
      throw new Error(`${figures.length} step groups, not ${reference.length}`);
    }
  }
  return `${reference.length} steps, same counts, medians and p90`;
}

export const ONBOARDING_OPTIONS = {
  deployEvidenceKey: 'deploy.healthy',
  nth: 10,
};

/**
 * The whole onboarding question in plain SQL, as `GET /metrics` asks it:
 * per person with a journey the origin (start date, else first journey
 * start, flagged), and from it the time to the first PR (opened or merged
 * evidence, or a merged PR), to the 10th merged PR and to the first deploy
 * evidence; per group (everyone, start month, cohort) the people, how many
 * count from their journey start, and per figure the count, median and p90.
 */
export function onboardingReference(db: Knex) {
  const pg = db.client.config.client === 'pg';
  const month = pg
    ? `to_char(to_timestamp(o.origin / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM')`
    : `strftime('%Y-%m', o.origin / 1000, 'unixepoch')`;
  // `+` keeps SQLite on the (user, key) index, as in the store.
  const evidence = (keys: string) => `SELECT e.occurred_at AS at
    FROM gp_evidence e WHERE e.user_entity_ref = o.user_entity_ref
      AND (e.key || '') IN (${keys}) AND +e.occurred_at >= o.origin`;
  const figure = (name: string) =>
    `SELECT kind, grp, '${name}' AS metric, ${name} AS dur FROM g
     WHERE ${name} IS NOT NULL`;
  return `WITH o AS (
      SELECT j.user_entity_ref,
        COALESCE(MIN(p.start_at), MIN(j.started_at)) AS origin,
        CASE WHEN MIN(p.start_at) IS NULL THEN 1 ELSE 0 END AS fallback
      FROM gp_journeys j LEFT JOIN gp_people p
        ON p.user_entity_ref = j.user_entity_ref
      GROUP BY j.user_entity_ref
    ), x AS (
      SELECT o.user_entity_ref, o.fallback, ${month} AS month, (
        SELECT MIN(t.at) FROM (
          ${evidence(`'pr.opened', 'pr.merged'`)}
          UNION ALL SELECT m.merged_at FROM gp_merged_prs m
          WHERE m.user_entity_ref = o.user_entity_ref AND m.merged_at >= o.origin
        ) t
      ) - o.origin AS first_pr, (
        SELECT m.merged_at FROM gp_merged_prs m
        WHERE m.user_entity_ref = o.user_entity_ref AND m.merged_at >= o.origin
        ORDER BY m.merged_at LIMIT 1 OFFSET ${ONBOARDING_OPTIONS.nth - 1}
      ) - o.origin AS tenth_pr, (
        SELECT MIN(t.at) FROM (${evidence(
          `'${ONBOARDING_OPTIONS.deployEvidenceKey}'`,
        )}) t
      ) - o.origin AS first_deploy
      FROM o
    ), g AS (
      SELECT 'all' AS kind, '' AS grp, x.* FROM x
      UNION ALL SELECT 'month', x.month, x.* FROM x
      UNION ALL SELECT 'cohort', cm.cohort_id, x.* FROM x
        JOIN gp_cohort_members cm ON cm.user_entity_ref = x.user_entity_ref
    ), people AS (
      SELECT kind, grp, COUNT(*) AS people, SUM(fallback) AS fallback
      FROM g GROUP BY kind, grp
    ), d AS (
      ${figure('first_pr')} UNION ALL ${figure('tenth_pr')}
      UNION ALL ${figure('first_deploy')}
    ), r AS (
      SELECT kind, grp, metric, dur${ranks(pg, 'kind, grp, metric', 'dur')}
      FROM d
    ), f AS (
      SELECT kind, grp, metric, COUNT(*) AS cnt, ${percentiles(pg, 'dur')}
      FROM r GROUP BY kind, grp, metric
    )
    SELECT people.kind, people.grp, people.people, people.fallback,
      f.metric, f.cnt, f.median, f.p90
    FROM people LEFT JOIN f ON f.kind = people.kind AND f.grp = people.grp
    ORDER BY people.kind, people.grp, f.metric`;
}

const FIGURES = {
  first_pr: 'firstPr',
  tenth_pr: 'tenthMergedPr',
  first_deploy: 'firstDeploy',
} as const;

function groupKey(group: OnboardingRow['group']) {
  if (group.kind === 'month') {
    return `month\u0000${group.month}`;
  }
  return group.kind === 'cohort'
    ? `cohort\u0000${group.cohortId}`
    : 'all\u0000';
}

/**
 * Checks the store's onboarding times against the reference: the same
 * groups, people and fallbacks, and per figure the same count, median and
 * p90.
 */
export async function checkOnboarding(db: Knex, store: MetricsStore) {
  const ours = new Map(
    (await store.onboarding({}, ONBOARDING_OPTIONS)).map(row => [
      groupKey(row.group),
      row,
    ]),
  );
  const reference = await raw(db, onboardingReference(db));
  const groups = new Set<string>();
  let figures = 0;
  for (const r of reference) {
    const key = `${r.kind}\u0000${r.grp}`;
    groups.add(key);
    const row = ours.get(key);
    const figure = r.metric
      ? row?.[FIGURES[r.metric as keyof typeof FIGURES]]
      : undefined;
    const same =
      row !== undefined &&
      row.people === Number(r.people) &&
      row.countedFromJourneyStart === Number(r.fallback) &&
      (!r.metric || (figure?.count === Number(r.cnt) && sameFigure(figure, r)));
    if (!same) {
      throw new Error(
        `Onboarding times differ from the reference for ${key}/${
          r.metric
        }: ${JSON.stringify(row)} vs ${JSON.stringify(r)}`,
      );
    }
    figures += r.metric ? 1 : 0;
  }
  const oursFigures = [...ours.values()].flatMap(row =>
    Object.values(FIGURES).filter(name => row[name].count > 0),
  ).length;
  if (ours.size !== groups.size || oursFigures !== figures) {
    throw new Error(
      `${ours.size} onboarding groups with ${oursFigures} figures, not ${groups.size} with ${figures}`,
    );
  }
  return `${groups.size} onboarding groups and ${figures} figures, same people, counts, medians and p90`;
}
