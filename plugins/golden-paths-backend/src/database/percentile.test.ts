import { TestDatabases } from '@backstage/backend-test-utils';
import { percentile, percentilesByGroup, roundedOrNull } from './percentile';

jest.setTimeout(60_000);

describe('percentile (linear interpolation between closest ranks)', () => {
  it('matches hand-computed figures', () => {
    // Rank h = 1 + p (n - 1).
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 50)).toBe(7);
    expect(percentile([7], 90)).toBe(7);
    // n = 2: median the mean; p90 at h = 1.9: 10 + 0.9 * (20 - 10).
    expect(percentile([20, 10], 50)).toBe(15);
    expect(percentile([20, 10], 90)).toBe(19);
    // n = 5: median x3; p90 at h = 4.6: 40 + 0.6 * (100 - 40).
    expect(percentile([100, 10, 30, 20, 40], 50)).toBe(30);
    expect(percentile([100, 10, 30, 20, 40], 90)).toBe(76);
    // n = 10 (1..10 days): median 5.5; p90 at h = 9.1: 9 + 0.1 * 1.
    const days = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(d => d * 1000);
    expect(percentile(days, 50)).toBe(5500);
    expect(percentile(days, 90)).toBe(9100);
    // n = 11: p90 at h = 10 exactly.
    expect(percentile([...days, 11_000], 90)).toBe(10_000);
    // Rounded to whole milliseconds: (1 + 2) / 2.
    expect(percentile([1, 2], 50)).toBe(2);
  });

  it('reads numbers, numeric strings and null from the database', () => {
    expect(roundedOrNull('12.5')).toBe(13);
    expect(roundedOrNull(4)).toBe(4);
    expect(roundedOrNull(null)).toBeNull();
  });

  const databases = TestDatabases.create();
  const samples = [
    [42],
    [20, 10],
    [100, 10, 30, 20, 40],
    [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5],
    Array.from({ length: 37 }, (_, i) => (i * 7919) % 1000),
    Array.from({ length: 10 }, (_, i) => (i + 1) * 86_400_000 * 30),
  ];

  it.each(databases.eachSupportedId())(
    'computes the same figures in SQL on %p (window functions; percentile_cont on PostgreSQL)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const postgres = knex.client.config.client === 'pg';
      const values = samples.flatMap((sample, grp) =>
        sample.map(dur => `SELECT ${grp} AS grp, ${dur} AS dur`),
      );
      const expected = samples.map((s, grp) => [
        grp,
        s.length,
        percentile(s, 50),
        percentile(s, 90),
      ]);
      // The window-function SQL runs on both engines; PostgreSQL's own
      // percentile_cont must agree with it.
      for (const dialect of postgres ? [false, true] : [false]) {
        const result = await knex.raw(
          `WITH d AS (${values.join(' UNION ALL ')}) ${percentilesByGroup(
            dialect,
            { keys: ['grp'], value: 'dur', from: 'd' },
          )} ORDER BY grp`,
        );
        const rows: any[] = Array.isArray(result) ? result : result.rows;
        expect(
          rows.map(r => [
            Number(r.grp),
            Number(r.cnt),
            roundedOrNull(r.median),
            roundedOrNull(r.p90),
          ]),
        ).toEqual(expected);
        expect(roundedOrNull(rows[2].p90)).toBe(76);
      }
      // No groups: one row over everything; no values: count 0, no figures.
      const none = await knex.raw(
        `WITH d AS (SELECT 1 AS dur) ${percentilesByGroup(postgres, {
          keys: [],
          value: 'dur',
          from: 'd WHERE dur > 1',
        })}`,
      );
      const [row] = Array.isArray(none) ? none : none.rows;
      expect([Number(row.cnt), row.median, row.p90]).toEqual([0, null, null]);
    },
  );
});
