/*
 * The benchmark's scenarios: each an API request and a baseline in SQL that
 * answers exactly the same question (same filters, joins, order and page),
 * returning the ids of the page and the total the API returns.
 */
import type { Knex } from 'knex';
import { EVIDENCE_WEIGHT_SQL } from '../../src/database/experts';
import {
  CANDIDATES_PER_SKILL,
  collectCandidates,
} from '../../src/database/MatchingStore';
import { peopleRanking } from '../../src/database/peopleForPost';
import {
  cappedTotal,
  EXACT_TOTAL_UP_TO,
  matchText,
} from '../../src/database/postSearch';

/** What the API and its baseline both answer: a page of ids and a total. */
export interface Answer {
  ids: Array<number | string>;
  total: number;
  totalIsLowerBound?: boolean;
}

export interface Scenario {
  name: string;
  /** A read (targets apply) or a change through a permission check. */
  kind: 'read' | 'write';
  api(): Promise<Answer>;
  sql(): Promise<Answer>;
}

export interface ScenarioContext {
  knex: Knex;
  me: string;
  team: string;
  call(method: 'GET' | 'POST', path: string, body?: object): Promise<any>;
}

const PAGE = 20;

/** The answer of a posts page from the API. */
const postsAnswer = (page: any): Answer => ({
  ids: page.items.map((p: any) => p.id ?? p.post?.id ?? p.user),
  total: page.totalItems,
  ...(page.totalIsLowerBound ? { totalIsLowerBound: true } : {}),
});

export async function buildScenarios(
  ctx: ScenarioContext,
): Promise<Scenario[]> {
  const { knex, me, call } = ctx;
  const get = async (path: string) => postsAnswer(await call('GET', path));
  const skill = async (name: string) =>
    (await knex('skills').where('name_lower', name).first()).id as number;
  const kubernetes = await skill('kubernetes');
  const go = await skill('go');

  /** GET /posts's baseline: capped count, then one page newest first. */
  const postList = async (
    where: (q: Knex.QueryBuilder) => void,
    order?: (q: Knex.QueryBuilder) => void,
  ): Promise<Answer> => {
    // As the API: posts a moderator hid are listed nowhere.
    const q = knex('posts').whereNull('posts.hidden_at');
    where(q);
    const page = q.clone().select('posts.id');
    order?.(page);
    page.orderBy([
      { column: 'posts.created_at', order: 'desc' },
      { column: 'posts.id', order: 'desc' },
    ]);
    // As the API: the count and the page at once.
    const [total, pageRows] = await Promise.all([
      cappedTotal(knex, q, EXACT_TOTAL_UP_TO),
      page.limit(PAGE),
    ]);
    const ids = pageRows.map(r => r.id);
    return {
      ids,
      total: total.totalItems,
      ...(total.totalIsLowerBound ? { totalIsLowerBound: true } : {}),
    };
  };
  /** GET /posts?q=: the full-text match, ranked, then newest. */
  const textSearch = (text: string): Scenario => {
    let byRank: (q: Knex.QueryBuilder) => void = () => {};
    return {
      name: `text search "${text}"`,
      kind: 'read',
      api: () => get(`/posts?q=${encodeURIComponent(text)}&limit=${PAGE}`),
      sql: () =>
        postList(
          q => {
            byRank = matchText(knex, q, text);
          },
          q => byRank(q),
        ),
    };
  };

  const samplePost = (
    await knex('post_skills')
      .where('skill_id', kubernetes)
      .orderBy('post_id')
      .first('post_id')
  ).post_id as number;
  const myPost = await knex('posts')
    .where('owner', me)
    .orderBy('id')
    .first('id', 'status', 'version');

  return [
    {
      name: 'list: open embeds, newest',
      kind: 'read',
      api: () => get(`/posts?kind=embed&status=open&limit=${PAGE}`),
      sql: () =>
        postList(q =>
          q.where({ 'posts.kind': 'embed', 'posts.status': 'open' }),
        ),
    },
    {
      name: 'list: skill kubernetes',
      kind: 'read',
      api: () => get(`/posts?skills=k8s&limit=${PAGE}`),
      sql: () =>
        postList(q =>
          q.whereIn(
            'posts.id',
            knex('post_skills as ps')
              .select('ps.post_id')
              .where('ps.skill_id', kubernetes),
          ),
        ),
    },
    {
      name: 'list: embed+team+location+level',
      kind: 'read',
      api: () =>
        get(
          `/posts?kind=embed&team=${encodeURIComponent(
            ctx.team,
          )}&location=remote&level=3&limit=${PAGE}`,
        ),
      sql: () =>
        postList(q =>
          q.where({
            'posts.kind': 'embed',
            'posts.team': ctx.team,
            'posts.location': 'remote',
            'posts.level': 3,
          }),
        ),
    },
    {
      name: 'list: saved=me',
      kind: 'read',
      api: () => get(`/posts?saved=me&limit=${PAGE}`),
      sql: () =>
        postList(q =>
          q.whereIn(
            'posts.id',
            knex('saves as rel')
              .select('rel.post_id')
              .where('rel.user_ref', me),
          ),
        ),
    },
    textSearch('kafka'),
    textSearch('embed 4242'),
    {
      name: 'experts: go+kubernetes >= 3',
      kind: 'read',
      api: () => get(`/experts?skills=go,kubernetes&minLevel=3&limit=${PAGE}`),
      sql: () => expertsOf(knex, [go, kubernetes], 'level'),
    },
    {
      name: 'experts by evidence: go >= 3',
      kind: 'read',
      api: () =>
        get(`/experts?skills=go&minLevel=3&rank=evidence&limit=${PAGE}`),
      sql: () => expertsOf(knex, [go], 'evidence'),
    },
    {
      name: 'matching: posts for me',
      kind: 'read',
      api: () => get(`/matches/me?limit=${PAGE}`),
      sql: () => postsForMe(knex, me),
    },
    {
      name: 'matching: people for a post',
      kind: 'read',
      api: () => get(`/posts/${samplePost}/matches?limit=${PAGE}`),
      sql: async () => {
        const post = await knex('posts').where('id', samplePost).first();
        // The API's statement (peopleForPost.ts): shares summed from the
        // covering index, then only the people who can be on the page
        // joined and ranked; the page carries the total.
        const page = await rows(knex, peopleRanking(post.kind), [
          samplePost,
          post.owner.toLocaleLowerCase(),
          PAGE - 1,
          PAGE,
          0,
        ]);
        const count = page[0]?.total ?? 0;
        return { ids: page.map(r => r.user_ref), total: Number(count) };
      },
    },
    {
      name: 'growth activities of me',
      kind: 'read',
      api: async () => {
        const page = await call('GET', '/profiles/me/activities?limit=10');
        return {
          ids: page.items.map((a: any) => `${a.type} ${a.post.id}`),
          total: page.totalItems,
        };
      },
      sql: () => activitiesOf(knex, me),
    },
    {
      name: 'change status of my post (IS_OWNER)',
      kind: 'write',
      // Each call flips the post between open and filled at its version.
      api: async () => {
        const now = await knex('posts').where('id', myPost.id).first();
        const post = await call('POST', `/posts/${myPost.id}/status`, {
          status: now.status === 'open' ? 'filled' : 'open',
          version: now.version,
        });
        return { ids: [post.id], total: 1 };
      },
      sql: async () => {
        const now = await knex('posts').where('id', myPost.id).first();
        const at = new Date();
        const changed = await knex('posts')
          .where({ id: myPost.id, version: now.version, owner: me })
          .update({
            status: now.status === 'open' ? 'filled' : 'open',
            status_changed_at: at,
            updated_at: at,
            version: knex.raw('?? + 1', ['version']),
          });
        return { ids: changed === 1 ? [myPost.id] : [], total: changed };
      },
    },
  ];
}

