/*
 * Seeds a fresh Skill Exchange database for the benchmark: the shipped
 * taxonomy, N posts (created in id order, a year apart at most, with a skewed
 * skill popularity), M profiles (half sharing their skill evidence),
 * memberships, interests and saves.
 */
import type { Knex } from 'knex';
import type { SkillExchangeStores } from '../../src/database';
import { DEFAULT_SKILLS } from '../../src/seed/defaultSkills';

export const TEAMS = Array.from(
  { length: 40 },
  (_, i) => `group:default/team-${i}`,
);
const WORDS =
  'kafka android playback search billing payments latency migration compose grpc kotlin swift react terraform observability caching recommendations ranking'.split(
    ' ',
  );

/** A small deterministic PRNG, so every run seeds the same data. */
function prng(initial: number) {
  let s = initial >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Seeds `posts` posts and `profiles` profiles; returns the user refs. */
export async function seed(
  knex: Knex,
  stores: SkillExchangeStores,
  sizes: { posts: number; profiles: number },
): Promise<string[]> {
  const { posts: POSTS, profiles: PROFILES } = sizes;
  const random = prng(42);
  const pick = <T>(list: readonly T[]) =>
    list[Math.floor(random() * list.length)];
  await stores.skills.seedSkills(DEFAULT_SKILLS);
  const skillIds: number[] = (await knex('skills').select('id')).map(r => r.id);
  // A skewed skill popularity, as in real taxonomies: a few skills are common.
  const popularSkill = () =>
    skillIds[Math.floor(random() ** 2 * skillIds.length)];
  const users = Array.from(
    { length: PROFILES },
    (_, i) => `user:default/person-${i}`,
  );
  const now = Date.now();
  // Evidence has a generator of its own: the rest of the data stays the same.
  const evidenceRandom = prng(7);

  for (let start = 0; start < PROFILES; start += 500) {
    const profiles = [];
    const profileSkills = [];
    const evidence = [];
    for (let i = start; i < Math.min(PROFILES, start + 500); i++) {
      profiles.push({
        user_ref: users[i],
        team: TEAMS[i % TEAMS.length],
        bio: `Works on ${pick(WORDS)} and ${pick(WORDS)}`,
        contact: '',
        open_to_embeds: random() < 0.4,
        open_to_mentoring: random() < 0.3,
        open_to_hacks: random() < 0.5,
        updated_at: new Date(now - random() * 90 * 86_400_000),
        version: 1,
        share_evidence: evidenceRandom() < 0.5,
      });
      const mine = new Set<number>();
      const count = 3 + Math.floor(random() * 6);
      while (mine.size < count) mine.add(popularSkill());
      for (const skillId of mine) {
        const learning = random() < 0.25;
        profileSkills.push({
          user_ref: users[i],
          skill_id: skillId,
          level:
            learning && random() < 0.5 ? null : 1 + Math.floor(random() * 5),
          can_help: random() < 0.3,
          learning,
        });
        // Merged pull requests for most skills, a completed embed for some.
        for (const [kind, chance, most] of [
          ['pull_requests', 0.7, 40],
          ['embeds_completed', 0.1, 2],
        ] as const) {
          if (evidenceRandom() < chance) {
            const pieces = 1 + Math.floor(evidenceRandom() * most);
            evidence.push({
              user_ref: users[i],
              skill_id: skillId,
              kind,
              count: pieces,
              places: Math.min(pieces, 1 + Math.floor(evidenceRandom() * 3)),
              latest_at: new Date(now - evidenceRandom() * 60 * 86_400_000),
              refreshed_at: new Date(now),
            });
          }
        }
      }
    }
    // SQLite allows at most 500 rows (compound terms) in one INSERT.
    await knex.batchInsert('profiles', profiles, 100);
    await knex.batchInsert('profile_skills', profileSkills, 100);
    await knex.batchInsert('skill_evidence', evidence, 50);
  }

  const kinds = ['embed', 'hack', 'mentorship'] as const;
  const yearMs = 365 * 86_400_000;
  // On PostgreSQL the secondary indexes of posts and post_skills (the
  // full-text GIN index above all) are dropped for the bulk insert and built
  // again from their own definitions afterwards: at 1M posts, keeping them up
  // row by row took longer than the rest of the benchmark.
  const rebuild = await dropSecondaryIndexes(knex);
  // One transaction per 10,000 posts: a commit (and its fsync) per 100-row
  // statement made seeding 1M posts take hours; the rows are the same.
  for (let block = 0; block < POSTS; block += 10_000) {
    await knex.transaction(async trx => {
      for (
        let start = block;
        start < Math.min(POSTS, block + 10_000);
        start += 250
      ) {
        await insertPosts(trx, start, Math.min(POSTS, start + 250));
      }
    });
  }
  async function insertPosts(trx: Knex, from: number, to: number) {
    const posts = [];
    const skillsOf: number[][] = [];
    for (let i = from; i < to; i++) {
      const kind = kinds[i % 3];
      // Posts are created one after another over the last year.
      const created = new Date(now - yearMs + (i / POSTS) * yearMs);
      const title = `${pick(WORDS)} ${pick(WORDS)} ${kind} ${i}`;
      let status = 'open';
      if (random() >= 0.6) status = random() < 0.5 ? 'filled' : 'closed';
      posts.push({
        kind,
        title,
        title_lower: title.toLocaleLowerCase(),
        description: `We need help with ${pick(WORDS)}, ${pick(
          WORDS,
        )} and ${pick(WORDS)}. `.repeat(4),
        status,
        owner: pick(users),
        created_at: created,
        updated_at: created,
        status_changed_at: created,
        // One post in 500 hidden by a moderator: listed nowhere, so every
        // baseline must leave it out too.
        hidden_at: i % 500 === 499 ? created : null,
        version: 1,
        team: kind === 'embed' ? pick(TEAMS) : null,
        level: kind === 'embed' ? 1 + Math.floor(random() * 5) : null,
        start:
          kind === 'embed' ? `2027-Q${1 + Math.floor(random() * 4)}` : null,
        duration_weeks: kind === 'embed' ? 1 + Math.floor(random() * 12) : null,
        location:
          kind === 'embed' ? pick(['remote', 'office', 'flexible']) : null,
        headcount: kind === 'embed' ? 1 : null,
        stage:
          kind === 'hack' ? pick(['idea', 'in_progress', 'completed']) : null,
        member_count: 0,
        mode: kind === 'mentorship' ? pick(['offering', 'seeking']) : null,
        capacity: kind === 'mentorship' ? 1 + Math.floor(random() * 3) : null,
      });
      const mine = new Set<number>();
      const count = 1 + Math.floor(random() * 4);
      while (mine.size < count) mine.add(popularSkill());
      skillsOf.push([...mine]);
    }
    const inserted = await trx('posts').insert(posts).returning('id');
    const ids = inserted.map((r: any) => (typeof r === 'object' ? r.id : r));
    const links = ids.flatMap((id: number, j: number) =>
      skillsOf[j].map(skill_id => ({ post_id: id, skill_id })),
    );
    // SQLite allows at most 500 rows (compound terms) in one INSERT.
    for (let at = 0; at < links.length; at += 250) {
      await trx('post_skills').insert(links.slice(at, at + 250));
    }
  }
  for (const definition of rebuild) await knex.raw(definition);
  // People take part: hack memberships, interest (a third of it accepted)
  // and saves, so growth activities and "saved" have rows to page through.
  const hackIds: number[] = await knex('posts')
    .where('kind', 'hack')
    .pluck('id');
  const otherIds: number[] = await knex('posts')
    .whereNot('kind', 'hack')
    .pluck('id');
  const allIds = [...hackIds, ...otherIds];
  const memberships = new Map<string, object>();
  const interests = new Map<string, object>();
  const saves = new Map<string, object>();
  for (let i = 0; i < PROFILES * 2; i++) {
    // Person 7 (the benchmark's "me") is busy: every 50th row is theirs.
    const user = i % 50 === 0 ? users[7] : pick(users);
    const at = new Date(now - random() * yearMs);
    const hack = pick(hackIds);
    memberships.set(`${hack} ${user}`, {
      post_id: hack,
      user_ref: user,
      created_at: at,
    });
    const post = pick(otherIds);
    interests.set(`${post} ${user}`, {
      post_id: post,
      user_ref: user,
      message: '',
      status: pick(['pending', 'accepted', 'declined']),
      created_at: at,
      updated_at: at,
    });
    const saved = pick(allIds);
    saves.set(`${saved} ${user}`, {
      post_id: saved,
      user_ref: user,
      created_at: at,
    });
  }
  await knex.batchInsert('memberships', [...memberships.values()], 100);
  await knex.batchInsert('interests', [...interests.values()], 100);
  await knex.batchInsert('saves', [...saves.values()], 100);
  await seedPairing(knex, users);
  // On PostgreSQL also VACUUM: after the bulk insert autovacuum would
  // otherwise start on its own in the middle of the timed runs (and set the
  // visibility map index-only scans need, as on a database in use).
  await knex.raw(
    knex.client.config.client === 'pg' ? 'VACUUM ANALYZE' : 'ANALYZE',
  );
  return users;
}

/**
 * 40 pairing sessions, each booked in one of its two slots and then filled:
 * person 7 owns every 4th and books every 4th (shifted by one), so their
 * growth activities hold "paired" rows and must hold no "filled" one for a
 * pairing session.
 */
async function seedPairing(knex: Knex, users: string[]) {
  const now = Date.now();
  for (let i = 0; i < 40; i++) {
    const at = new Date(now - (i + 1) * 86_400_000);
    const title = `Pairing session ${i}`;
    const [row] = await knex('posts')
      .insert({
        kind: 'pairing',
        title,
        title_lower: title.toLocaleLowerCase(),
        description: 'Two hours at one keyboard.',
        status: 'filled',
        owner: i % 4 === 0 ? users[7] : users[(i % 5) + 10],
        created_at: at,
        updated_at: at,
        status_changed_at: at,
        version: 1,
        member_count: 0,
        duration_minutes: 90,
      })
      .returning('id');
    const postId = typeof row === 'object' ? row.id : row;
    const slot = (hours: number) => new Date(at.getTime() + hours * 3_600_000);
    await knex('pairing_slots').insert([
      {
        post_id: postId,
        starts_at: slot(48),
        ends_at: slot(49.5),
        booked_by: i % 4 === 1 ? users[7] : users[(i % 3) + 20],
        booked_at: slot(1),
      },
      { post_id: postId, starts_at: slot(72), ends_at: slot(73.5) },
    ]);
  }
}

/** PostgreSQL only: drops the non-unique indexes of the two bulk-loaded tables, returning their definitions. */
async function dropSecondaryIndexes(knex: Knex): Promise<string[]> {
  if (knex.client.config.client !== 'pg') return [];
  const indexes: { indexname: string; indexdef: string }[] = await knex(
    'pg_indexes',
  )
    .where({ schemaname: 'public' })
    .whereIn('tablename', ['posts', 'post_skills'])
    .whereNot('indexdef', 'like', 'CREATE UNIQUE%')
    .select('indexname', 'indexdef');
  for (const { indexname } of indexes) {
    await knex.raw('DROP INDEX ??', [indexname]);
  }
  return indexes.map(i => i.indexdef);
}
