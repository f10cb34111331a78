import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';

const migrationsDir = resolvePackagePath(
  '@onramp/backstage-plugin-golden-paths-backend',
  'migrations',
);

export type JourneyRow = {
  id: string;
  userEntityRef: string;
  pathId: string;
  status: 'active' | 'completed';
  startedAt: number;
  completedAt: number | null;
  lastActivityAt: number;
  version: number;
};

export type ProgressRow = {
  journeyId: string;
  stepId: string;
  checkId: string;
  source: 'manual' | 'evidence';
  evidenceId: string | null;
  evidenceKey: string | null;
  taskId: string | null;
  templateRef: string | null;
  link: string | null;
  summary: string | null;
  outputs: Record<string, unknown> | null;
  completedAt: number;
  /** Time since the journey's previous progress (or its start). */
  durationMs: number;
};

export type EvidenceRow = {
  userEntityRef: string;
  pathId: string;
  stepId: string;
  evidenceId: string;
  key: string;
  taskId: string | null;
  templateRef: string | null;
  link: string | null;
  summary: string | null;
  outputs: Record<string, unknown> | null;
  occurredAt: number;
  recordedAt: number;
};

export type CohortRow = {
  id: string;
  title: string;
  startDate: string;
  owner: string;
  members: string[];
  version: number;
  createdAt: number;
  updatedAt: number;
};

/** PostgreSQL returns bigint and numeric as strings. */
export function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : num(value);
}

function json(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  return JSON.parse(String(value));
}

function toJourney(row: any): JourneyRow {
  return {
    id: row.id,
    userEntityRef: row.user_entity_ref,
    pathId: row.path_id,
    status: row.status,
    startedAt: num(row.started_at),
    completedAt: numOrNull(row.completed_at),
    lastActivityAt: num(row.last_activity_at),
    version: num(row.version),
  };
}

function toProgress(row: any): ProgressRow {
  return {
    journeyId: row.journey_id,
    stepId: row.step_id,
    checkId: row.check_id,
    source: row.source,
    evidenceId: row.evidence_id,
    evidenceKey: row.evidence_key,
    taskId: row.task_id,
    templateRef: row.template_ref,
    link: row.link,
    summary: row.summary,
    outputs: json(row.outputs),
    completedAt: num(row.completed_at),
    durationMs: num(row.duration_ms),
  };
}

function toEvidence(row: any): EvidenceRow {
  return {
    userEntityRef: row.user_entity_ref,
    pathId: row.path_id,
    stepId: row.step_id,
    evidenceId: row.evidence_id,
    key: row.key,
    taskId: row.task_id,
    templateRef: row.template_ref,
    link: row.link,
    summary: row.summary,
    outputs: json(row.outputs),
    occurredAt: num(row.occurred_at),
    recordedAt: num(row.recorded_at),
  };
}

