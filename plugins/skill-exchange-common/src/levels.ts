/**
 * The 5-step proficiency scale used by skill profiles and posts.
 *
 * @public
 */
export const PROFICIENCY_LEVELS = [
  {
    level: 1,
    name: 'Aware',
    description: 'Knows what it is and when it is used.',
  },
  {
    level: 2,
    name: 'Learning',
    description: 'Has used it with help; building experience.',
  },
  {
    level: 3,
    name: 'Practitioner',
    description: 'Uses it independently in day-to-day work.',
  },
  {
    level: 4,
    name: 'Advanced',
    description: 'Handles hard problems with it and guides others.',
  },
  {
    level: 5,
    name: 'Expert',
    description: 'Recognised go-to person; shapes how it is used.',
  },
] as const;

/** @public */
export type ProficiencyLevel = 1 | 2 | 3 | 4 | 5;

/**
 * The name of a level, e.g. `levelName(3) === 'Practitioner'`.
 *
 * @public
 */
export function levelName(level: number): string {
  return (
    PROFICIENCY_LEVELS.find(l => l.level === level)?.name ?? `Level ${level}`
  );
}

/** @public */
export const SKILL_CATEGORIES = [
  'discipline',
  'language',
  'framework',
  'infrastructure',
  'domain',
] as const;
/** @public */
export type SkillCategory = (typeof SKILL_CATEGORIES)[number];
