import type {
  Expert,
  ExpertsQuery,
  Page,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { Knex } from 'knex';
import { toBool } from './rows';
import type { SkillRef } from './SkillStore';

/**
 * How much one piece of evidence weighs when experts are ranked by evidence:
 * a merged pull request 1, a skill practised on a stint (said in a retro) 2,
 * a completed embed or mentorship 5.
 */
export const EVIDENCE_WEIGHT_SQL = `CASE kind WHEN 'pull_requests' THEN count WHEN 'practised' THEN 2 * count ELSE 5 * count END`;

/**
 * People with every one of `skills` at `minLevel` or more (and the query's
 * filters), paged in SQL. `rank=level` (the default) sorts by the sum of
 * levels; `rank=evidence` keeps only people who share their evidence and
 * sorts by the weighted evidence for those skills, then by level.
 */
export async function findExperts(
  db: Knex,
  skills: SkillRef[],
  query: ExpertsQuery,
): Promise<Page<Expert>> {
  const ids = skills.map(s => s.id);
  const byEvidence = query.rank === 'evidence';
  const evidence = db('skill_evidence')
    .whereIn('skill_id', ids)
    .groupBy('user_ref')
    .select('user_ref', db.raw(`SUM(${EVIDENCE_WEIGHT_SQL}) AS evidence`));
  const matching = db('profile_skills as ps')
    .join('profiles as p', 'p.user_ref', 'ps.user_ref')
    .whereIn('ps.skill_id', ids)
    .where('ps.level', '>=', query.minLevel)
    .modify(qb => {
      if (query.canHelp) qb.where('ps.can_help', true);
      if (query.team) qb.where('p.team', query.team.toLocaleLowerCase());
      if (byEvidence) {
        qb.where('p.share_evidence', true)
          .leftJoin(evidence.as('ev'), 'ev.user_ref', 'ps.user_ref')
          .groupBy('ev.evidence')
          .select(db.raw('COALESCE(ev.evidence, 0) AS evidence'));
      }
    })
    .groupBy('ps.user_ref', 'p.team')
    .havingRaw('COUNT(DISTINCT ps.skill_id) = ?', [ids.length])
    .select('ps.user_ref', 'p.team')
    .sum({ score: 'ps.level' });
  const [{ count }] = await db
    .from(matching.clone().as('m'))
    .count({ count: '*' });
  const page: Array<{
    user_ref: string;
    team: string | null;
    score: string | number;
    evidence?: string | number;
  }> = await matching
    .orderBy([
      ...(byEvidence ? [{ column: 'evidence', order: 'desc' }] : []),
      { column: 'score', order: 'desc' },
      { column: 'ps.user_ref', order: 'asc' },
    ])
    .limit(query.limit)
    .offset(query.offset);
  const levels = page.length
    ? await db('profile_skills')
        .whereIn(
          'user_ref',
          page.map(p => p.user_ref),
        )
        .whereIn('skill_id', ids)
        .select('user_ref', 'skill_id', 'level', 'can_help')
    : [];
  return {
    items: page.map(p => ({
      user: p.user_ref,
      ...(p.team ? { team: p.team } : {}),
      score: Number(p.score),
      skills: skills.map(s => {
        const l = levels.find(
          x => x.user_ref === p.user_ref && x.skill_id === s.id,
        );
        return {
          skill: s.name,
          level: l?.level ?? 0,
          canHelp: toBool(l?.can_help),
        };
      }),
      ...(byEvidence
        ? { evidence: { score: Number(p.evidence ?? 0), reason: '' } }
        : {}),
    })),
    totalItems: Number(count),
    limit: query.limit,
    offset: query.offset,
  };
}
