import { Knex } from 'knex';
import type { Page } from '@onramp/backstage-plugin-golden-paths-common';
import { MergedPullRequestRow, mergedPullRequestToColumns } from './rows';

/** A merged pull request as `GET /pull-requests` returns it. */
export type PersonPullRequest = {
  source: string;
  id: string;
  repository: string;
  /** ISO time. */
  mergedAt: string;
};

/** Merged pull requests of people, for "time to 10th merged PR". */
export interface MergedPullRequestStore {
  /** Inserts new merged pull requests; returns how many were new. */
  insertMergedPullRequests(rows: MergedPullRequestRow[]): Promise<number>;
  /**
   * One person's merged pull requests (user ref lower-cased), newest first,
   * merged at or after `since` (epoch ms) when given.
   */
  listForUser(
    userEntityRef: string,
    query: { since?: number; limit: number; offset: number },
  ): Promise<Page<PersonPullRequest>>;
}

/** The Knex implementation of {@link MergedPullRequestStore}. */
export class KnexMergedPullRequestStore implements MergedPullRequestStore {
  static create(db: Knex): KnexMergedPullRequestStore {
    return new KnexMergedPullRequestStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async insertMergedPullRequests(rows: MergedPullRequestRow[]) {
    let added = 0;
    for (let i = 0; i < rows.length; i += 200) {
      const inserted = await this.db('gp_merged_prs')
        .insert(rows.slice(i, i + 200).map(mergedPullRequestToColumns))
        .onConflict(['source', 'pr_id'])
        .ignore()
        .returning('pr_id');
      added += inserted.length;
    }
    return added;
  }

  /** Filtered and paged on gp_merged_prs_user_idx (user, merged_at). */
  async listForUser(
    userEntityRef: string,
    query: { since?: number; limit: number; offset: number },
  ) {
    const base = this.db('gp_merged_prs')
      .where('user_entity_ref', userEntityRef.toLocaleLowerCase())
      .modify(qb => {
        if (query.since !== undefined) qb.where('merged_at', '>=', query.since);
      });
    const [{ n }] = await base.clone().count({ n: '*' });
    const rows = await base
      .orderBy([
        { column: 'merged_at', order: 'desc' },
        { column: 'source', order: 'asc' },
        { column: 'pr_id', order: 'asc' },
      ])
      .limit(query.limit)
      .offset(query.offset)
      .select<
        Array<{
          source: string;
          pr_id: string;
          repository: string;
          merged_at: string | number;
        }>
      >('source', 'pr_id', 'repository', 'merged_at');
    return {
      items: rows.map(r => ({
        source: r.source,
        id: r.pr_id,
        repository: r.repository,
        mergedAt: new Date(Number(r.merged_at)).toISOString(),
      })),
      totalItems: Number(n),
      limit: query.limit,
      offset: query.offset,
    };
  }
}
