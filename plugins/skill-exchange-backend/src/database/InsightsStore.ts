import type {
  Insights,
  SkillCategory,
  SkillInsight,
  TeamSkillCoverage,
  TeamSkills,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { Knex } from 'knex';

/** Members (or posts) per query in team aggregates: well below the parameter limits. */
const TEAM_CHUNK = 500;

/** Aggregates over every profile and post: supply and demand, team coverage. */
export interface InsightsStore {
  /** Supply and demand per skill, posts per status, time to fill, active users. */
  insights(options?: { top?: number }): Promise<Insights>;
  /**
   * Adds up the skill profiles of a team's members: per skill, how many have
   * it at each level, can help, learn it, and how many of the team's open
   * posts (embeds for one of `groups`, or posts owned by a member) ask for it.
   * Members are looked up in chunks, so a large group stays within the
   * databases' limits on query parameters.
   */
  teamSkills(
    group: string,
    groups: string[],
    members: string[],
  ): Promise<TeamSkills>;
}

export class KnexInsightsStore implements InsightsStore {
  static create(db: Knex): KnexInsightsStore {
    return new KnexInsightsStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async insights(options: { top?: number } = {}): Promise<Insights> {
    const countBy = async (query: Knex.QueryBuilder) =>
      new Map<number, number>(
        (await query).map((r: any) => [r.skill_id, Number(r.count)]),
      );
    /** Profile skills per skill that meet one condition. */
    const people = (column: string, op: string, value: number | boolean) =>
      countBy(
        this.db('profile_skills')
          .where(column, op, value)
          .groupBy('skill_id')
          .select('skill_id')
          .count({ count: '*' }),
      );
    const supply = await people('level', '>=', 3);
    const helpers = await people('can_help', '=', true);
    const learners = await people('learning', '=', true);
    const demand = await countBy(
      this.db('post_skills as pk')
        .join('posts as p', 'p.id', 'pk.post_id')
        .where('p.status', 'open')
        .groupBy('pk.skill_id')
        .select('pk.skill_id as skill_id')
        .count({ count: '*' }),
    );
    const used = new Set([
      ...supply.keys(),
      ...helpers.keys(),
      ...learners.keys(),
      ...demand.keys(),
    ]);
    const skillRows = used.size
      ? await this.db('skills')
          .whereIn('id', [...used])
          .select('id', 'name', 'category')
      : [];
    const skills: SkillInsight[] = skillRows
      .map(s => {
        const row = {
          skill: s.name as string,
          category: s.category as SkillCategory,
          supply: supply.get(s.id) ?? 0,
          helpers: helpers.get(s.id) ?? 0,
          learners: learners.get(s.id) ?? 0,
          demand: demand.get(s.id) ?? 0,
        };
        return { ...row, gap: row.demand - row.supply };
      })
      .sort(
        (a, b) =>
          b.demand - a.demand ||
          b.supply - a.supply ||
          a.skill.localeCompare(b.skill),
      )
      .slice(0, options.top ?? Number.MAX_SAFE_INTEGER);

    const posts = (
      await this.db('posts')
        .groupBy('kind', 'status')
        .select('kind', 'status')
        .count({ count: '*' })
        .orderBy(['kind', 'status'])
    ).map((r: any) => ({
      kind: r.kind,
      status: r.status,
      count: Number(r.count),
    }));

    const isPg = this.db.client.config.client === 'pg';
    const days = isPg
      ? 'AVG(EXTRACT(EPOCH FROM (status_changed_at - created_at))) / 86400.0'
      : 'AVG(status_changed_at - created_at) / 86400000.0';
    const timeToFill = (
      await this.db('posts')
        .where('status', 'filled')
        .groupBy('kind')
        .select('kind', this.db.raw(`${days} AS mean_days`))
        .count({ count: '*' })
        .orderBy('kind')
    ).map((r: any) => ({
      kind: r.kind,
      filled: Number(r.count),
      meanDays: Math.round(Number(r.mean_days) * 10) / 10,
    }));

    const since = new Date(Date.now() - 30 * 86_400_000);
    const active = await this.db
      .from(
        this.db
          .select('owner as who')
          .from('posts')
          .where('updated_at', '>=', since)
          .union(qb =>
            qb
              .select('user_ref')
              .from('interests')
              .where('updated_at', '>=', since),
          )
          .union(qb =>
            qb
              .select('user_ref')
              .from('memberships')
              .where('created_at', '>=', since),
          )
          .union(qb =>
            qb
              .select('user_ref')
              .from('profiles')
              .where('updated_at', '>=', since),
          )
          .as('a'),
      )
      .count({ count: '*' });

    return {
      skills,
      posts,
      timeToFill,
      monthlyActiveUsers: Number(active[0].count),
    };
  }

  async teamSkills(
    group: string,
    groups: string[],
    members: string[],
  ): Promise<TeamSkills> {
    const chunks: string[][] = [];
    for (let i = 0; i < members.length; i += TEAM_CHUNK) {
      chunks.push(members.slice(i, i + TEAM_CHUNK));
    }
    const stats = new Map<
      number,
      Omit<TeamSkillCoverage, 'skill' | 'category' | 'demand'>
    >();
    let profiles = 0;
    for (const chunk of chunks) {
      const [{ count }] = await this.db('profiles')
        .whereIn('user_ref', chunk)
        .count({ count: '*' });
      profiles += Number(count);
      const rows: any[] = await this.db('profile_skills')
        .whereIn('user_ref', chunk)
        .groupBy('skill_id')
        .select(
          'skill_id',
          this.db.raw(
            [
              'SUM(CASE WHEN level IS NOT NULL THEN 1 ELSE 0 END) AS members',
              ...[1, 2, 3, 4, 5].map(
                l => `SUM(CASE WHEN level = ${l} THEN 1 ELSE 0 END) AS l${l}`,
              ),
              'SUM(CASE WHEN can_help THEN 1 ELSE 0 END) AS helpers',
              'SUM(CASE WHEN learning THEN 1 ELSE 0 END) AS learning',
            ].join(', '),
          ),
        );
      for (const r of rows) {
        const s = stats.get(r.skill_id) ?? {
          members: 0,
          levels: [0, 0, 0, 0, 0],
          helpers: 0,
          learning: 0,
        };
        s.members += Number(r.members);
        s.levels = s.levels.map(
          (n, i) => n + Number(r[`l${i + 1}`]),
        ) as TeamSkillCoverage['levels'];
        s.helpers += Number(r.helpers);
        s.learning += Number(r.learning);
        stats.set(r.skill_id, s);
      }
    }

    // The team's open posts: embeds hosted by one of its groups, or posted by a member.
    const postIds = new Set<number>(
      await this.db('posts')
        .where('status', 'open')
        .whereIn('team', groups)
        .pluck('id'),
    );
    for (const chunk of chunks) {
      for (const id of await this.db('posts')
        .where('status', 'open')
        .whereIn('owner', chunk)
        .pluck('id')) {
        postIds.add(id);
      }
    }
    const demand = new Map<number, number>();
    const ids = [...postIds];
    for (let i = 0; i < ids.length; i += TEAM_CHUNK) {
      const rows: any[] = await this.db('post_skills')
        .whereIn('post_id', ids.slice(i, i + TEAM_CHUNK))
        .groupBy('skill_id')
        .select('skill_id')
        .count({ count: '*' });
      for (const r of rows) {
        demand.set(r.skill_id, (demand.get(r.skill_id) ?? 0) + Number(r.count));
      }
    }

    const skillIds = [...new Set([...stats.keys(), ...demand.keys()])];
    const names: Array<{ id: number; name: string; category: SkillCategory }> =
      skillIds.length
        ? await this.db('skills')
            .whereIn('id', skillIds)
            .select('id', 'name', 'category')
        : [];
    /** The sum of members' levels: an Expert counts more than an Advanced. */
    const strength = (s: TeamSkillCoverage) =>
      s.levels.reduce((sum, n, i) => sum + n * (i + 1), 0);
    const skills: TeamSkillCoverage[] = names
      .map(n => ({
        skill: n.name,
        category: n.category,
        members: 0,
        levels: [0, 0, 0, 0, 0] as TeamSkillCoverage['levels'],
        helpers: 0,
        learning: 0,
        ...stats.get(n.id),
        demand: demand.get(n.id) ?? 0,
      }))
      .filter(s => s.members || s.learning || s.demand)
      .sort(
        (a, b) =>
          b.members - a.members ||
          strength(b) - strength(a) ||
          b.demand - a.demand ||
          b.learning - a.learning ||
          a.skill.localeCompare(b.skill),
      );
    return {
      group,
      groups,
      members: members.length,
      profiles,
      skills,
      gaps: skills
        .filter(s => s.demand > 0 && s.members === 0)
        .sort((a, b) => b.demand - a.demand || a.skill.localeCompare(b.skill))
        .map(s => s.skill),
    };
  }
}
