import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import {
  EvidenceRow,
  evidenceFromRow,
  evidenceToColumns,
  journeyFromRow,
  JourneyRow,
  num,
  ProgressRow,
  progressFromRow,
  progressToColumns,
  proofColumns,
} from './rows';
import { startAtOf } from './PeopleStore';
import { GateStore, KnexGateStore } from './GateStore';
import { refreshStepMetrics, StepCompletion } from './StepMetricsRollup';

/** A page request in SQL terms. */
export type PageWindow = { limit: number; offset: number };

/**
 * Journeys with their progress and the evidence that proves it: one
 * aggregate, changed together in one transaction.
 */
export interface JourneyStore {
  /** Runs `fn` in one transaction, with a store bound to it. */
  transaction<T>(fn: (store: JourneyStore) => Promise<T>): Promise<T>;
  /** The journeys' approval gates, on the same connection (or transaction). */
  gates(): GateStore;
  getJourney(
    userEntityRef: string,
    pathId: string,
  ): Promise<JourneyRow | undefined>;
  getJourneyById(id: string): Promise<JourneyRow | undefined>;
  listJourneys(userEntityRef: string): Promise<JourneyRow[]>;
  /** One page of a person's journeys on the given paths, oldest first. */
  listJourneysPage(
    userEntityRef: string,
    pathIds: string[],
    page: PageWindow,
  ): Promise<{ rows: JourneyRow[]; totalItems: number }>;
  /** Creates the journey unless it exists; returns it and whether it is new. */
  createJourney(
    userEntityRef: string,
    pathId: string,
    now: number,
  ): Promise<{ journey: JourneyRow; created: boolean }>;
  /**
   * Bumps the journey's version and activity time, guarded by the version
   * the caller read (optimistic concurrency): a concurrent change -> 409.
   */
  touchJourney(journey: JourneyRow, now: number): Promise<void>;
  /** Marks the journey completed; true only for the caller that did it. */
  completeJourney(journeyId: string, now: number): Promise<boolean>;
  listProgress(journeyIds: string[]): Promise<ProgressRow[]>;
  /** Inserts progress unless that step (or check) is already done. */
  insertProgress(row: ProgressRow): Promise<boolean>;
  /**
   * Replaces the evidence of a done step (or check) with stronger evidence,
   * keeping its completion time; guarded by the key it replaces, so of two
   * racing writers one wins. True when the row changed.
   */
  replaceProgressEvidence(
    row: ProgressRow,
    previousKey: string,
  ): Promise<boolean>;
  /**
   * Logs evidence; false when this (user, path, step, evidenceId) was logged
   * before. Decided by the database (a unique key), so of two concurrent
   * writers exactly one gets true.
   */
  insertEvidence(row: EvidenceRow): Promise<boolean>;
  listEvidence(userEntityRef: string): Promise<EvidenceRow[]>;
  /**
   * The person's start (00:00 UTC of their catalog start date), or null;
   * read in the transaction that applies evidence.
   */
  getStartAt(userEntityRef: string): Promise<number | null>;
  /** Steps of the user's journeys that this evidence id completed. */
  listProgressByEvidence(
    userEntityRef: string,
    evidenceId: string,
  ): Promise<Array<{ pathId: string; stepId: string; checkId: string }>>;
}

const OLDEST_FIRST = [
  { column: 'started_at', order: 'asc' },
  { column: 'id', order: 'asc' },
];

/** The Knex implementation of {@link JourneyStore}. */
export class KnexJourneyStore implements JourneyStore {
  static create(db: Knex): KnexJourneyStore {
    return new KnexJourneyStore(db);
  }

  /**
   * @param completions - in a transaction, the steps it completed, whose
   *   metrics rollup rows it refreshes before it commits
   */
  private constructor(
    private readonly db: Knex,
    private readonly completions?: StepCompletion[],
  ) {}

  transaction<T>(fn: (store: JourneyStore) => Promise<T>): Promise<T> {
    return this.db.transaction(async tx => {
      const completions: StepCompletion[] = [];
      const result = await fn(new KnexJourneyStore(tx, completions));
      await refreshStepMetrics(tx, completions);
      return result;
    });
  }

  gates(): GateStore {
    return KnexGateStore.create(this.db);
  }

  async getJourney(userEntityRef: string, pathId: string) {
    const row = await this.db('gp_journeys')
      .where({ user_entity_ref: userEntityRef, path_id: pathId })
      .first();
    return row ? journeyFromRow(row) : undefined;
  }

  async getJourneyById(id: string) {
    const row = await this.db('gp_journeys').where({ id }).first();
    return row ? journeyFromRow(row) : undefined;
  }

  async listJourneys(userEntityRef: string) {
    const rows = await this.db('gp_journeys')
      .where({ user_entity_ref: userEntityRef })
      .orderBy(OLDEST_FIRST);
    return rows.map(journeyFromRow);
  }

