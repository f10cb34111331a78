import { Knex } from 'knex';
import { Median, medianOf, percentilesByGroup } from './percentile';
import { num } from './rows';

/** The group of an onboarding row: everyone, a start month or a cohort. */
export type OnboardingGroup =
  | { kind: 'all' }
  | { kind: 'month'; month: string }
  | { kind: 'cohort'; cohortId: string; title: string };

/** Onboarding counts and medians of one group, as SQL computed them. */
export type OnboardingRow = {
  group: OnboardingGroup;
  people: number;
  countedFromJourneyStart: number;
  firstPr: Median;
  tenthMergedPr: Median;
  firstDeploy: Median;
};

const METRICS = ['first_pr', 'tenth_pr', 'first_deploy'] as const;

/** `YYYY-MM` (UTC) of an epoch-ms expression, per dialect. */
function monthOf(db: Knex, expression: string) {
  return db.client.config.client === 'pg'
    ? `to_char(to_timestamp(${expression} / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM')`
    : `strftime('%Y-%m', ${expression} / 1000, 'unixepoch')`;
}

/**
 * One statement for the onboarding times of the people with a journey in
 * `fj` (a CTE the caller defines): each person's origin is their start date
 * (`gp_people`) or else their first journey start; moments before the
 * origin do not count. Counts and medians per group (all, start month,
 * cohort) are computed in SQL (window functions, SQLite 3.25+ and
 * PostgreSQL).
 */
export function onboardingStatement(
  db: Knex,
  options: { deployEvidenceKey: string; nth: number },
) {
  const firstPr = `CASE WHEN pe.pr_evidence IS NULL THEN pe.pr_merged
      WHEN pe.pr_merged IS NULL OR pe.pr_evidence < pe.pr_merged
      THEN pe.pr_evidence ELSE pe.pr_merged END`;
  const pick = (kind: string, grp: string, from: string) =>
    `SELECT ${kind} AS kind, ${grp} AS grp, pm.fallback, pm.first_pr,
       pm.tenth_pr, pm.first_deploy FROM ${from}`;
  // Each moment is a correlated subquery on the person's index range:
  // gp_merged_prs (user, merged_at) and gp_evidence (user, key). `key || ''`
  // and `+occurred_at` keep SQLite off the (key, occurred_at) index, which
  // would scan everyone's evidence of that key for each person (quadratic:
  // 76 s instead of under a second at 10k people).
  const sql = `, u AS (
      SELECT user_entity_ref, MIN(started_at) AS journey_start
      FROM fj GROUP BY user_entity_ref
    ), o AS MATERIALIZED (
      SELECT u.user_entity_ref, COALESCE(p.start_at, u.journey_start) AS origin,
        CASE WHEN p.start_at IS NULL THEN 1 ELSE 0 END AS fallback
      FROM u LEFT JOIN gp_people p ON p.user_entity_ref = u.user_entity_ref
    ), pe AS MATERIALIZED (
      SELECT o.user_entity_ref, o.origin, o.fallback,
        (SELECT MIN(e.occurred_at) FROM gp_evidence e
         WHERE e.user_entity_ref = o.user_entity_ref
           AND (e.key || '') IN ('pr.opened', 'pr.merged')
           AND +e.occurred_at >= o.origin) AS pr_evidence,
        (SELECT MIN(m.merged_at) FROM gp_merged_prs m
         WHERE m.user_entity_ref = o.user_entity_ref
           AND m.merged_at >= o.origin) AS pr_merged,
        (SELECT m.merged_at FROM gp_merged_prs m
         WHERE m.user_entity_ref = o.user_entity_ref
           AND m.merged_at >= o.origin
         ORDER BY m.merged_at LIMIT 1 OFFSET ?) AS tenth_at,
        (SELECT MIN(e.occurred_at) FROM gp_evidence e
         WHERE e.user_entity_ref = o.user_entity_ref AND (e.key || '') = ?
           AND +e.occurred_at >= o.origin) AS deploy_at
      FROM o
    ), pm AS MATERIALIZED (
      SELECT pe.user_entity_ref, pe.fallback,
        ${monthOf(db, 'pe.origin')} AS month,
        ${firstPr} - pe.origin AS first_pr,
        pe.tenth_at - pe.origin AS tenth_pr,
        pe.deploy_at - pe.origin AS first_deploy
      FROM pe
    ), g AS MATERIALIZED (
      ${pick("'all'", "''", 'pm')}
      UNION ALL ${pick("'month'", 'pm.month', 'pm')}
      UNION ALL ${pick(
        "'cohort'",
        'cm.cohort_id',
        'pm JOIN gp_cohort_members cm ON cm.user_entity_ref = pm.user_entity_ref',
      )}
    ), c AS (
      SELECT kind, grp, COUNT(*) AS people, SUM(fallback) AS fallback
      FROM g GROUP BY kind, grp
    ), d AS (
      ${METRICS.map(
        m =>
          `SELECT kind, grp, '${m}' AS metric, ${m} AS dur FROM g WHERE ${m} IS NOT NULL`,
      ).join(' UNION ALL ')}
    ), m AS (
      ${percentilesByGroup(db.client.config.client === 'pg', {
        keys: ['kind', 'grp', 'metric'],
        value: 'dur',
        from: 'd',
      })}
    )
    SELECT c.kind, c.grp, gc.title, c.people, c.fallback, m.metric, m.cnt, m.median, m.p90
    FROM c
    LEFT JOIN m ON m.kind = c.kind AND m.grp = c.grp
    LEFT JOIN gp_cohorts gc ON c.kind = 'cohort' AND gc.id = c.grp
    ORDER BY c.kind, c.grp`;
  return {
    sql,
    bindings: [Math.max(0, options.nth - 1), options.deployEvidenceKey],
  };
}

function groupOf(r: any): OnboardingGroup {
  if (r.kind === 'month') {
    return { kind: 'month', month: String(r.grp) };
  }
  if (r.kind === 'cohort') {
    return { kind: 'cohort', cohortId: String(r.grp), title: r.title ?? r.grp };
  }
  return { kind: 'all' };
}

/** Folds the statement's rows (one per group and metric) into groups. */
export function onboardingRows(rows: any[]): OnboardingRow[] {
  const byGroup = new Map<string, OnboardingRow>();
  const empty = (): Median => ({ count: 0, medianMs: null, p90Ms: null });
  for (const r of rows) {
    const id = `${r.kind}\u0000${r.grp}`;
    let row = byGroup.get(id);
    if (!row) {
      row = {
        group: groupOf(r),
        people: num(r.people),
        countedFromJourneyStart: num(r.fallback ?? 0),
        firstPr: empty(),
        tenthMergedPr: empty(),
        firstDeploy: empty(),
      };
      byGroup.set(id, row);
    }
    const median = medianOf(r.cnt, r);
    if (r.metric === 'first_pr') {
      row.firstPr = median;
    } else if (r.metric === 'tenth_pr') {
      row.tenthMergedPr = median;
    } else if (r.metric === 'first_deploy') {
      row.firstDeploy = median;
    }
  }
  return Array.from(byGroup.values());
}