/** "Posts for me" in raw SQL: bounded candidates per skill, then scoring. */
async function postsForMe(knex: Knex, me: string): Promise<Answer> {
  const skillIds: number[] = (
    await rows(
      knex,
      'SELECT skill_id FROM profile_skills WHERE user_ref = ? ORDER BY skill_id',
      [me],
    )
  ).map(r => r.skill_id);
  const cap = CANDIDATES_PER_SKILL;
  const perSkill = `SELECT * FROM (SELECT pk.skill_id, pk.post_id
    FROM post_skills pk JOIN posts p ON p.id = pk.post_id
    WHERE pk.skill_id = ? AND p.status = 'open' AND p.hidden_at IS NULL
      AND COALESCE(p.stage, '') <> 'completed' AND p.owner <> ?
      AND NOT EXISTS (SELECT 1 FROM interests i WHERE i.post_id = p.id
        AND i.user_ref = ? AND i.status <> 'withdrawn')
      AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.post_id = p.id
        AND m.user_ref = ?)
    ORDER BY pk.post_id DESC LIMIT ?) s`;
  const candidates = collectCandidates(
    await rows(
      knex,
      skillIds.map((_, i) => `${perSkill}${i}`).join(' UNION ALL '),
      skillIds.flatMap(id => [id, me, me, me, cap + 1]),
    ),
    cap,
  );
  const page = await rows(
    knex,
    `SELECT pk.post_id,
       SUM(CASE WHEN ps.learning THEN 3 ELSE 0 END) + SUM(COALESCE(ps.level, 0)) AS score
     FROM post_skills pk JOIN posts p ON p.id = pk.post_id
     JOIN profile_skills ps ON ps.skill_id = pk.skill_id AND ps.user_ref = ?
     WHERE pk.post_id IN (${candidates.ids.map(() => '?').join(',')})
     GROUP BY pk.post_id, p.created_at
     ORDER BY score DESC, p.created_at DESC, pk.post_id DESC LIMIT ${PAGE}`,
    [me, ...candidates.ids],
  );
  return {
    ids: page.map(r => r.post_id),
    total: candidates.ids.length,
    ...(candidates.more ? { totalIsLowerBound: true } : {}),
  };
}

