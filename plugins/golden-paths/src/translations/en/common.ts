/**
 * Words used across Golden Paths. Renaming "Golden Paths" here (or in an
 * app's override of `common.title`) renames the page and its headings.
 */
export const common = {
  title: 'Golden Paths',
  path: 'Golden Path',
};