/** All SQL of the golden-paths plugin except the metrics aggregates. */
export class GoldenPathsStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<GoldenPathsStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new GoldenPathsStore(client);
  }

  constructor(readonly db: Knex) {}

  transaction<T>(fn: (tx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  async getJourney(
    userEntityRef: string,
    pathId: string,
    tx: Knex = this.db,
  ): Promise<JourneyRow | undefined> {
    const row = await tx('gp_journeys')
      .where({ user_entity_ref: userEntityRef, path_id: pathId })
      .first();
    return row ? toJourney(row) : undefined;
  }

  async getJourneyById(
    id: string,
    tx: Knex = this.db,
  ): Promise<JourneyRow | undefined> {
    const row = await tx('gp_journeys').where({ id }).first();
    return row ? toJourney(row) : undefined;
  }

  async listJourneys(
    userEntityRef: string,
    tx: Knex = this.db,
  ): Promise<JourneyRow[]> {
    const rows = await tx('gp_journeys')
      .where({ user_entity_ref: userEntityRef })
      .orderBy([
        { column: 'started_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(toJourney);
  }

  /** One page of a person's journeys on the given paths, oldest first. */
  async listJourneysPage(
    userEntityRef: string,
    pathIds: string[],
    page: { limit: number; offset: number },
  ): Promise<{ rows: JourneyRow[]; totalCount: number }> {
    if (pathIds.length === 0) {
      return { rows: [], totalCount: 0 };
    }
    const base = () =>
      this.db('gp_journeys')
        .where({ user_entity_ref: userEntityRef })
        .whereIn('path_id', pathIds);
    const [{ n }] = await base().count({ n: '*' });
    const rows = await base()
      .orderBy([
        { column: 'started_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(page.limit)
      .offset(page.offset);
    return { rows: rows.map(toJourney), totalCount: num(n) };
  }

  /** Creates the journey unless it exists; returns it and whether it is new. */
  async createJourney(
    userEntityRef: string,
    pathId: string,
    now: number,
    tx: Knex = this.db,
  ): Promise<{ journey: JourneyRow; created: boolean }> {
    const inserted = await tx('gp_journeys')
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
    const journey = await this.getJourney(userEntityRef, pathId, tx);
    if (!journey) {
      throw new Error(`Journey of ${userEntityRef} on ${pathId} vanished`);
    }
    return { journey, created: inserted.length > 0 };
  }

  async listProgress(
    journeyIds: string[],
    tx: Knex = this.db,
  ): Promise<ProgressRow[]> {
    if (journeyIds.length === 0) {
      return [];
    }
    const rows = await tx('gp_step_progress')
      .whereIn('journey_id', journeyIds)
      .orderBy([
        { column: 'journey_id', order: 'asc' },
        { column: 'completed_at', order: 'asc' },
      ]);
    return rows.map(toProgress);
  }

  /** Inserts progress unless that step (or check) is already done. */
  async insertProgress(row: ProgressRow, tx: Knex = this.db) {
    const inserted = await tx('gp_step_progress')
      .insert({
        journey_id: row.journeyId,
        step_id: row.stepId,
        check_id: row.checkId,
        source: row.source,
        evidence_id: row.evidenceId,
        evidence_key: row.evidenceKey,
        task_id: row.taskId,
        template_ref: row.templateRef,
        link: row.link,
        summary: row.summary,
        outputs: row.outputs ? JSON.stringify(row.outputs) : null,
        completed_at: row.completedAt,
        duration_ms: row.durationMs,
      })
      .onConflict(['journey_id', 'step_id', 'check_id'])
      .ignore()
      .returning('journey_id');
    return inserted.length > 0;
  }

  /**
   * Replaces the evidence of a done step (or check) with stronger evidence,
   * keeping its completion time; guarded by the key it replaces, so of two
   * racing writers one wins. True when the row changed.
   */
  async replaceProgressEvidence(
    row: ProgressRow,
    previousKey: string,
    tx: Knex = this.db,
  ): Promise<boolean> {
    const count = await tx('gp_step_progress')
      .where({
        journey_id: row.journeyId,
        step_id: row.stepId,
        check_id: row.checkId,
        source: 'evidence',
        evidence_key: previousKey,
      })
      .update({
        evidence_id: row.evidenceId,
        evidence_key: row.evidenceKey,
        task_id: row.taskId,
        template_ref: row.templateRef,
        link: row.link,
        summary: row.summary,
        outputs: row.outputs ? JSON.stringify(row.outputs) : null,
      });
    return count === 1;
  }

  /**
   * Bumps the journey's version and activity time, guarded by the version
   * the caller read (optimistic concurrency): a concurrent change -> 409.
   */
  async touchJourney(
    journey: JourneyRow,
    now: number,
    tx: Knex = this.db,
  ): Promise<void> {
    const count = await tx('gp_journeys')
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

  /** Marks the journey completed; true only for the caller that did it. */
  async completeJourney(
    journeyId: string,
    now: number,
    tx: Knex = this.db,
  ): Promise<boolean> {
    const count = await tx('gp_journeys')
      .where({ id: journeyId })
      .whereNull('completed_at')
      .update({
        status: 'completed',
        completed_at: now,
        version: tx.raw('version + 1'),
      });
    return count === 1;
  }

  /** Logs evidence; false when this (user, step, evidenceId) was logged before. */
  async insertEvidence(row: EvidenceRow, tx: Knex = this.db) {
    const inserted = await tx('gp_evidence')
      .insert({
        user_entity_ref: row.userEntityRef,
        path_id: row.pathId,
        step_id: row.stepId,
        evidence_id: row.evidenceId,
        key: row.key,
        task_id: row.taskId,
        template_ref: row.templateRef,
        link: row.link,
        summary: row.summary,
        outputs: row.outputs ? JSON.stringify(row.outputs) : null,
        occurred_at: row.occurredAt,
        recorded_at: row.recordedAt,
      })
      .onConflict(['user_entity_ref', 'path_id', 'step_id', 'evidence_id'])
      .ignore()
      .returning('id');
    return inserted.length > 0;
  }

  async listEvidence(
    userEntityRef: string,
    tx: Knex = this.db,
  ): Promise<EvidenceRow[]> {
    const rows = await tx('gp_evidence')
      .where({ user_entity_ref: userEntityRef })
      .orderBy([
        { column: 'occurred_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(toEvidence);
  }

  /** Steps of the user's journeys that this evidence id completed. */
  async listProgressByEvidence(
    userEntityRef: string,
    evidenceId: string,
    tx: Knex = this.db,
  ): Promise<Array<{ pathId: string; stepId: string; checkId: string }>> {
    const rows = await tx('gp_step_progress as p')
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
      pathId: r.path_id,
      stepId: r.step_id,
      checkId: r.check_id,
    }));
  }

  // Cohorts

  /** One page of cohorts, newest start date first, with their members. */
  async listCohortsPage(page: {
    limit: number;
    offset: number;
  }): Promise<{ rows: CohortRow[]; totalCount: number }> {
    const [{ n }] = await this.db('gp_cohorts').count({ n: '*' });
    const rows = await this.db('gp_cohorts')
      .orderBy([
        { column: 'start_date', order: 'desc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(page.limit)
      .offset(page.offset);
    const members =
      rows.length === 0
        ? []
        : await this.db('gp_cohort_members')
            .whereIn(
              'cohort_id',
              rows.map(r => r.id),
            )
            .orderBy(['cohort_id', 'user_entity_ref']);
    return {
      totalCount: num(n),
      rows: rows.map(row => ({
        id: row.id,
        title: row.title,
        startDate: row.start_date,
        owner: row.owner,
        version: num(row.version),
        createdAt: num(row.created_at),
        updatedAt: num(row.updated_at),
        members: members
          .filter(m => m.cohort_id === row.id)
          .map(m => m.user_entity_ref),
      })),
    };
  }

  async getCohort(id: string, tx: Knex = this.db) {
    const row = await tx('gp_cohorts').where({ id }).first();
    if (!row) {
      return undefined;
    }
    const members = await tx('gp_cohort_members')
      .where({ cohort_id: id })
      .orderBy('user_entity_ref');
    return {
      id: row.id,
      title: row.title,
      startDate: row.start_date,
      owner: row.owner,
      version: num(row.version),
      createdAt: num(row.created_at),
      updatedAt: num(row.updated_at),
      members: members.map(m => m.user_entity_ref),
    } as CohortRow;
  }

  async createCohort(
    cohort: Omit<CohortRow, 'version' | 'createdAt' | 'updatedAt'>,
    now: number,
  ): Promise<CohortRow> {
    await this.db.transaction(async tx => {
      const inserted = await tx('gp_cohorts')
        .insert({
          id: cohort.id,
          title: cohort.title,
          start_date: cohort.startDate,
          owner: cohort.owner,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .onConflict('id')
        .ignore()
        .returning('id');
      if (inserted.length === 0) {
        throw new ConflictError(`Cohort ${cohort.id} already exists`);
      }
      await this.replaceMembers(tx, cohort.id, cohort.members);
    });
    return (await this.getCohort(cohort.id))!;
  }

  async updateCohort(
    id: string,
    update: Omit<CohortRow, 'id' | 'createdAt' | 'updatedAt'>,
    now: number,
  ): Promise<CohortRow> {
    await this.db.transaction(async tx => {
      const count = await tx('gp_cohorts')
        .where({ id, version: update.version })
        .update({
          title: update.title,
          start_date: update.startDate,
          owner: update.owner,
          version: update.version + 1,
          updated_at: now,
        });
      if (count !== 1) {
        const exists = await tx('gp_cohorts').where({ id }).first();
        if (!exists) {
          throw new NotFoundError(`No cohort ${id}`);
        }
        throw new ConflictError(
          `Cohort ${id} is at version ${num(exists.version)}, not ${
            update.version
          }: reload and retry`,
        );
      }
      await this.replaceMembers(tx, id, update.members);
    });
    return (await this.getCohort(id))!;
  }

  private async replaceMembers(tx: Knex, cohortId: string, members: string[]) {
    await tx('gp_cohort_members').where({ cohort_id: cohortId }).delete();
    const unique = Array.from(new Set(members));
    if (unique.length > 0) {
      await tx.batchInsert(
        'gp_cohort_members',
        unique.map(user => ({ cohort_id: cohortId, user_entity_ref: user })),
        200,
      );
    }
  }

  // Merged pull requests

  /** Inserts new merged pull requests; returns how many were new. */
  async insertMergedPullRequests(
    rows: Array<{
      source: string;
      prId: string;
      repository: string;
      userEntityRef: string;
      mergedAt: number;
    }>,
  ): Promise<number> {
    let added = 0;
    for (let i = 0; i < rows.length; i += 200) {
      const inserted = await this.db('gp_merged_prs')
        .insert(
          rows.slice(i, i + 200).map(r => ({
            source: r.source,
            pr_id: r.prId,
            repository: r.repository,
            user_entity_ref: r.userEntityRef,
            merged_at: r.mergedAt,
          })),
        )
        .onConflict(['source', 'pr_id'])
        .ignore()
        .returning('pr_id');
      added += inserted.length;
    }
    return added;
  }

  // Stuck members

  /**
   * Active journeys of cohort members with no activity since `before`,
   * with the cohort owner to notify.
   */
  async listIdleCohortJourneys(before: number, limit: number) {
    const rows = await this.db('gp_journeys as j')
      .join('gp_cohort_members as m', 'm.user_entity_ref', 'j.user_entity_ref')
      .join('gp_cohorts as c', 'c.id', 'm.cohort_id')
      .where('j.status', 'active')
      .andWhere('j.last_activity_at', '<', before)
      .select(
        'j.id as journey_id',
        'j.user_entity_ref',
        'j.path_id',
        'j.last_activity_at',
        'c.id as cohort_id',
        'c.title as cohort_title',
        'c.owner as cohort_owner',
      )
      .orderBy('j.last_activity_at', 'asc')
      .limit(limit);
    return rows.map(r => ({
      journeyId: r.journey_id as string,
      userEntityRef: r.user_entity_ref as string,
      pathId: r.path_id as string,
      lastActivityAt: num(r.last_activity_at),
      cohortId: r.cohort_id as string,
      cohortTitle: r.cohort_title as string,
      cohortOwner: r.cohort_owner as string,
    }));
  }

  /** True when this (journey, step) had not been reported as stuck yet. */
  async claimStuckNotice(journeyId: string, stepId: string, now: number) {
    const inserted = await this.db('gp_stuck_notices')
      .insert({ journey_id: journeyId, step_id: stepId, notified_at: now })
      .onConflict(['journey_id', 'step_id'])
      .ignore()
      .returning('journey_id');
    return inserted.length > 0;
  }
}
