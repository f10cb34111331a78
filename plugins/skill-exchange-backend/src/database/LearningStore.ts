import { Knex } from 'knex';
import { toIso } from './rows';

/** Which learning resources each person marked done (user refs lower-cased). */
export interface LearningStore {
  /** Marks a resource done; `created` is false when it was done already. */
  complete(
    user: string,
    resourceId: string,
  ): Promise<{ created: boolean; completedAt: string }>;
  /** Undoes a completion; nothing happens when there was none. */
  uncomplete(user: string, resourceId: string): Promise<void>;
  /** The person's completions: resource id to when. */
  completions(user: string): Promise<Map<string, string>>;
}

export class KnexLearningStore implements LearningStore {
  static create(db: Knex): KnexLearningStore {
    return new KnexLearningStore(db);
  }

  private constructor(private readonly db: Knex) {}

  /**
   * The unique key decides which of racing requests created the row: the
   * insert of the others does nothing (PostgreSQL and SQLite alike).
   */
  async complete(user: string, resourceId: string) {
    const ref = user.toLocaleLowerCase();
    const inserted = await this.db('learning_completions')
      .insert({
        user_ref: ref,
        resource_id: resourceId,
        completed_at: new Date(),
      })
      .onConflict(['user_ref', 'resource_id'])
      .ignore()
      .returning('resource_id');
    const row = await this.db('learning_completions')
      .where({ user_ref: ref, resource_id: resourceId })
      .first('completed_at');
    return {
      created: inserted.length > 0,
      completedAt: toIso(row.completed_at),
    };
  }

  async uncomplete(user: string, resourceId: string) {
    await this.db('learning_completions')
      .where({ user_ref: user.toLocaleLowerCase(), resource_id: resourceId })
      .delete();
  }

  async completions(user: string) {
    const rows = await this.db('learning_completions')
      .where('user_ref', user.toLocaleLowerCase())
      .select('resource_id', 'completed_at');
    return new Map(
      rows.map(r => [r.resource_id as string, toIso(r.completed_at)]),
    );
  }
}
