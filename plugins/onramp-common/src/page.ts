import { z } from 'zod';

/**
 * The one page envelope of every list in Onramp.
 *
 * @public
 */
export interface Page<T> {
  items: T[];
  /** How many items match in all, across every page. */
  totalItems: number;
  limit: number;
  offset: number;
}

/**
 * A request for one page.
 *
 * @public
 */
export interface PageRequest {
  limit?: number;
  offset?: number;
}

/**
 * A whole number from a query string (`'20'`) or a body (`20`) within bounds.
 *
 * @public
 */
export function boundedInt(min: number, max: number) {
  return z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
}

/**
 * `limit` and `offset` of a list route.
 *
 * @public
 */
export function pageQueryFields(options: {
  defaultLimit: number;
  maxLimit: number;
}) {
  return {
    limit: boundedInt(1, options.maxLimit).default(options.defaultLimit),
    offset: boundedInt(0, 1_000_000).default(0),
  };
}

/**
 * Reads every page of a list, for the places that need all of it, e.g.
 * `fetchAllPages(page => api.listCohorts(page))`. Stops at the total or at a
 * short page (the server's own limit).
 *
 * @public
 */
export async function fetchAllPages<T>(
  fetchPage: (page: { limit: number; offset: number }) => Promise<Page<T>>,
  limit = 500,
): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const page = await fetchPage({ limit, offset: items.length });
    items.push(...page.items);
    if (
      page.items.length === 0 ||
      items.length >= page.totalItems ||
      page.items.length < page.limit
    ) {
      return items;
    }
  }
}
