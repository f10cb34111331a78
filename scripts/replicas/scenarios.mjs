// The concurrent work the replicas run drives through every replica at once,
// and what the databases must say afterwards. Each scenario returns figures
// to print; `check` records what must hold.
import { call, must, pick, statusCounts } from './http.mjs';

const SX = '/api/skill-exchange';
const GP = '/api/golden-paths';

/** Both statuses of a repeated request: [201, 200] when idempotent. */
const sorted = responses => responses.map(r => r.status).sort();
const createdOnce = pair => {
  const s = sorted(pair);
  return s.length === 2 && s[0] === 200 && s[1] === 201;
};

/** Sends the same request to every replica at the same time. */
function everywhere(ctx, method, path, token, body) {
  return Promise.all(ctx.replicas.map(r => call(r, method, path, token, body)));
}

/** Notification rows of this run: by recipient, topic and link. */
async function countNotifications(ctx, where) {
  const { rows } = await ctx.db.notifications.query(
    `SELECT count(*)::int AS n FROM notification WHERE "user" = $1 AND topic = $2 AND link = $3`,
    [where.user, where.topic, where.link],
  );
  return rows[0].n;
}

/**
 * Notifications are sent by the request that caused them; waits until
 * `expected` rows exist (at most 30 s), then returns the count. The run
 * counts again at the very end, so a late duplicate is caught too.
 */
