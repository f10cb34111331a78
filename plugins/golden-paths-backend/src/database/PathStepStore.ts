import { Knex } from 'knex';
import { num } from './rows';

/** A step a path has had: its title and, once gone, when it was removed. */
export type PathStepRow = {
  pathId: string;
  stepId: string;
  title: string;
  firstSeenAt: number;
  removedAt: number | null;
};

/**
 * The step ids each path has had (`gp_path_steps`), so progress on a step
 * that was removed from the path is reported with the date it went.
 */
export interface PathStepStore {
  /**
   * Records the path's current steps: new ones are added, ones that came
   * back are no longer removed, and ones the path no longer has are marked
   * removed at `now` (once). In one transaction; returns the removed ids.
   */
  syncSteps(
    pathId: string,
    steps: Array<{ id: string; title: string }>,
    now: number,
  ): Promise<string[]>;
  /** The removed steps of these paths. */
  listRemovedSteps(pathIds: string[]): Promise<PathStepRow[]>;
}

/** The Knex implementation of {@link PathStepStore}. */
export class KnexPathStepStore implements PathStepStore {
  static create(db: Knex): KnexPathStepStore {
    return new KnexPathStepStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async syncSteps(
    pathId: string,
    steps: Array<{ id: string; title: string }>,
    now: number,
  ) {
    return this.db.transaction(async tx => {
      if (steps.length > 0) {
        await tx('gp_path_steps')
          .insert(
            steps.map(s => ({
              path_id: pathId,
              step_id: s.id,
              title: s.title,
              first_seen_at: now,
              removed_at: null,
            })),
          )
          .onConflict(['path_id', 'step_id'])
          .merge(['title', 'removed_at']);
      }
      const current = steps.map(s => s.id);
      const gone = await tx('gp_path_steps')
        .where({ path_id: pathId })
        .whereNull('removed_at')
        .whereNotIn('step_id', current)
        .select('step_id');
      if (gone.length > 0) {
        await tx('gp_path_steps')
          .where({ path_id: pathId })
          .whereNull('removed_at')
          .whereIn(
            'step_id',
            gone.map(r => r.step_id),
          )
          .update({ removed_at: now });
      }
      return gone.map(r => r.step_id as string);
    });
  }

  async listRemovedSteps(pathIds: string[]) {
    if (pathIds.length === 0) {
      return [];
    }
    const rows = await this.db('gp_path_steps')
      .whereIn('path_id', pathIds)
      .whereNotNull('removed_at')
      .orderBy(['path_id', 'removed_at', 'step_id']);
    return rows.map(r => ({
      pathId: r.path_id,
      stepId: r.step_id,
      title: r.title,
      firstSeenAt: num(r.first_seen_at),
      removedAt: r.removed_at === null ? null : num(r.removed_at),
    }));
  }
}
