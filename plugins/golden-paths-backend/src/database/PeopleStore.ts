import { Knex } from 'knex';
import { num } from './rows';

/** A person's start date as the catalog says (`onramp.dev/start-date`). */
export type PersonStartDate = {
  /** Lower-case entity ref, as journeys and evidence name people. */
  userEntityRef: string;
  /** The annotation's ISO date, e.g. `2026-11-02`. */
  startDate: string;
};

/** 00:00 UTC of an ISO date, in epoch ms; undefined for anything else. */
export function startOfDay(isoDate: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) {
    return undefined;
  }
  const at = Date.parse(`${isoDate}T00:00:00Z`);
  // Date.parse accepts 2026-02-31; a real date prints back the same.
  return Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== isoDate
    ? undefined
    : at;
}

/** People's start dates, copied from the catalog (`gp_people`). */
export interface PeopleStore {
  /**
   * Makes the table hold exactly these people (the catalog's users with a
   * valid start date): adds, updates and removes in one transaction.
   * Returns how many rows changed.
   */
  replaceStartDates(people: PersonStartDate[], now: number): Promise<number>;
  /** The person's start (00:00 UTC of their start date), or null. */
  getStartAt(userEntityRef: string): Promise<number | null>;
}

/** The Knex implementation of {@link PeopleStore}. */
export class KnexPeopleStore implements PeopleStore {
  static create(db: Knex): KnexPeopleStore {
    return new KnexPeopleStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async replaceStartDates(people: PersonStartDate[], now: number) {
    const wanted = new Map<string, string>();
    for (const p of people) {
      if (startOfDay(p.startDate) !== undefined) {
        wanted.set(p.userEntityRef.toLocaleLowerCase(), p.startDate);
      }
    }
    return this.db.transaction(async tx => {
      const existing = new Map<string, string>(
        (await tx('gp_people').select('user_entity_ref', 'start_date')).map(
          r => [r.user_entity_ref as string, r.start_date as string],
        ),
      );
      const gone = [...existing.keys()].filter(ref => !wanted.has(ref));
      const changed = [...wanted].filter(
        ([ref, date]) => existing.get(ref) !== date,
      );
      for (let i = 0; i < gone.length; i += 500) {
        await tx('gp_people')
          .whereIn('user_entity_ref', gone.slice(i, i + 500))
          .delete();
      }
      for (let i = 0; i < changed.length; i += 200) {
        await tx('gp_people')
          .insert(
            changed.slice(i, i + 200).map(([ref, date]) => ({
              user_entity_ref: ref,
              start_date: date,
              start_at: startOfDay(date)!,
              synced_at: now,
            })),
          )
          .onConflict('user_entity_ref')
          .merge(['start_date', 'start_at', 'synced_at']);
      }
      return gone.length + changed.length;
    });
  }

  async getStartAt(userEntityRef: string) {
    return startAtOf(this.db, userEntityRef);
  }
}

/** Reads a person's start on `db` (a connection or a transaction). */
export async function startAtOf(
  db: Knex,
  userEntityRef: string,
): Promise<number | null> {
  const row = await db('gp_people')
    .where('user_entity_ref', userEntityRef.toLocaleLowerCase())
    .first('start_at');
  return row ? num(row.start_at) : null;
}
