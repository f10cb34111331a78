import { ConflictError, NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import {
  cohortFromRow,
  CohortRow,
  IdleCohortJourneyRow,
  idleCohortJourneyFromRow,
  num,
} from './rows';
import { PageWindow } from './JourneyStore';

/** What a cohort is created from. */
export type NewCohort = Omit<CohortRow, 'version' | 'createdAt' | 'updatedAt'>;
/** A cohort update, guarded by the version it was read at. */
export type CohortUpdate = Omit<CohortRow, 'id' | 'createdAt' | 'updatedAt'>;

/** The columns of a cohort's own fields (not id, group, version). */
function cohortColumns(
  cohort: Pick<
    CohortRow,
    'title' | 'startDate' | 'owner' | 'pathId' | 'endDate'
  >,
) {
  return {
    title: cohort.title,
    start_date: cohort.startDate,
    owner: cohort.owner,
    path_id: cohort.pathId ?? null,
    end_date: cohort.endDate ?? null,
  };
}

/** Cohorts with their members, and the stuck-member notices of cohort owners. */
export interface CohortStore {
  /** One page of cohorts, newest start date first, with their members. */
  listCohortsPage(
    page: PageWindow,
  ): Promise<{ rows: CohortRow[]; totalItems: number }>;
  getCohort(id: string): Promise<CohortRow | undefined>;
  /** The ids of the cohorts the person is a member of. */
  listCohortIdsOf(userEntityRef: string): Promise<string[]>;
  /** 409 when a cohort with this id exists. */
  createCohort(cohort: NewCohort, now: number): Promise<CohortRow>;
  /** 404 for an unknown cohort, 409 for a stale version. */
  updateCohort(
    id: string,
    update: CohortUpdate,
    now: number,
  ): Promise<CohortRow>;
  /**
   * Active journeys of cohort members with no activity since `before`,
   * with the cohort owner to notify.
   */
  listIdleCohortJourneys(
    before: number,
    limit: number,
  ): Promise<IdleCohortJourneyRow[]>;
  /** True when this (journey, step) had not been reported as stuck yet. */
  claimStuckNotice(
    journeyId: string,
    stepId: string,
    now: number,
  ): Promise<boolean>;
}

/** The Knex implementation of {@link CohortStore}. */
export class KnexCohortStore implements CohortStore {
  static create(db: Knex): KnexCohortStore {
    return new KnexCohortStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async listCohortsPage(page: PageWindow) {
    const [{ n }] = await this.db('gp_cohorts').count({ n: '*' });
    const rows = await this.db('gp_cohorts')
      .orderBy([
        { column: 'start_date', order: 'desc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(page.limit)
      .offset(page.offset);
    const members = await this.membersOf(
      this.db,
      rows.map(r => r.id),
    );
    return {
      totalItems: num(n),
      rows: rows.map(row => cohortFromRow(row, members.get(row.id) ?? [])),
    };
  }

  async getCohort(id: string, tx: Knex = this.db) {
    const row = await tx('gp_cohorts').where({ id }).first();
    if (!row) {
      return undefined;
    }
    const members = await this.membersOf(tx, [id]);
    return cohortFromRow(row, members.get(id) ?? []);
  }

  async listCohortIdsOf(userEntityRef: string) {
    const rows = await this.db('gp_cohort_members')
      .whereRaw('LOWER(user_entity_ref) = ?', [
        userEntityRef.toLocaleLowerCase(),
      ])
      .select('cohort_id');
    return rows.map(r => r.cohort_id as string);
  }

  async createCohort(cohort: NewCohort, now: number) {
    await this.db.transaction(async tx => {
      const inserted = await tx('gp_cohorts')
        .insert({
          id: cohort.id,
          ...cohortColumns(cohort),
          group_ref: cohort.group ?? null,
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

  async updateCohort(id: string, update: CohortUpdate, now: number) {
    await this.db.transaction(async tx => {
      const count = await tx('gp_cohorts')
        .where({ id, version: update.version })
        .update({
          ...cohortColumns(update),
          version: tx.raw('?? + 1', ['version']),
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
    return rows.map(idleCohortJourneyFromRow);
  }

  async claimStuckNotice(journeyId: string, stepId: string, now: number) {
    const inserted = await this.db('gp_stuck_notices')
      .insert({ journey_id: journeyId, step_id: stepId, notified_at: now })
      .onConflict(['journey_id', 'step_id'])
      .ignore()
      .returning('journey_id');
    return inserted.length > 0;
  }

  private async membersOf(db: Knex, cohortIds: string[]) {
    const byCohort = new Map<string, string[]>();
    if (cohortIds.length === 0) {
      return byCohort;
    }
    const rows = await db('gp_cohort_members')
      .whereIn('cohort_id', cohortIds)
      .orderBy(['cohort_id', 'user_entity_ref']);
    for (const row of rows) {
      const list = byCohort.get(row.cohort_id) ?? [];
      list.push(row.user_entity_ref);
      byCohort.set(row.cohort_id, list);
    }
    return byCohort;
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
}
