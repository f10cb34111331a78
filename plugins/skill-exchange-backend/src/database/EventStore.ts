import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  EventInput,
  EventUpdate,
  HackEvent,
  todayIso,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { Knex } from 'knex';
import { EventRow, insertedId, lowerAll, toEvent } from './rows';

/** Hack events (hack weeks) that hacks belong to. */
export interface EventStore {
  createEvent(input: EventInput, createdBy: string): Promise<HackEvent>;
  getEvent(id: number): Promise<HackEvent | undefined>;
  /** Replaces an event; 404 for an unknown id, 409 for a stale version. */
  updateEvent(id: number, input: EventUpdate): Promise<HackEvent>;
  /** Deletes an event; its hacks stay, without an event. */
  deleteEvent(id: number): Promise<void>;
  /** Upcoming and running events first (soonest first), then past ones (latest first). */
  listEvents(): Promise<HackEvent[]>;
  /** The events of the hacks a person owns or joined, by start. */
  listEventsOfHacker(user: string): Promise<HackEvent[]>;
}

export class KnexEventStore implements EventStore {
  static create(db: Knex): KnexEventStore {
    return new KnexEventStore(db);
  }

  private constructor(private readonly db: Knex) {}

  private columns(input: EventInput | EventUpdate) {
    return {
      name: input.name,
      description: input.description,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      registration_opens_on: input.registrationOpensOn ?? null,
      registration_closes_on: input.registrationClosesOn ?? input.endsOn,
      ...(input.phase ? { phase: input.phase } : {}),
      organisers: JSON.stringify(lowerAll(input.organisers ?? [])),
    };
  }

  /** Events with the number of their hacks. */
  private select() {
    const hackCount = this.db('posts')
      .count('*')
      .whereRaw('posts.event_id = hack_events.id')
      .as('hack_count');
    return this.db<EventRow>('hack_events').select('hack_events.*', hackCount);
  }

  async createEvent(input: EventInput, createdBy: string): Promise<HackEvent> {
    const [inserted] = await this.db('hack_events')
      .insert({
        ...this.columns(input),
        created_by: createdBy,
        created_at: new Date(),
        version: 1,
      })
      .returning('id');
    return (await this.getEvent(insertedId(inserted)))!;
  }

  async getEvent(id: number): Promise<HackEvent | undefined> {
    const row = await this.select().where('hack_events.id', id).first();
    return row ? toEvent(row) : undefined;
  }

  async updateEvent(id: number, input: EventUpdate): Promise<HackEvent> {
    const changed = await this.db('hack_events')
      .where({ id, version: input.version })
      .update({
        ...this.columns(input),
        version: this.db.raw('?? + 1', ['version']),
      });
    if (changed !== 1) {
      const current = await this.getEvent(id);
      if (!current) throw new NotFoundError(`No hack event ${id}`);
      throw new ConflictError(
        `Hack event ${id} was changed by someone else (you have version ${input.version}, it is now ${current.version}); reload it and try again.`,
      );
    }
    return (await this.getEvent(id))!;
  }

  async deleteEvent(id: number): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('posts').where('event_id', id).update({ event_id: null });
      const deleted = await tx('hack_events').where('id', id).delete();
      if (!deleted) throw new NotFoundError(`No hack event ${id}`);
    });
  }

  async listEvents(): Promise<HackEvent[]> {
    const rows = await this.select()
      .orderByRaw('CASE WHEN hack_events.ends_on >= ? THEN 0 ELSE 1 END', [
        todayIso(),
      ])
      .orderByRaw(
        'CASE WHEN hack_events.ends_on >= ? THEN hack_events.starts_on END ASC',
        [todayIso()],
      )
      .orderBy('hack_events.starts_on', 'desc')
      .orderBy('hack_events.id', 'asc');
    return rows.map(toEvent);
  }

  async listEventsOfHacker(user: string): Promise<HackEvent[]> {
    const refs = [...new Set([user, user.toLocaleLowerCase()])];
    const rows = await this.select()
      .whereIn(
        'hack_events.id',
        this.db('posts')
          .select('posts.event_id')
          .where('posts.kind', 'hack')
          .whereNotNull('posts.event_id')
          .where(q =>
            q
              .whereIn('posts.owner', refs)
              .orWhereExists(
                this.db('memberships')
                  .select(this.db.raw('1'))
                  .whereRaw('memberships.post_id = posts.id')
                  .whereIn('memberships.user_ref', refs),
              ),
          ),
      )
      .orderBy('hack_events.starts_on', 'asc')
      .orderBy('hack_events.id', 'asc');
    return rows.map(toEvent);
  }
}
