/**
 * Words used across Golden Paths. Renaming "Golden Paths" here (or in an
 * app's override of `common.title`) renames the page and its headings.
 */
export const common = {
  title: 'Golden Paths',
  path: 'Golden Path',
  /** The same words inside a sentence ("Choose a golden path"). */
  pathInText: 'golden path',
  pathsInText: 'golden paths',
  /** The sidebar item of a manager's "My team's onboarding" page. */
  myTeam: 'My team',
} as const;