  async listJourneysPage(
    userEntityRef: string,
    pathIds: string[],
    page: PageWindow,
  ) {
    if (pathIds.length === 0) {
      return { rows: [], totalItems: 0 };
    }
    const base = () =>
      this.db('gp_journeys')
        .where({ user_entity_ref: userEntityRef })
        .whereIn('path_id', pathIds);
    const [{ n }] = await base().count({ n: '*' });
    const rows = await base()
      .orderBy(OLDEST_FIRST)
      .limit(page.limit)
      .offset(page.offset);
    return { rows: rows.map(journeyFromRow), totalItems: num(n) };
  }

  async createJourney(userEntityRef: string, pathId: string, now: number) {
    const inserted = await this.db('gp_journeys')
      .insert({
        id: randomUUID(),
        user_entity_ref: userEntityRef,
        path_id: pathId,
        status: 'active',
        started_at: now,
        completed_at: null,
        last_activity_at: now,
        version: 1,
      })
      .onConflict(['user_entity_ref', 'path_id'])
      .ignore()
      .returning('id');
    const journey = await this.getJourney(userEntityRef, pathId);
    if (!journey) {
      throw new Error(`Journey of ${userEntityRef} on ${pathId} vanished`);
    }
    return { journey, created: inserted.length > 0 };
  }

  async touchJourney(journey: JourneyRow, now: number) {
    const count = await this.db('gp_journeys')
      .where({ id: journey.id, version: journey.version })
      .update({ last_activity_at: now, version: journey.version + 1 });
    if (count !== 1) {
      throw new ConflictError(
        `Journey ${journey.id} was changed concurrently; retry`,
      );
    }
    journey.version += 1;
    journey.lastActivityAt = now;
  }

  async completeJourney(journeyId: string, now: number) {
    const count = await this.db('gp_journeys')
      .where({ id: journeyId })
      .whereNull('completed_at')
      .update({
        status: 'completed',
        completed_at: now,
        version: this.db.raw('version + 1'),
      });
    return count === 1;
  }

  async listProgress(journeyIds: string[]) {
    if (journeyIds.length === 0) {
      return [];
    }
    const rows = await this.db('gp_step_progress')
      .whereIn('journey_id', journeyIds)
      .orderBy([
        { column: 'journey_id', order: 'asc' },
        { column: 'completed_at', order: 'asc' },
      ]);
    return rows.map(progressFromRow);
  }

  async insertProgress(row: ProgressRow): Promise<boolean> {
    if (!this.completions) {
      // The completion and its metrics rollup row in one transaction.
      return this.transaction(tx => tx.insertProgress(row));
    }
    const inserted = await this.db('gp_step_progress')
      .insert(progressToColumns(row))
      .onConflict(['journey_id', 'step_id', 'check_id'])
      .ignore()
      .returning('journey_id');
    if (inserted.length > 0 && row.checkId === '') {
      this.completions.push({ journeyId: row.journeyId, stepId: row.stepId });
    }
    return inserted.length > 0;
  }

  async replaceProgressEvidence(row: ProgressRow, previousKey: string) {
    const count = await this.db('gp_step_progress')
      .where({
        journey_id: row.journeyId,
        step_id: row.stepId,
        check_id: row.checkId,
        source: 'evidence',
        evidence_key: previousKey,
      })
      .update(proofColumns(row));
    return count === 1;
  }

  async insertEvidence(row: EvidenceRow) {
    const inserted = await this.db('gp_evidence')
      .insert(evidenceToColumns(row))
      .onConflict(['user_entity_ref', 'path_id', 'step_id', 'evidence_id'])
      .ignore()
      .returning('id');
    return inserted.length > 0;
  }

  async listEvidence(userEntityRef: string) {
    const rows = await this.db('gp_evidence')
      .where({ user_entity_ref: userEntityRef })
      .orderBy([
        { column: 'occurred_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(evidenceFromRow);
  }

  getStartAt(userEntityRef: string) {
    return startAtOf(this.db, userEntityRef);
  }

  async listProgressByEvidence(userEntityRef: string, evidenceId: string) {
    const rows = await this.db('gp_step_progress as p')
      .join('gp_journeys as j', 'j.id', 'p.journey_id')
      .where('j.user_entity_ref', userEntityRef)
      .andWhere('p.evidence_id', evidenceId)
      .select('j.path_id', 'p.step_id', 'p.check_id')
      .orderBy([
        { column: 'j.path_id', order: 'asc' },
        { column: 'p.completed_at', order: 'asc' },
        { column: 'p.step_id', order: 'asc' },
      ]);
    return rows.map(r => ({
      pathId: r.path_id as string,
      stepId: r.step_id as string,
      checkId: r.check_id as string,
    }));
  }
}
