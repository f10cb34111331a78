import {
  type BuddyCandidate,
  type BuddyCandidatesQuery,
  levelName,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { Knex } from 'knex';
import type { SkillStore } from './SkillStore';

/**
 * People who could be an onboarding buddy: their profile has the
 * discipline (a skill of category `discipline`, at any level), ranked by
 * how many of the path's skills they can help with, then by the sum of
 * those levels, then by their discipline level. Excluded people are left
 * out; an unknown discipline finds nobody.
 */
export async function findBuddyCandidates(
  db: Knex,
  skills: SkillStore,
  query: BuddyCandidatesQuery,
): Promise<BuddyCandidate[]> {
  const discipline = await db('skills')
    .where('category', 'discipline')
    .whereIn('id', function ids() {
      this.select('id')
        .from('skills')
        .where('name_lower', query.discipline.toLocaleLowerCase())
        .union(qb =>
          qb
            .select('skill_id')
            .from('skill_aliases')
            .where('alias_lower', query.discipline.toLocaleLowerCase()),
        );
    })
    .first('id', 'name');
  if (!discipline) return [];
  const helpIds = [
    ...new Set(
      [...(await skills.resolveSkillsLenient(query.skills)).values()]
        .map(s => s.id)
        .filter(id => id !== discipline.id),
    ),
  ];
  const helping = db('profile_skills')
    .whereIn('skill_id', helpIds.length ? helpIds : [-1])
    .where('can_help', true)
    .whereNotNull('level')
    .groupBy('user_ref')
    .select('user_ref')
    .count({ help_count: '*' })
    .sum({ help_score: 'level' });
  const rows: Array<{
    user_ref: string;
    team: string | null;
    discipline_level: number;
  }> = await db('profiles as p')
    .join('profile_skills as d', 'd.user_ref', 'p.user_ref')
    .leftJoin(helping.as('h'), 'h.user_ref', 'p.user_ref')
    .where('d.skill_id', discipline.id)
    .whereNotNull('d.level')
    .whereNotIn('p.user_ref', query.exclude.length ? query.exclude : [''])
    .select('p.user_ref', 'p.team', 'd.level as discipline_level')
    .orderByRaw('COALESCE(h.help_count, 0) DESC')
    .orderByRaw('COALESCE(h.help_score, 0) DESC')
    .orderBy([
      { column: 'd.level', order: 'desc' },
      { column: 'p.user_ref', order: 'asc' },
    ])
    .limit(query.limit);
  const help: Array<{ user_ref: string; name: string; level: number }> =
    rows.length && helpIds.length
      ? await db('profile_skills as ps')
          .join('skills as s', 's.id', 'ps.skill_id')
          .whereIn(
            'ps.user_ref',
            rows.map(r => r.user_ref),
          )
          .whereIn('ps.skill_id', helpIds)
          .where('ps.can_help', true)
          .whereNotNull('ps.level')
          .orderBy([
            { column: 'ps.level', order: 'desc' },
            { column: 's.name', order: 'asc' },
          ])
          .select('ps.user_ref', 's.name', 'ps.level')
      : [];
  return rows.map(row => {
    const canHelpWith = help
      .filter(h => h.user_ref === row.user_ref)
      .map(h => ({ skill: h.name, level: Number(h.level) }));
    const level = Number(row.discipline_level);
    const helps = canHelpWith
      .map(h => `${h.skill} (${levelName(h.level)})`)
      .join(', ');
    return {
      user: row.user_ref,
      ...(row.team ? { team: row.team } : {}),
      disciplineLevel: level,
      canHelpWith,
      reason: `${discipline.name}, ${levelName(level)}${
        helps ? `; can help with ${helps}` : ''
      }`,
    };
  });
}
