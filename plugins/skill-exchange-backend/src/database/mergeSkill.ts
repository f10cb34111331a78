import { Knex } from 'knex';
import { toBool } from './rows';

type Row = Record<string, any>;

/**
 * The tables that point at a skill: their key besides `skill_id`, and how a
 * row of the merged skill folds into the row the target already has (left
 * out: the target's row wins).
 */
const SKILL_TABLES: Array<{
  table: string;
  key: string[];
  combine?: (target: Row, source: Row) => Row;
}> = [
  { table: 'post_skills', key: ['post_id'] },
  {
    table: 'profile_skills',
    key: ['user_ref'],
    // The higher level wins; helping and learning add up.
    combine: (target, source) => ({
      level: Math.max(target.level ?? 0, source.level ?? 0) || null,
      can_help: toBool(target.can_help) || toBool(source.can_help),
      learning: toBool(target.learning) || toBool(source.learning),
    }),
  },
  { table: 'retro_skills', key: ['retro_id'] },
  {
    table: 'skill_evidence',
    key: ['user_ref', 'kind'],
    // The refresh task recounts; until then the stronger evidence stands.
    combine: (target, source) => ({
      count: Math.max(target.count, source.count),
      places: Math.max(target.places, source.places),
      latest_at:
        !target.latest_at ||
        (source.latest_at &&
          new Date(source.latest_at) > new Date(target.latest_at))
          ? source.latest_at
          : target.latest_at,
    }),
  },
  { table: 'skill_suggestion_rejections', key: ['user_ref'] },
];

/** How many rows of each table a merge moved over to the target skill. */
export type MergeCounts = Record<string, number>;

/**
 * Moves every row that points at skill `sourceId` over to `targetId`, in
 * `tx`: rows the target has already are combined (or dropped), the others
 * re-pointed. The caller deletes the source skill afterwards.
 */
export async function moveSkillRows(
  tx: Knex.Transaction,
  sourceId: number,
  targetId: number,
): Promise<MergeCounts> {
  const counts: MergeCounts = {};
  for (const { table, key, combine } of SKILL_TABLES) {
    const rows: Row[] = await tx(table).where('skill_id', sourceId);
    counts[table] = rows.length;
    if (!rows.length) continue;
    const keyOf = (row: Row) => JSON.stringify(key.map(k => row[k]));
    const existing = new Map<string, Row>();
    for (const row of await tx(table).where('skill_id', targetId)) {
      existing.set(keyOf(row), row);
    }
    const fresh = rows.filter(row => !existing.has(keyOf(row)));
    await tx(table).where('skill_id', sourceId).delete();
    for (let i = 0; i < fresh.length; i += 100) {
      await tx(table).insert(
        fresh.slice(i, i + 100).map(row => ({ ...row, skill_id: targetId })),
      );
    }
    if (!combine) continue;
    for (const row of rows) {
      const target = existing.get(keyOf(row));
      if (!target) continue;
      const where: Row = { skill_id: targetId };
      for (const k of key) where[k] = row[k];
      await tx(table).where(where).update(combine(target, row));
    }
  }
  return counts;
}
