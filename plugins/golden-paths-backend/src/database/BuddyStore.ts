import { Knex } from 'knex';
import { num, numOrNull } from './rows';

/** A person suggested as (or confirmed as) a journey's onboarding buddy. */
export type BuddyRow = {
  journeyId: string;
  buddyRef: string;
  status: 'suggested' | 'confirmed' | 'declined';
  reason: string;
  suggestedAt: number;
  confirmedBy: string | null;
  declinedBy: string | null;
  decidedAt: number | null;
};

/** What a confirm did: confirmed, or why not. */
export type ConfirmResult =
  | { outcome: 'confirmed'; row: BuddyRow }
  | { outcome: 'not-suggested'; row?: BuddyRow }
  | { outcome: 'full'; confirmed: number };

function buddyFromRow(r: Record<string, any>): BuddyRow {
  return {
    journeyId: r.journey_id,
    buddyRef: r.buddy_ref,
    status: r.status,
    reason: r.reason,
    suggestedAt: num(r.suggested_at),
    confirmedBy: r.confirmed_by ?? null,
    declinedBy: r.declined_by ?? null,
    decidedAt: numOrNull(r.decided_at),
  };
}

/** Lock namespace of a buddy's confirmations (PostgreSQL advisory locks). */
const BUDDY_LOCK = 73_110;
/** Lock namespace of a journey's suggestion. */
const JOURNEY_LOCK = 73_111;

/** Onboarding buddies (`gp_journey_buddies`), several rows per journey. */
export interface BuddyStore {
  /** Every person suggested for these journeys, oldest suggestion first. */
  listForJourneys(journeyIds: string[]): Promise<BuddyRow[]>;
  /**
   * Suggests `buddyRef` unless the journey already has a suggested or
   * confirmed buddy or had this person before; true when inserted.
   */
  suggest(
    row: Pick<BuddyRow, 'journeyId' | 'buddyRef' | 'reason' | 'suggestedAt'>,
  ): Promise<boolean>;
  /** How many confirmed people each of these buddies (lower-case refs) has. */
  countConfirmed(buddyRefs: string[]): Promise<Map<string, number>>;
  /**
   * Confirms the journey's suggested buddy `buddyRef`, in one transaction
   * that holds the buddy's lock (PostgreSQL), so concurrent confirms never
   * give one buddy more than `maxPerBuddy` confirmed people.
   */
  confirm(
    journeyId: string,
    buddyRef: string,
    decision: { by: string; at: number; maxPerBuddy: number },
  ): Promise<ConfirmResult>;
  /** Declines the journey's suggested buddy; false unless it was suggested. */
  decline(
    journeyId: string,
    buddyRef: string,
    decision: { by: string; at: number },
  ): Promise<boolean>;
  /** The journeys `buddyRef` (lower-case) is the confirmed buddy of, oldest first. */
  listConfirmedFor(buddyRef: string): Promise<BuddyRow[]>;
}

/** The Knex implementation of {@link BuddyStore}. */
export class KnexBuddyStore implements BuddyStore {
  static create(db: Knex): KnexBuddyStore {
    return new KnexBuddyStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async listForJourneys(journeyIds: string[]) {
    if (!journeyIds.length) return [];
    const rows = await this.db('gp_journey_buddies')
      .whereIn('journey_id', journeyIds)
      .orderBy([
        { column: 'suggested_at', order: 'asc' },
        { column: 'buddy_ref', order: 'asc' },
      ]);
    return rows.map(buddyFromRow);
  }

  async suggest(
    row: Pick<BuddyRow, 'journeyId' | 'buddyRef' | 'reason' | 'suggestedAt'>,
  ) {
    return this.db.transaction(async tx => {
      await lock(tx, JOURNEY_LOCK, row.journeyId);
      const active = await tx('gp_journey_buddies')
        .where('journey_id', row.journeyId)
        .where(qb =>
          qb
            .whereIn('status', ['suggested', 'confirmed'])
            .orWhere('buddy_ref', row.buddyRef),
        )
        .first('buddy_ref');
      if (active) return false;
      await tx('gp_journey_buddies').insert({
        journey_id: row.journeyId,
        buddy_ref: row.buddyRef,
        status: 'suggested',
        reason: row.reason,
        suggested_at: row.suggestedAt,
      });
      return true;
    });
  }

  async countConfirmed(buddyRefs: string[]) {
    const counts = new Map<string, number>();
    if (!buddyRefs.length) return counts;
    const rows = await this.db('gp_journey_buddies')
      .whereIn('buddy_ref', buddyRefs)
      .where('status', 'confirmed')
      .groupBy('buddy_ref')
      .select('buddy_ref')
      .count({ n: '*' });
    for (const r of rows as Array<Record<string, unknown>>) {
      counts.set(String(r.buddy_ref), num(r.n));
    }
    return counts;
  }

  async confirm(
    journeyId: string,
    buddyRef: string,
    decision: { by: string; at: number; maxPerBuddy: number },
  ): Promise<ConfirmResult> {
    return this.db.transaction(async tx => {
      // Serialises every confirmation of this buddy: the count below is
      // then the one the update is made against.
      await lock(tx, BUDDY_LOCK, buddyRef);
      const found = await tx('gp_journey_buddies')
        .where({ journey_id: journeyId, buddy_ref: buddyRef })
        .first();
      const row = found ? buddyFromRow(found) : undefined;
      if (!row || row.status !== 'suggested') {
        return { outcome: 'not-suggested' as const, row };
      }
      const [{ n }] = await tx('gp_journey_buddies')
        .where({ buddy_ref: buddyRef, status: 'confirmed' })
        .count({ n: '*' });
      if (num(n) >= decision.maxPerBuddy) {
        return { outcome: 'full' as const, confirmed: num(n) };
      }
      await tx('gp_journey_buddies')
        .where({ journey_id: journeyId, buddy_ref: buddyRef })
        .update({
          status: 'confirmed',
          confirmed_by: decision.by,
          decided_at: decision.at,
        });
      return {
        outcome: 'confirmed' as const,
        row: {
          ...row,
          status: 'confirmed' as const,
          confirmedBy: decision.by,
          decidedAt: decision.at,
        },
      };
    });
  }

  async decline(
    journeyId: string,
    buddyRef: string,
    decision: { by: string; at: number },
  ) {
    const changed = await this.db('gp_journey_buddies')
      .where({ journey_id: journeyId, buddy_ref: buddyRef })
      .where('status', 'suggested')
      .update({
        status: 'declined',
        declined_by: decision.by,
        decided_at: decision.at,
      });
    return changed > 0;
  }

  async listConfirmedFor(buddyRef: string) {
    const rows = await this.db('gp_journey_buddies')
      .where({ buddy_ref: buddyRef, status: 'confirmed' })
      .orderBy([
        { column: 'decided_at', order: 'asc' },
        { column: 'journey_id', order: 'asc' },
      ]);
    return rows.map(buddyFromRow);
  }
}

/**
 * Holds a transaction-scoped lock on `key` in `namespace` on PostgreSQL.
 * SQLite runs one write transaction at a time, which is the same guarantee.
 */
async function lock(tx: Knex.Transaction, namespace: number, key: string) {
  if (tx.client.config.client === 'pg') {
    await tx.raw('SELECT pg_advisory_xact_lock(?, hashtext(?))', [
      namespace,
      key,
    ]);
  }
}
