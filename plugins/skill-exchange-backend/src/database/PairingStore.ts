import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type {
  EndedPairingSession,
  PairingSlot,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { Knex } from 'knex';
import { lockPost } from './places';
import { PostRow, SlotRow, toIso, toSlot } from './rows';

/** A booked slot: the slot, who booked it and when. */
export interface BookedSlot extends PairingSlot {
  bookedBy: string;
  bookedAt: string;
}

/** The booking of pairing sessions (the slots are written with the post). */
export interface PairingStore {
  /**
   * Books a slot of an open pairing session for `user`: in one transaction,
   * a conditional UPDATE turns the post `filled` only while it is open and
   * has no booked slot, so of racing bookers exactly one wins (409 for the
   * others). 400 for the owner, another kind or a slot not of this post.
   */
  book(postId: number, slotId: number, user: string): Promise<BookedSlot>;
  /** The booked slot of a post, if any (404 for an unknown post). */
  booking(postId: number): Promise<BookedSlot | undefined>;
  /** Frees the booked slot and opens the post again; 404 when none is booked. */
  cancel(postId: number): Promise<BookedSlot>;
  /**
   * Booked sessions whose slot ended before `endedBefore`, the latest
   * first (for retros after a session).
   */
  endedSessions(options: {
    endedBefore: Date;
    limit?: number;
  }): Promise<EndedPairingSession[]>;
  /**
   * Sessions the person gave that took place (booked, slot ended before
   * `now`): those they offered, and those others asked for that they booked.
   */
  sessionsGivenBy(
    user: string,
    now: Date,
  ): Promise<Array<{ postId: number; skillId: number; endsAt: string }>>;
}

const time = (value: Date | string | number) => new Date(value).getTime();

/**
 * Writes the slots of a pairing post in its create or edit transaction:
 * slots whose times stay keep their id (and a booking on them); once a slot
 * is booked the slots cannot change (409, cancel the booking first).
 */
export async function writeSlots(
  tx: Knex,
  postId: number,
  slots: Array<{ startsAt: string; endsAt: string }>,
): Promise<void> {
  const existing: SlotRow[] = await tx('pairing_slots').where(
    'post_id',
    postId,
  );
  const key = (start: number, end: number) => `${start}-${end}`;
  const wanted = new Map(
    slots.map(s => [key(time(s.startsAt), time(s.endsAt)), s]),
  );
  const have = new Map(
    existing.map(r => [key(time(r.starts_at), time(r.ends_at)), r]),
  );
  const gone = existing.filter(
    r => !wanted.has(key(time(r.starts_at), time(r.ends_at))),
  );
  const added = [...wanted].filter(([k]) => !have.has(k)).map(([, s]) => s);
  if (!gone.length && !added.length) return;
  if (existing.some(r => r.booked_by)) {
    throw new ConflictError(
      'A slot of this pairing session is booked: its slots cannot change. Cancel the booking first.',
    );
  }
  if (gone.length) {
    await tx('pairing_slots')
      .whereIn(
        'id',
        gone.map(r => r.id),
      )
      .delete();
  }
  if (added.length) {
    await tx('pairing_slots').insert(
      added.map(s => ({
        post_id: postId,
        starts_at: new Date(s.startsAt),
        ends_at: new Date(s.endsAt),
      })),
    );
  }
}

function toBooked(row: SlotRow): BookedSlot {
  return {
    ...toSlot(row),
    bookedBy: row.booked_by!,
    bookedAt: toIso(row.booked_at!),
  };
}

export class KnexPairingStore implements PairingStore {
  static create(db: Knex): KnexPairingStore {
    return new KnexPairingStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async book(postId: number, slotId: number, user: string) {
    return this.db.transaction(async tx => {
      const post = await tx<PostRow>('posts').where('id', postId).first();
      if (!post) throw new NotFoundError(`No post ${postId}`);
      if (post.kind !== 'pairing') {
        throw new InputError(
          `Post ${postId} is a ${post.kind}: only pairing sessions are booked`,
        );
      }
      if (post.owner === user) {
        throw new InputError('You cannot book your own pairing session');
      }
      const slot = await tx<SlotRow>('pairing_slots')
        .where({ id: slotId, post_id: postId })
        .first();
      if (!slot) {
        throw new InputError(`slotId: post ${postId} has no slot ${slotId}`);
      }
      if (time(slot.starts_at) <= Date.now()) {
        throw new InputError(`slotId: slot ${slotId} has already started`);
      }
      const now = new Date();
      // The rule: only an open post without a booked slot turns filled. The
      // UPDATE waits for a racing booker's (row lock) and then finds the
      // post filled, so exactly one of them books.
      const won = await tx('posts')
        .where({ id: postId, status: 'open' })
        .whereNotExists(
          tx('pairing_slots as s')
            .select(tx.raw('1'))
            .whereRaw('s.post_id = posts.id')
            .whereNotNull('s.booked_by'),
        )
        .update({
          status: 'filled',
          status_changed_at: now,
          updated_at: now,
          version: tx.raw('?? + 1', ['version']),
        });
      if (won !== 1) {
        throw new ConflictError(
          `Pairing session ${postId} is already booked or no longer open`,
        );
      }
      await tx('pairing_slots')
        .where('id', slotId)
        .update({ booked_by: user, booked_at: now });
      return toBooked({ ...slot, booked_by: user, booked_at: now });
    });
  }

  async booking(postId: number) {
    const row = await this.db<SlotRow>('pairing_slots')
      .where('post_id', postId)
      .whereNotNull('booked_by')
      .first();
    return row ? toBooked(row) : undefined;
  }

  async cancel(postId: number) {
    return this.db.transaction(async tx => {
      const post = await lockPost(tx, postId);
      const row = await tx<SlotRow>('pairing_slots')
        .where('post_id', postId)
        .whereNotNull('booked_by')
        .first();
      if (!row) throw new NotFoundError(`Post ${postId} is not booked`);
      await tx('pairing_slots')
        .where('id', row.id)
        .update({ booked_by: null, booked_at: null });
      if (post.status === 'filled') {
        const now = new Date();
        await tx('posts')
          .where('id', postId)
          .update({
            status: 'open',
            status_changed_at: now,
            updated_at: now,
            version: tx.raw('?? + 1', ['version']),
          });
      }
      return toBooked(row);
    });
  }

  async endedSessions(options: { endedBefore: Date; limit?: number }) {
    const rows = await this.db('pairing_slots as s')
      .join('posts as p', 'p.id', 's.post_id')
      .join('post_skills as ps', 'ps.post_id', 'p.id')
      .join('skills as k', 'k.id', 'ps.skill_id')
      .whereNotNull('s.booked_by')
      .where('s.ends_at', '<', options.endedBefore)
      .orderBy([
        { column: 's.ends_at', order: 'desc' },
        { column: 'p.id', order: 'desc' },
      ])
      .limit(options.limit ?? 100)
      .select(
        'p.id as post_id',
        'p.owner',
        's.booked_by',
        'k.name as skill',
        's.ends_at',
      );
    return rows.map(r => ({
      postId: r.post_id,
      owner: r.owner,
      booker: r.booked_by,
      skill: r.skill,
      endsAt: toIso(r.ends_at),
    }));
  }

  async sessionsGivenBy(user: string, now: Date) {
    const ref = user.toLocaleLowerCase();
    const rows = await this.db('pairing_slots as s')
      .join('posts as p', 'p.id', 's.post_id')
      .join('post_skills as ps', 'ps.post_id', 'p.id')
      .whereNotNull('s.booked_by')
      .where('s.ends_at', '<=', now)
      .where(q =>
        q
          .where(o => o.where('p.mode', 'offering').where('p.owner', ref))
          .orWhere(k => k.where('p.mode', 'seeking').where('s.booked_by', ref)),
      )
      .select('p.id as post_id', 'ps.skill_id', 's.ends_at');
    return rows.map(r => ({
      postId: Number(r.post_id),
      skillId: Number(r.skill_id),
      endsAt: toIso(r.ends_at),
    }));
  }
}