/**
 * GET /experts in raw SQL: people with every skill at level 3 or more, by
 * the sum of levels; by evidence (weighted as EVIDENCE_WEIGHT_SQL) among
 * people who share it, then reading the page's evidence for the reasons.
 */
async function expertsOf(
  knex: Knex,
  skills: number[],
  rank: 'level' | 'evidence',
): Promise<Answer> {
  const inSkills = skills.map(() => '?').join(', ');
  const byEvidence = rank === 'evidence';
  const matching = `SELECT ps.user_ref, p.team, SUM(ps.level) AS score
      ${byEvidence ? ', COALESCE(ev.evidence, 0) AS evidence' : ''}
    FROM profile_skills ps JOIN profiles p ON p.user_ref = ps.user_ref
    ${
      byEvidence
        ? `LEFT JOIN (SELECT user_ref, SUM(${EVIDENCE_WEIGHT_SQL}) AS evidence
            FROM skill_evidence WHERE skill_id IN (${inSkills})
            GROUP BY user_ref) ev ON ev.user_ref = ps.user_ref`
        : ''
    }
    WHERE ps.skill_id IN (${inSkills}) AND ps.level >= 3
      ${byEvidence ? 'AND p.share_evidence = ?' : ''}
    GROUP BY ps.user_ref, p.team${byEvidence ? ', ev.evidence' : ''}
    HAVING COUNT(DISTINCT ps.skill_id) = ?`;
  const bindings = byEvidence
    ? [...skills, ...skills, true, skills.length]
    : [...skills, skills.length];
  const [{ count }] = await rows(
    knex,
    `SELECT COUNT(*) AS count FROM (${matching}) m`,
    bindings,
  );
  const page = await rows(
    knex,
    `${matching} ORDER BY ${
      byEvidence ? 'evidence DESC, ' : ''
    }score DESC, ps.user_ref ASC LIMIT ${PAGE}`,
    bindings,
  );
  if (byEvidence && page.length) {
    await rows(
      knex,
      `SELECT user_ref, skill_id, kind, count FROM skill_evidence
       WHERE user_ref IN (${page.map(() => '?').join(', ')})
         AND skill_id IN (${inSkills})`,
      [...page.map(r => r.user_ref), ...skills],
    );
  }
  return { ids: page.map(r => r.user_ref), total: Number(count) };
}

/**
 * Growth activities in raw SQL: one UNION, counted and paged. The bench
 * configures no learning resources, so, as in the API, no "learned" part.
 */
async function activitiesOf(knex: Knex, me: string): Promise<Answer> {
  const union = `SELECT 'accepted' AS type, i.post_id AS post_id, i.updated_at AS happened_at
      FROM interests i WHERE i.user_ref = ? AND i.status = 'accepted'
    UNION ALL SELECT 'joined', m.post_id, m.created_at
      FROM memberships m WHERE m.user_ref = ?
    UNION ALL SELECT 'filled', o.id, o.status_changed_at
      FROM posts o WHERE o.owner = ? AND o.status = 'filled' AND o.kind <> 'pairing'
    UNION ALL SELECT 'paired', s.post_id, s.booked_at
      FROM pairing_slots s JOIN posts po ON po.id = s.post_id
      WHERE s.booked_by IS NOT NULL AND (s.booked_by = ? OR po.owner = ?)`;
  const bindings = [me, me, me, me, me];
  const [{ count }] = await rows(
    knex,
    `SELECT COUNT(*) AS count FROM (${union}) a`,
    bindings,
  );
  const page = await rows(
    knex,
    `SELECT type, post_id FROM (${union}) a
     ORDER BY happened_at DESC, post_id DESC, type ASC LIMIT 10`,
    bindings,
  );
  return {
    ids: page.map(r => `${r.type} ${r.post_id}`),
    total: Number(count),
  };
}

/** The rows of a raw query on either database. */
async function rows(
  knex: Knex,
  sql: string,
  bindings: Knex.RawBinding[],
): Promise<any[]> {
  const result = await knex.raw(sql, bindings);
  return Array.isArray(result) ? result : result.rows;
}
