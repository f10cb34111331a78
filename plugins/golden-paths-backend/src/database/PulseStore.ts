import { NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import { num } from './rows';

const DAY_MS = 24 * 60 * 60 * 1000;

/** An asked pulse of one person, with its answer (`gp_pulse_asks`, `_answers`). */
export type PulseRow = {
  userEntityRef: string;
  day: number;
  dueAt: number;
  askedAt: number;
  answer: {
    onboarded: number;
    productive: number;
    comment: string | null;
    answeredAt: number;
    updatedAt: number;
    version: number;
  } | null;
};

/** A person whose pulse day arrived (start date + day) and who was not asked. */
export type PulseCandidate = {
  userEntityRef: string;
  day: number;
  dueAt: number;
};

/** The counts of one group of answers, as SQL computed them. */
export type PulseCounts = {
  group: string;
  answers: number;
  people: number;
  /** How many answered 1..5, in that order. */
  onboarded: number[];
  productive: number[];
};

/** What the answers are grouped by in {@link PulseStore.countAnswers}. */
export type PulseGrouping =
  | { kind: 'all' }
  | { kind: 'day' }
  | { kind: 'cohort' }
  /** The discipline of each path the person has a journey on. */
  | { kind: 'discipline'; pathsByDiscipline: Record<string, string[]> };

/** Pulse surveys: who was asked on which day, and their answers. */
export interface PulseStore {
  /**
   * People with a start date whose `day` arrived in `(now - catchUpDays,
   * now]` and who were not asked for it (or a later day) yet.
   */
  listCandidates(
    day: number,
    now: number,
    catchUpDays: number,
  ): Promise<PulseCandidate[]>;
  /** Claims the ask of (person, day); false when it was asked before. */
  claimAsk(candidate: PulseCandidate, now: number): Promise<boolean>;
  /** The person's asked pulses with their answers, latest day first. */
  listOwn(userEntityRef: string): Promise<PulseRow[]>;
  /**
   * Writes the person's answer to their pulse of `day` (a new answer or a
   * change): 404 when that day was not asked of them. One transaction.
   */
  saveAnswer(
    userEntityRef: string,
    day: number,
    answer: { onboarded: number; productive: number; comment: string | null },
    now: number,
  ): Promise<PulseRow>;
  /** Answer counts per group, optionally of one day and one cohort's members. */
  countAnswers(
    grouping: PulseGrouping,
    filter: { day?: number; cohortId?: string },
  ): Promise<PulseCounts[]>;
  /** Cohort titles by id. */
  cohortTitles(ids: string[]): Promise<Map<string, string>>;
}

const SCORES = [1, 2, 3, 4, 5];

/** The Knex implementation of {@link PulseStore}. */
export class KnexPulseStore implements PulseStore {
  static create(db: Knex): KnexPulseStore {
    return new KnexPulseStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async listCandidates(day: number, now: number, catchUpDays: number) {
    const rows = await this.db('gp_people as p')
      .where('p.start_at', '<=', now - day * DAY_MS)
      .andWhere('p.start_at', '>', now - (day + catchUpDays) * DAY_MS)
      .whereNotExists(q =>
        q
          .select(this.db.raw('1'))
          .from('gp_pulse_asks as a')
          .whereRaw('a.user_entity_ref = p.user_entity_ref')
          // Asked this day, or a later one: an earlier day is not asked late.
          .andWhere('a.day', '>=', day),
      )
      .orderBy('p.user_entity_ref')
      .select('p.user_entity_ref', 'p.start_at');
    return rows.map(r => ({
      userEntityRef: r.user_entity_ref as string,
      day,
      dueAt: num(r.start_at) + day * DAY_MS,
    }));
  }

  async claimAsk(candidate: PulseCandidate, now: number) {
    const inserted = await this.db('gp_pulse_asks')
      .insert({
        user_entity_ref: candidate.userEntityRef.toLocaleLowerCase(),
        day: candidate.day,
        due_at: candidate.dueAt,
        asked_at: now,
      })
      .onConflict(['user_entity_ref', 'day'])
      .ignore()
      .returning('day');
    return inserted.length > 0;
  }

  async listOwn(userEntityRef: string, db: Knex = this.db) {
    const rows = await db('gp_pulse_asks as a')
      .leftJoin('gp_pulse_answers as r', join =>
        join
          .on('r.user_entity_ref', 'a.user_entity_ref')
          .andOn('r.day', 'a.day'),
      )
      .where('a.user_entity_ref', userEntityRef.toLocaleLowerCase())
      .orderBy('a.day', 'desc')
      .select(
        'a.user_entity_ref',
        'a.day',
        'a.due_at',
        'a.asked_at',
        'r.onboarded',
        'r.productive',
        'r.comment',
        'r.answered_at',
        'r.updated_at',
        'r.version',
      );
    return rows.map(pulseFromRow);
  }

  async saveAnswer(
    userEntityRef: string,
    day: number,
    answer: { onboarded: number; productive: number; comment: string | null },
    now: number,
  ) {
    const user = userEntityRef.toLocaleLowerCase();
    return this.db.transaction(async tx => {
      const ask = await tx('gp_pulse_asks')
        .where({ user_entity_ref: user, day })
        .first('day');
      if (!ask) {
        throw new NotFoundError(`You have not been asked a day ${day} pulse`);
      }
      const inserted = await tx('gp_pulse_answers')
        .insert({
          user_entity_ref: user,
          day,
          ...answer,
          answered_at: now,
          updated_at: now,
          version: 1,
        })
        .onConflict(['user_entity_ref', 'day'])
        .ignore()
        .returning('day');
      if (inserted.length === 0) {
        await tx('gp_pulse_answers')
          .where({ user_entity_ref: user, day })
          .update({
            ...answer,
            updated_at: now,
            version: tx.raw('version + 1'),
          });
      }
      const rows = await this.listOwn(user, tx);
      return rows.find(r => r.day === day)!;
    });
  }

  async countAnswers(
    grouping: PulseGrouping,
    filter: { day?: number; cohortId?: string },
  ) {
    const scoreColumns = (column: string) =>
      SCORES.map(
        s =>
          `SUM(CASE WHEN r.${column} = ${s} THEN 1 ELSE 0 END) AS ${column}_${s}`,
      ).join(', ');
    const query = this.db('gp_pulse_answers as r');
    let group: string;
    if (grouping.kind === 'all') {
      group = `'all'`;
    } else if (grouping.kind === 'day') {
      group = 'r.day';
    } else if (grouping.kind === 'cohort') {
      query.join(
        'gp_cohort_members as g',
        'g.user_entity_ref',
        'r.user_entity_ref',
      );
      group = 'g.cohort_id';
    } else {
      const pairs = Object.entries(grouping.pathsByDiscipline).flatMap(
        ([discipline, ids]) => ids.map(id => [id, discipline]),
      );
      if (pairs.length === 0) {
        return [];
      }
      // One row per person and discipline, however many paths of it they are on.
      const disciplines = this.db('gp_journeys')
        .distinct(
          'user_entity_ref',
          this.db.raw(
            `CASE path_id ${pairs
              .map(() => 'WHEN ? THEN ?')
              .join(' ')} END AS discipline`,
            pairs.flat(),
          ),
        )
        .whereIn(
          'path_id',
          pairs.map(([id]) => id),
        )
        .as('d');
      query.join(disciplines, 'd.user_entity_ref', 'r.user_entity_ref');
      group = 'd.discipline';
    }
    if (filter.day !== undefined) {
      query.where('r.day', filter.day);
    }
    if (filter.cohortId !== undefined) {
      query.whereExists(q =>
        q
          .select(this.db.raw('1'))
          .from('gp_cohort_members as f')
          .whereRaw('f.user_entity_ref = r.user_entity_ref')
          .andWhere('f.cohort_id', filter.cohortId!),
      );
    }
    query.select(
      this.db.raw(
        `${group} AS grp, COUNT(*) AS answers,
         COUNT(DISTINCT r.user_entity_ref) AS people,
         ${scoreColumns('onboarded')}, ${scoreColumns('productive')}`,
      ),
    );
    if (grouping.kind !== 'all') {
      query.groupByRaw(group).orderByRaw(group);
    }
    const rows = await query;
    return rows.map((r: Record<string, unknown>) => ({
      group: String(r.grp),
      answers: num(r.answers),
      people: num(r.people),
      onboarded: SCORES.map(s => num(r[`onboarded_${s}`])),
      productive: SCORES.map(s => num(r[`productive_${s}`])),
    }));
  }

  async cohortTitles(ids: string[]) {
    const rows =
      ids.length === 0
        ? []
        : await this.db('gp_cohorts').whereIn('id', ids).select('id', 'title');
    return new Map(rows.map(r => [r.id as string, r.title as string]));
  }
}

function pulseFromRow(r: Record<string, any>): PulseRow {
  return {
    userEntityRef: r.user_entity_ref,
    day: num(r.day),
    dueAt: num(r.due_at),
    askedAt: num(r.asked_at),
    answer:
      r.onboarded === null || r.onboarded === undefined
        ? null
        : {
            onboarded: num(r.onboarded),
            productive: num(r.productive),
            comment: r.comment ?? null,
            answeredAt: num(r.answered_at),
            updatedAt: num(r.updated_at),
            version: num(r.version),
          },
  };
}
