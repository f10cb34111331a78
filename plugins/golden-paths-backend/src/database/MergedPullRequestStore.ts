import { Knex } from 'knex';
import { MergedPullRequestRow, mergedPullRequestToColumns } from './rows';

/** Merged pull requests of people, for "time to 10th merged PR". */
export interface MergedPullRequestStore {
  /** Inserts new merged pull requests; returns how many were new. */
  insertMergedPullRequests(rows: MergedPullRequestRow[]): Promise<number>;
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
}
