import {
  levelName,
  MatchReason,
  PostKind,
} from '@onramp/backstage-plugin-skill-exchange-common';
import type { MatchEvidence } from '../database';
import { toBool } from '../database/rows';

/** How a reason names being open to a kind of post. */
const KIND_NOUN: Record<PostKind, string> = {
  embed: 'embeds',
  hack: 'hacks',
  mentorship: 'mentoring',
  pairing: 'mentoring',
};

/** Turns what a score is made of into a reason people can read. */
export function explain(evidence: MatchEvidence): MatchReason {
  const { postSkills, personSkills, available, kind } = evidence;
  const matchedSkills: MatchReason['matchedSkills'] = [];
  const learningGoals: string[] = [];
  for (const skill of postSkills) {
    const row = personSkills.find(p => p.skill_id === skill.id);
    if (!row) continue;
    if (row.level) {
      matchedSkills.push({
        skill: skill.name,
        level: row.level,
        canHelp: toBool(row.can_help),
      });
    }
    if (toBool(row.learning)) learningGoals.push(skill.name);
  }
  matchedSkills.sort((a, b) => b.level - a.level);
  const parts: string[] = [];
  if (matchedSkills.length) {
    parts.push(
      matchedSkills.map(s => `${s.skill} at ${levelName(s.level)}`).join(', '),
    );
  }
  if (learningGoals.length) {
    parts.push(`wants to grow ${learningGoals.join(', ')}`);
  }
  if (available) parts.push(`open to ${KIND_NOUN[kind]}`);
  return {
    matchedSkills,
    learningGoals,
    available,
    summary: parts.join('; '),
  };
}
