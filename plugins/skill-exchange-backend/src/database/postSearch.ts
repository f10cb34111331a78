import { Knex } from 'knex';
import type { PostRow } from './rows';

/** Totals above this are not counted exactly: the page says "10,000+". */
export const EXACT_TOTAL_UP_TO = 10_000;

/** Whether `db` is PostgreSQL (else SQLite). */
export function isPostgres(db: Knex): boolean {
  return db.client.config.client === 'pg';
}

/**
 * A user's search as an FTS5 query, with the forgiving syntax of
 * PostgreSQL's websearch_to_tsquery: words are ANDed, `"a phrase"` is a
 * phrase, `or` between words is OR, `-word` leaves out. Every term is quoted
 * and holds only letters and digits, so no input is an FTS5 syntax error.
 * Undefined when nothing searchable is left (e.g. `%` or `"`).
 */
export function fts5Query(text: string): string | undefined {
  const groups: string[][] = [[]];
  const excluded: string[] = [];
  for (const match of text.matchAll(/(-?)(?:"([^"]*)"?|([^\s"]+))/g)) {
    const [, minus, phrase, word] = match;
    if (word !== undefined && !minus && /^or$/i.test(word)) {
      if (groups[groups.length - 1].length) groups.push([]);
      continue;
    }
    const terms = (phrase ?? word).match(/[\p{L}\p{N}]+/gu);
    if (!terms) continue;
    (minus ? excluded : groups[groups.length - 1]).push(`"${terms.join(' ')}"`);
  }
  const alternatives = groups
    .filter(group => group.length)
    .map(group => (group.length > 1 ? `(${group.join(' AND ')})` : group[0]));
  if (!alternatives.length) return undefined;
  const wanted =
    alternatives.length > 1
      ? `(${alternatives.join(' OR ')})`
      : alternatives[0];
  return excluded.length ? `${wanted} NOT (${excluded.join(' OR ')})` : wanted;
}

/**
 * Narrows `query` (over `posts`) to posts matching the user's search `text`
 * through the database's full-text index, and returns how to order them by
 * relevance (best first).
 */
export function matchText(
  db: Knex,
  query: Knex.QueryBuilder,
  text: string,
): (ordered: Knex.QueryBuilder) => void {
  if (isPostgres(db)) {
    const tsquery = `websearch_to_tsquery('english', ?)`;
    query.whereRaw(`posts.search_vector @@ ${tsquery}`, [text]);
    return ordered => {
      ordered.orderByRaw(`ts_rank(posts.search_vector, ${tsquery}) DESC`, [
        text,
      ]);
    };
  }
  const fts = fts5Query(text);
  if (fts === undefined) {
    query.whereRaw('1 = 0');
    return () => {};
  }
  query
    .join('posts_fts', 'posts_fts.rowid', 'posts.id')
    .whereRaw('posts_fts MATCH ?', [fts]);
  // Weights of title, skill names and aliases, description.
  return ordered => {
    ordered.orderByRaw('bm25(posts_fts, 10.0, 3.0, 1.0) ASC');
  };
}

/**
 * How many rows `query` has, counted up to `upTo` + 1 rows only: above
 * `upTo` the total is `upTo` and marked as a lower bound.
 */
export async function cappedTotal(
  db: Knex,
  query: Knex.QueryBuilder,
  upTo: number,
): Promise<{ totalItems: number; totalIsLowerBound?: true }> {
  const [{ count }] = await db
    .from(
      query
        .clone()
        .clearSelect()
        .clearOrder()
        .select(db.raw('1 AS one'))
        .limit(upTo + 1)
        .as('capped'),
    )
    .count({ count: '*' });
  const total = Number(count);
  return total > upTo
    ? { totalItems: upTo, totalIsLowerBound: true }
    : { totalItems: total };
}

/**
 * A page of `ordered` (a list of posts, sorted): the ids first, then those
 * rows by primary key. A search ranks every match, and carrying whole rows
 * through that sort doubled it on PostgreSQL (100k posts, "kafka" with
 * 25,695 matches: 58-68 ms for `posts.*` against 30-45 for the ids,
 * `EXPLAIN ANALYZE`: the same bitmap scan and top-N heapsort).
 */
export async function pageOfPosts(
  db: Knex,
  ordered: Knex.QueryBuilder,
  page: { limit: number; offset: number },
): Promise<PostRow[]> {
  const ids: number[] = (
    await ordered.select('posts.id').limit(page.limit).offset(page.offset)
  ).map((row: { id: number }) => row.id);
  const byId = new Map<number, PostRow>(
    (await db<PostRow>('posts').whereIn('id', ids)).map(row => [row.id, row]),
  );
  // A post deleted between the two reads is left out, not a crash.
  return ids.flatMap(id => byId.get(id) ?? []);
}
