/**
 * The one percentile definition of the onboarding metrics, as SQL (both
 * engines) and as the same function in TypeScript (the reference the tests
 * check the SQL against).
 *
 * Definition: linear interpolation between closest ranks, the "inclusive"
 * percentile (Hyndman and Fan type 7; PostgreSQL's `percentile_cont`,
 * Excel's `PERCENTILE.INC`, NumPy's default). For the n values sorted
 * ascending, x[1..n], the p-th percentile sits at rank h = 1 + p * (n - 1):
 * x[floor(h)] + (h - floor(h)) * (x[floor(h) + 1] - x[floor(h)]). So the
 * median (p = 0.5) of an even count is the mean of the two middle values,
 * and p90 of 10 values is x[9] + 0.1 * (x[10] - x[9]). Results are rounded
 * to whole milliseconds; no value for an empty set.
 */

/** A percentile as a fraction `numerator / 100`: 50 is the median, 90 is p90. */
export type Percent = 50 | 90;

/** The percentiles every duration figure carries. */
export const PERCENTILES = { median: 50, p90: 90 } as const;

/** The p-th percentile (see above) of `values`, or null when there are none. */
export function percentile(values: number[], p: Percent): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const scaled = p * (sorted.length - 1);
  const low = Math.floor(scaled / 100);
  const remainder = scaled % 100;
  const lower = sorted[low];
  const upper = remainder === 0 ? lower : sorted[low + 1];
  return Math.round((lower * (100 - remainder) + upper * remainder) / 100);
}

/**
 * The aggregate SQL of the p-th percentile (see above) over rows that carry
 * `rn` (ROW_NUMBER() over the values, ascending, from 1) and `cnt` (COUNT()
 * over the same partition): use it in a SELECT that groups by that
 * partition. Integer arithmetic finds the two ranks and their weights, so
 * the same text runs on SQLite and PostgreSQL; the caller rounds
 * ({@link roundedOrNull}).
 */
export function percentileSql(
  p: Percent,
  columns: { value: string; rank?: string; count?: string } = {
    value: 'dur',
  },
): string {
  const value = columns.value;
  const rn = columns.rank ?? 'rn';
  const cnt = columns.count ?? 'cnt';
  const scaled = `(${p} * (${cnt} - 1))`;
  const low = `(${scaled} / 100 + 1)`;
  const remainder = `(${scaled} % 100)`;
  return `SUM(CASE WHEN ${rn} = ${low} THEN ${value} * (100 - ${remainder})
    WHEN ${rn} = ${low} + 1 THEN ${value} * ${remainder} ELSE 0 END) / 100.0`;
}

/** Median and p90 columns (`median`, `p90`) for a grouped SELECT. */
export function percentileColumns(
  columns: { value: string; rank?: string; count?: string } = { value: 'dur' },
): string {
  return `${percentileSql(PERCENTILES.median, columns)} AS median,
    ${percentileSql(PERCENTILES.p90, columns)} AS p90`;
}

/**
 * One SELECT of the count (`cnt`), `median` and `p90` of `value` over
 * `from` (a FROM clause, joins and WHERE included) per `keys` (none: one
 * row). PostgreSQL: its ordered-set `percentile_cont` (the same definition,
 * and faster there than window functions); elsewhere the window-function
 * SQL of {@link percentileSql}. A plain SELECT, so it fits a CTE or a
 * subquery on both engines.
 */
export function percentilesByGroup(
  postgres: boolean,
  options: { keys: string[]; value: string; from: string },
): string {
  const { keys, value, from } = options;
  const groupBy = keys.length > 0 ? `GROUP BY ${keys.join(', ')}` : '';
  const select = keys.map(k => `${k}, `).join('');
  if (postgres) {
    const cont = (p: Percent) =>
      `percentile_cont(${p / 100}) WITHIN GROUP (ORDER BY ${value})`;
    return `SELECT ${select}COUNT(*) AS cnt,
        ${cont(PERCENTILES.median)} AS median, ${cont(PERCENTILES.p90)} AS p90
      FROM ${from} ${groupBy}`;
  }
  const partition = keys.length > 0 ? `PARTITION BY ${keys.join(', ')}` : '';
  const columns = percentileColumns({
    value: 'ranked_value',
    rank: 'ranked_rn',
    count: 'ranked_cnt',
  });
  return `SELECT ${select}COUNT(*) AS cnt, ${columns}
    FROM (
      SELECT ${select}${value} AS ranked_value,
        ROW_NUMBER() OVER (${partition} ORDER BY ${value}) AS ranked_rn,
        COUNT(*) OVER (${partition}) AS ranked_cnt
      FROM ${from}
    ) ranked ${groupBy}`;
}

/** How many values, and their median and p90 (see percentile.ts). */
export type Median = {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
};

/** Median and p90 of a row with `median` and `p90` columns and a count. */
export function medianOf(count: unknown, r: Record<string, unknown>): Median {
  return {
    count: Number(count ?? 0),
    medianMs: roundedOrNull(r.median),
    p90Ms: roundedOrNull(r.p90),
  };
}

/** A percentile from the database (number, numeric string or null), rounded. */
export function roundedOrNull(value: unknown): number | null {
  return value === null || value === undefined
    ? null
    : Math.round(Number(value));
}
