/**
 * Words used across the Skill Exchange. Renaming a kind here (or in an
 * app's override of `common.kinds.*`) renames its tab, chips and headings.
 */
export const common = {
  title: 'Skill Exchange',
  kinds: {
    embed: 'Embed',
    embeds: 'Embeds',
    hack: 'Hack',
    hacks: 'Hacks',
    mentorship: 'Mentorship',
    mentorships: 'Mentorships',
    pairing: 'Pairing',
    pairings: 'Pairings',
  },
  /** The same words inside a sentence ("3 open hacks", "New embed"). */
  kindsInText: {
    embed: 'embed',
    embeds: 'embeds',
    hack: 'hack',
    hacks: 'hacks',
    mentorship: 'mentorship',
    mentorships: 'mentorships',
    pairing: 'pairing',
    pairings: 'pairings',
  },
} as const;