export async function settledNotifications(ctx, where, expected) {
  for (let i = 0; i < 60; i++) {
    const n = await countNotifications(ctx, where);
    if (n >= expected) return n;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  return countNotifications(ctx, where);
}

/** Joins: every joiner joins the same hack on every replica at once. */
export async function joins(ctx, { owner, joiners }) {
  const post = await must(
    201,
    ctx.replicas[0],
    'POST',
    `${SX}/posts`,
    ctx.tokens[owner],
    {
      kind: 'hack',
      title: 'Replicas: one hack, joined everywhere at once',
    },
  );
  const results = await Promise.all(
    joiners.map(user =>
      everywhere(
        ctx,
        'POST',
        `${SX}/posts/${post.id}/members`,
        ctx.tokens[user],
        {},
      ),
    ),
  );
  const { rows } = await ctx.db.skillExchange.query(
    `SELECT (SELECT count(*)::int FROM memberships WHERE post_id = $1) AS members,
            (SELECT member_count FROM posts WHERE id = $1) AS member_count`,
    [post.id],
  );
  const where = {
    user: owner,
    topic: 'skill-exchange:hack-member',
    link: `/skill-exchange/posts/${post.id}`,
  };
  const notified = await settledNotifications(ctx, where, joiners.length);
  ctx.check(
    'every join answered 201 once and 200 to its repeat',
    results.every(createdOnce),
    statusCounts(results.flat()),
  );
  ctx.check(
    'membership rows = joiners',
    rows[0].members === joiners.length,
    rows[0],
  );
  ctx.check(
    'posts.member_count = membership rows (no lost update)',
    rows[0].member_count === rows[0].members,
    rows[0],
  );
  ctx.check('owner notified once per joiner', notified === joiners.length, {
    notified,
  });
  ctx.later.push({
    name: 'join notifications',
    where,
    expected: joiners.length,
  });
  return {
    requests: results.flat().length,
    statuses: statusCounts(results.flat()),
    members: rows[0].members,
    memberCount: rows[0].member_count,
    ownerNotifications: notified,
  };
}

/**
 * Interest accepts against a headcount: everyone's interest (sent to every
 * replica), then the owner accepts every interest on every replica at once.
 * Exactly `headcount` accepts win; the rest get 409; the post is filled and
 * each person still waiting hears so once.
 */
export async function accepts(ctx, { owner, interested, headcount }) {
  const post = await must(
    201,
    ctx.replicas[0],
    'POST',
    `${SX}/posts`,
    ctx.tokens[owner],
    {
      kind: 'embed',
      title: 'Replicas: an embed with a headcount',
      team: 'group:default/backend',
      start: '2027-Q1',
      durationWeeks: 2,
      location: 'remote',
      headcount,
    },
  );
  const expressed = await Promise.all(
    interested.map(user =>
      everywhere(
        ctx,
        'POST',
        `${SX}/posts/${post.id}/interests`,
        ctx.tokens[user],
        { message: 'Count me in' },
      ),
    ),
  );
  const list = await must(
    200,
    ctx.replicas[0],
    'GET',
    `${SX}/posts/${post.id}/interests`,
    ctx.tokens[owner],
  );
  const ids = (list.items ?? list).map(i => i.id);
  const answers = (
    await Promise.all(
      ids.map(id =>
        everywhere(
          ctx,
          'POST',
          `${SX}/interests/${id}/accept`,
          ctx.tokens[owner],
          {},
        ),
      ),
    )
  ).flat();
  const { rows } = await ctx.db.skillExchange.query(
    `SELECT status, count(*)::int AS n FROM interests WHERE post_id = $1 GROUP BY status`,
    [post.id],
  );
  const byStatus = Object.fromEntries(rows.map(r => [r.status, r.n]));
  const accepted = byStatus.accepted ?? 0;
  const {
    rows: [after],
  } = await ctx.db.skillExchange.query(
    `SELECT status, version FROM posts WHERE id = $1`,
    [post.id],
  );
  const link = `/skill-exchange/posts/${post.id}`;
  const received = {
    user: owner,
    topic: 'skill-exchange:interest-received',
    link,
  };
  const receivedCount = await settledNotifications(
    ctx,
    received,
    interested.length,
  );
  const { rows: waiting } = await ctx.db.skillExchange.query(
    `SELECT user_ref FROM interests WHERE post_id = $1 AND status = 'pending'`,
    [post.id],
  );
  const filledWhere = user => ({
    user,
    topic: 'skill-exchange:post-filled',
    link,
  });
  const filledCounts = [];
  for (const { user_ref: user } of waiting) {
    filledCounts.push(await settledNotifications(ctx, filledWhere(user), 1));
    ctx.later.push({
      name: `post-filled notification to ${user}`,
      where: filledWhere(user),
      expected: 1,
    });
  }
  const full = `This embed has ${headcount} places and all are taken. Withdraw an accepted person or raise the headcount first.`;
  const refusals = answers.filter(a => a.status === 409);
  const placeRefusals = refusals.filter(
    a => a.body?.error?.message === full,
  ).length;
  ctx.check(
    'every interest answered 201 once and 200 to its repeat',
    expressed.every(createdOnce),
    statusCounts(expressed.flat()),
  );
  ctx.check(
    'interest rows = people interested',
    ids.length === interested.length,
    { rows: ids.length },
  );
  ctx.check(
    'owner notified once per interest',
    receivedCount === interested.length,
    { receivedCount },
  );
  ctx.check(
    'accepts answered 200 or 409, nothing else',
    answers.every(a => a.status === 200 || a.status === 409),
    statusCounts(answers),
  );
  ctx.check(
    `exactly headcount (${headcount}) accepts answered 200 and accepted in the database`,
    accepted === headcount &&
      answers.filter(a => a.status === 200).length === headcount,
    { accepted, answers: statusCounts(answers) },
  );
  ctx.check(
    'the post is filled, once (version 2)',
    after.status === 'filled' && after.version === 2,
    after,
  );
  ctx.check(
    `every other interest stays pending and was refused with "${full}"`,
    waiting.length === interested.length - headcount &&
      placeRefusals === waiting.length * ctx.replicas.length,
    { waiting: waiting.length, placeRefusals },
  );
  ctx.check(
    'each person still waiting told once that the post is filled',
    filledCounts.every(n => n === 1),
    { filledCounts },
  );
  ctx.later.push({
    name: 'interest notifications',
    where: received,
    expected: interested.length,
  });
  return {
    headcount,
    interested: interested.length,
    accepts: answers.length,
    acceptStatuses: statusCounts(answers),
    placeRefusals,
    interestsByStatus: byStatus,
    postStatus: after.status,
    toldFilled: filledCounts.reduce((a, b) => a + b, 0),
  };
}

/** Profile edits with versions: many edits of one version at once, per editor. */
export async function profileEdits(ctx, { editors, editsEach }) {
  const outcomes = await Promise.all(
    editors.map(async user => {
      const token = ctx.tokens[user];
      const before = await must(
        200,
        ctx.replicas[0],
        'GET',
        `${SX}/profiles/me`,
        token,
      );
      const edits = await Promise.all(
        Array.from({ length: editsEach }, (_, k) =>
          call(pick(ctx.replicas, k), 'PUT', `${SX}/profiles/me`, token, {
            bio: `Edit ${k} of version ${before.version}`,
            version: before.version,
          }),
        ),
      );
      const { rows } = await ctx.db.skillExchange.query(
        'SELECT version, bio FROM profiles WHERE user_ref = $1',
        [user],
      );
      const winner = edits.findIndex(e => e.status === 200);
      return { before: before.version, edits, row: rows[0], winner };
    }),
  );
  for (const o of outcomes) {
    const s = statusCounts(o.edits);
    ctx.check(
      'one edit per version wins, the rest get 409',
      s[200] === 1 && s[409] === editsEach - 1,
      s,
    );
    ctx.check(
      "the stored profile is the winner's, one version on",
      o.row &&
        o.row.version === Math.max(o.before, 0) + 1 &&
        o.row.bio === `Edit ${o.winner} of version ${o.before}`,
      { before: o.before, row: o.row },
    );
  }
  const all = outcomes.flatMap(o => o.edits);
  return {
    editors: editors.length,
    edits: all.length,
    statuses: statusCounts(all),
  };
}

/** Journeys started everywhere at once, then the same evidence reported to every replica. */
export async function evidence(
  ctx,
  { newcomers, pathId, stepId, serviceToken },
) {
  const started = await Promise.all(
    newcomers.map(user =>
      everywhere(ctx, 'POST', `${GP}/journeys`, ctx.tokens[user], { pathId }),
    ),
  );
  const reports = await Promise.all(
    newcomers.map(user =>
      everywhere(ctx, 'POST', `${GP}/evidence`, serviceToken, {
        userEntityRef: user,
        key: 'deploy.requested',
        evidenceId: `replicas-deploy-${user}`,
        pathId,
        stepId,
        summary: 'Reported to every replica at once',
      }),
    ),
  );
  const { rows } = await ctx.db.goldenPaths.query(
    `SELECT j.user_entity_ref AS user,
            (SELECT count(*)::int FROM gp_journeys j2 WHERE j2.user_entity_ref = j.user_entity_ref AND j2.path_id = $1) AS journeys,
            (SELECT count(*)::int FROM gp_evidence e WHERE e.user_entity_ref = j.user_entity_ref AND e.evidence_id = 'replicas-deploy-' || j.user_entity_ref) AS evidence,
            (SELECT count(*)::int FROM gp_step_progress p WHERE p.journey_id = j.id AND p.step_id = $2) AS progress
       FROM gp_journeys j WHERE j.path_id = $1 AND j.user_entity_ref = ANY($3)`,
    [pathId, stepId, newcomers],
  );
  ctx.check(
    'each journey start created at most once (201 at most once)',
    started.every(
      p =>
        p.filter(r => r.status === 201).length <= 1 &&
        p.every(r => r.status === 200 || r.status === 201),
    ),
    statusCounts(started.flat()),
  );
  ctx.check(
    'each evidence answered 201 once and 200 to its repeat',
    reports.every(createdOnce),
    statusCounts(reports.flat()),
  );
  ctx.check(
    'one journey, one evidence row and one step progress row per newcomer',
    rows.length === newcomers.length &&
      rows.every(r => r.journeys === 1 && r.evidence === 1 && r.progress === 1),
    rows,
  );
  return {
    newcomers: newcomers.length,
    journeyStatuses: statusCounts(started.flat()),
    evidenceStatuses: statusCounts(reports.flat()),
    evidenceRows: rows.reduce((n, r) => n + r.evidence, 0),
    progressRows: rows.reduce((n, r) => n + r.progress, 0),
  };
}
