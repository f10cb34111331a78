import type { EvidenceKind } from '@onramp/backstage-plugin-skill-exchange-common';
import { Knex } from 'knex';
import { toIso } from './rows';
import type { SkillRef } from './SkillStore';

/** One kind of evidence for one skill of a person, as a source found it. */
export interface EvidenceFact {
  skillId: number;
  kind: EvidenceKind;
  count: number;
  /** In how many places (repositories, posts) the evidence is. */
  places: number;
  latestAt?: Date;
}

/** A stored evidence row with its skill named. */
export interface StoredEvidence {
  user: string;
  skill: string;
  category: string;
  kind: EvidenceKind;
  count: number;
  places: number;
  latestAt?: string;
}

/** An embed or mentorship a person took part in (accepted, or owned), with its skills. */
export interface TakenPart {
  postId: number;
  kind: 'embed' | 'mentorship';
  status: string;
  start: string | null;
  durationWeeks: number | null;
  statusChangedAt: string;
  skillIds: number[];
}

/**
 * What supports people's skills (`skill_evidence`, refreshed by the evidence
 * task) and the suggestions they rejected. User refs are lower-cased.
 */
export interface EvidenceStore {
  /** Replaces the person's evidence of `kinds` with `facts`, in one transaction. */
  replace(
    user: string,
    kinds: EvidenceKind[],
    facts: EvidenceFact[],
  ): Promise<void>;
  /** The person's evidence, for the skills named (all when none). */
  forUsers(users: string[], skillIds?: number[]): Promise<StoredEvidence[]>;
  /**
   * The person's evidence for skills not levelled on their profile and not
   * rejected: what they are suggested. With `skillId`, that one only.
   */
  suggestions(
    user: string,
    skillId?: number,
    tx?: Knex,
  ): Promise<StoredEvidence[]>;
  /** "Not me": the skill is never suggested to the person again. */
  reject(user: string, skill: SkillRef): Promise<void>;
  /** Embeds and mentorships the person was accepted on or owns. */
  takenPart(user: string): Promise<TakenPart[]>;
}

export class KnexEvidenceStore implements EvidenceStore {
  static create(db: Knex): KnexEvidenceStore {
    return new KnexEvidenceStore(db);
  }

  private constructor(private readonly db: Knex) {}

  /**
   * Upserts what was found, then deletes what this refresh did not find (rows
   * of `kinds` refreshed before it): a refresh racing another (the task and
   * the person's own, on two replicas) never hits the primary key.
   */
  async replace(user: string, kinds: EvidenceKind[], facts: EvidenceFact[]) {
    const ref = user.toLocaleLowerCase();
    const now = new Date();
    await this.db.transaction(async tx => {
      for (let i = 0; i < facts.length; i += 200) {
        await tx('skill_evidence')
          .insert(
            facts.slice(i, i + 200).map(f => ({
              user_ref: ref,
              skill_id: f.skillId,
              kind: f.kind,
              count: f.count,
              places: f.places,
              latest_at: f.latestAt ?? null,
              refreshed_at: now,
            })),
          )
          .onConflict(['user_ref', 'skill_id', 'kind'])
          .merge();
      }
      await tx('skill_evidence')
        .where('user_ref', ref)
        .whereIn('kind', kinds)
        .where('refreshed_at', '<', now)
        .delete();
    });
  }

  private select(tx: Knex) {
    return tx('skill_evidence as e')
      .join('skills as s', 's.id', 'e.skill_id')
      .orderBy([
        { column: 'e.user_ref', order: 'asc' },
        { column: 's.name_lower', order: 'asc' },
        { column: 'e.kind', order: 'asc' },
      ])
      .select(
        'e.user_ref',
        's.name',
        's.category',
        'e.kind',
        'e.count',
        'e.places',
        'e.latest_at',
      );
  }

  private static fromRow(r: any): StoredEvidence {
    return {
      user: r.user_ref,
      skill: r.name,
      category: r.category,
      kind: r.kind,
      count: Number(r.count),
      places: Number(r.places),
      ...(r.latest_at ? { latestAt: toIso(r.latest_at) } : {}),
    };
  }

  async forUsers(users: string[], skillIds?: number[]) {
    if (!users.length) return [];
    const rows = await this.select(this.db)
      .whereIn(
        'e.user_ref',
        users.map(u => u.toLocaleLowerCase()),
      )
      .modify(qb => {
        if (skillIds) qb.whereIn('e.skill_id', skillIds);
      });
    return rows.map(KnexEvidenceStore.fromRow);
  }

  async suggestions(user: string, skillId?: number, tx: Knex = this.db) {
    const ref = user.toLocaleLowerCase();
    const rows = await this.select(tx)
      .where('e.user_ref', ref)
      .modify(qb => {
        if (skillId !== undefined) qb.where('e.skill_id', skillId);
      })
      .whereNotExists(q =>
        q
          .from('profile_skills as ps')
          .where('ps.user_ref', ref)
          .whereRaw('ps.skill_id = e.skill_id')
          .whereNotNull('ps.level'),
      )
      .whereNotExists(q =>
        q
          .from('skill_suggestion_rejections as r')
          .where('r.user_ref', ref)
          .whereRaw('r.skill_id = e.skill_id'),
      );
    return rows.map(KnexEvidenceStore.fromRow);
  }

  async reject(user: string, skill: SkillRef) {
    await this.db('skill_suggestion_rejections')
      .insert({
        user_ref: user.toLocaleLowerCase(),
        skill_id: skill.id,
        rejected_at: new Date(),
      })
      .onConflict(['user_ref', 'skill_id'])
      .ignore();
  }

  async takenPart(user: string): Promise<TakenPart[]> {
    const ref = user.toLocaleLowerCase();
    const posts = await this.db('posts as p')
      .whereIn('p.kind', ['embed', 'mentorship'])
      .where(q =>
        q
          .where('p.owner', ref)
          .orWhereExists(i =>
            i
              .from('interests as i')
              .whereRaw('i.post_id = p.id')
              .where('i.user_ref', ref)
              .where('i.status', 'accepted'),
          ),
      )
      .select(
        'p.id',
        'p.kind',
        'p.status',
        'p.start',
        'p.duration_weeks',
        'p.status_changed_at',
      );
    const skills = posts.length
      ? await this.db('post_skills')
          .whereIn(
            'post_id',
            posts.map(p => p.id),
          )
          .select('post_id', 'skill_id')
      : [];
    return posts.map(p => ({
      postId: p.id,
      kind: p.kind,
      status: p.status,
      start: p.start,
      durationWeeks: p.duration_weeks,
      statusChangedAt: toIso(p.status_changed_at),
      skillIds: skills.filter(s => s.post_id === p.id).map(s => s.skill_id),
    }));
  }
}
