import { Knex } from 'knex';
import { PostRow, toBool } from './rows';

/** A post as the search index reads it. */
export interface PostForIndex {
  id: number;
  kind: PostRow['kind'];
  title: string;
  description: string;
  status: PostRow['status'];
  owner: string;
  team: string | null;
  skills: string[];
}

/** A profile as the search index reads it. */
export interface ProfileForIndex {
  user: string;
  bio: string;
  team?: string;
  skills: Array<{ skill: string; level: number; canHelp: boolean }>;
  learning: string[];
}

/** Posts and profiles in a stable order, page by page, for the search collator. */
export interface SearchDocumentStore {
  /** Posts after `afterId` in id order, with their skill names. */
  postsForIndex(afterId: number, limit: number): Promise<PostForIndex[]>;
  /** Profiles after `afterRef` in ref order, with levelled skills and goals. */
  profilesForIndex(afterRef: string, limit: number): Promise<ProfileForIndex[]>;
}

export class KnexSearchDocumentStore implements SearchDocumentStore {
  static create(db: Knex): KnexSearchDocumentStore {
    return new KnexSearchDocumentStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async postsForIndex(afterId: number, limit: number): Promise<PostForIndex[]> {
    const rows = await this.db<PostRow>('posts')
      .where('id', '>', afterId)
      .whereNull('hidden_at')
      .orderBy('id')
      .limit(limit)
      .select('id', 'kind', 'title', 'description', 'status', 'owner', 'team');
    const skills: Array<{ post_id: number; name: string }> = rows.length
      ? await this.db('post_skills as pk')
          .join('skills as s', 's.id', 'pk.skill_id')
          .whereIn(
            'pk.post_id',
            rows.map(r => r.id),
          )
          .orderBy('s.name_lower')
          .select('pk.post_id', 's.name')
      : [];
    return rows.map(r => ({
      ...r,
      skills: skills.filter(s => s.post_id === r.id).map(s => s.name),
    }));
  }

  async profilesForIndex(
    afterRef: string,
    limit: number,
  ): Promise<ProfileForIndex[]> {
    const rows: Array<{ user_ref: string; bio: string; team: string | null }> =
      await this.db('profiles')
        .where('user_ref', '>', afterRef)
        .orderBy('user_ref')
        .limit(limit)
        .select('user_ref', 'bio', 'team');
    const skills = rows.length
      ? await this.db('profile_skills as ps')
          .join('skills as s', 's.id', 'ps.skill_id')
          .whereIn(
            'ps.user_ref',
            rows.map(r => r.user_ref),
          )
          .orderBy([
            { column: 'ps.level', order: 'desc' },
            { column: 's.name_lower', order: 'asc' },
          ])
          .select(
            'ps.user_ref',
            's.name',
            'ps.level',
            'ps.can_help',
            'ps.learning',
          )
      : [];
    return rows.map(r => {
      const mine = skills.filter(s => s.user_ref === r.user_ref);
      return {
        user: r.user_ref,
        bio: r.bio,
        team: r.team ?? undefined,
        skills: mine
          .filter(s => s.level)
          .map(s => ({
            skill: s.name as string,
            level: s.level as number,
            canHelp: toBool(s.can_help),
          })),
        learning: mine
          .filter(s => toBool(s.learning))
          .map(s => s.name as string),
      };
    });
  }
}
