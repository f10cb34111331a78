import { Knex } from 'knex';
import { journeyFromRow, JourneyRow } from './rows';

/** A nudge about to be sent (`gp_nudges`). */
export type NudgeRow = {
  userEntityRef: string;
  cohortId: string;
  sentBy: string;
  sentAt: number;
};

/** The UTC day (YYYY-MM-DD) of a time, the unit of "once a day". */
export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/**
 * Nudges (at most one per person and UTC day, by the primary key), the
 * person settings, and the journeys the board and the team page read.
 */
export interface BootcampStore {
  /**
   * Claims the person's nudge of the day, then runs `send`: false (and
   * nothing sent) when the person was nudged that day already; a failing
   * `send` leaves no nudge behind.
   */
  claimNudge(nudge: NudgeRow, send: () => Promise<void>): Promise<boolean>;
  /** Which of these people were nudged on the day of `at`. */
  listNudgedOn(userEntityRefs: string[], at: number): Promise<Set<string>>;
  /** The journeys of these people, on `pathId` when given. */
  listJourneysOf(
    userEntityRefs: string[],
    pathId?: string,
  ): Promise<JourneyRow[]>;
  /** Whether each person shares their Skill Exchange activity (default off). */
  listSharing(userEntityRefs: string[]): Promise<Set<string>>;
  getSharing(userEntityRef: string): Promise<boolean>;
  setSharing(userEntityRef: string, share: boolean, now: number): Promise<void>;
}

const lower = (refs: string[]) => refs.map(r => r.toLocaleLowerCase());

/** The Knex implementation of {@link BootcampStore}. */
export class KnexBootcampStore implements BootcampStore {
  static create(db: Knex): KnexBootcampStore {
    return new KnexBootcampStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async claimNudge(nudge: NudgeRow, send: () => Promise<void>) {
    const key = {
      user_entity_ref: nudge.userEntityRef.toLocaleLowerCase(),
      day: utcDay(nudge.sentAt),
    };
    // The claim is one conditional insert: of concurrent nudges of a person
    // on one day, on any replica, exactly one inserts.
    const inserted = await this.db('gp_nudges')
      .insert({
        ...key,
        cohort_id: nudge.cohortId,
        sent_by: nudge.sentBy,
        sent_at: nudge.sentAt,
      })
      .onConflict(['user_entity_ref', 'day'])
      .ignore()
      .returning('user_entity_ref');
    if (inserted.length === 0) {
      return false;
    }
    // Sent after the claim is committed (no transaction held over a call to
    // another plugin); a failed send gives the claim back.
    try {
      await send();
    } catch (error) {
      await this.db('gp_nudges')
        .where({ ...key, sent_at: nudge.sentAt })
        .delete();
      throw error;
    }
    return true;
  }

  async listNudgedOn(userEntityRefs: string[], at: number) {
    if (userEntityRefs.length === 0) return new Set<string>();
    const rows = await this.db('gp_nudges')
      .whereIn('user_entity_ref', lower(userEntityRefs))
      .andWhere('day', utcDay(at))
      .select('user_entity_ref');
    return new Set(rows.map(r => r.user_entity_ref as string));
  }

  async listJourneysOf(userEntityRefs: string[], pathId?: string) {
    if (userEntityRefs.length === 0) return [];
    const query = this.db('gp_journeys')
      .whereRaw(
        `LOWER(user_entity_ref) IN (${userEntityRefs
          .map(() => '?')
          .join(', ')})`,
        lower(userEntityRefs),
      )
      .orderBy([
        { column: 'user_entity_ref', order: 'asc' },
        { column: 'started_at', order: 'asc' },
      ]);
    if (pathId) query.andWhere('path_id', pathId);
    return (await query).map(journeyFromRow);
  }

  async listSharing(userEntityRefs: string[]) {
    if (userEntityRefs.length === 0) return new Set<string>();
    const rows = await this.db('gp_person_settings')
      .whereIn('user_entity_ref', lower(userEntityRefs))
      .andWhere('share_skill_exchange', true)
      .select('user_entity_ref');
    return new Set(rows.map(r => r.user_entity_ref as string));
  }

  async getSharing(userEntityRef: string) {
    const shared = await this.listSharing([userEntityRef]);
    return shared.size > 0;
  }

  async setSharing(userEntityRef: string, share: boolean, now: number) {
    await this.db('gp_person_settings')
      .insert({
        user_entity_ref: userEntityRef.toLocaleLowerCase(),
        share_skill_exchange: share,
        updated_at: now,
      })
      .onConflict('user_entity_ref')
      .merge(['share_skill_exchange', 'updated_at']);
  }
}
