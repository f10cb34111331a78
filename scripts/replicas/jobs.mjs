// The scheduled jobs, triggered on every replica at the same moment through
// the scheduler's own route (/.backstage/scheduler/v1/tasks/:id/trigger).
// Backstage's scheduler claims a global task with a row lock in PostgreSQL,
// so each trigger must give exactly one run across the replicas: the
// notifications a run sends are counted to prove it.
import { call, must, statusCounts } from './http.mjs';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function taskRow(db, taskId) {
  const { rows } = await db.query(
    'SELECT last_run_ended_at, current_run_ticket, last_run_error_json FROM backstage_backend_tasks__tasks WHERE id = $1',
    [taskId],
  );
  return rows[0];
}

/**
 * Triggers `taskId` of `pluginId` on every replica at once and waits (at
 * most 120 s, as a task waits out its initialDelay after start) for the run to end. Returns the trigger answers (200, or 409
 * when another replica's trigger already started the run).
 */
async function triggerEverywhere(ctx, { pluginId, taskId, db, token }) {
  const before = await taskRow(db, taskId);
  if (!before) throw new Error(`No scheduled task ${taskId} in ${pluginId}`);
  const answers = await Promise.all(
    ctx.replicas.map(r =>
      call(
        r,
        'POST',
        `/api/${pluginId}/.backstage/scheduler/v1/tasks/${taskId}/trigger`,
        token,
      ),
    ),
  );
  for (let i = 0; i < 240; i++) {
    const row = await taskRow(db, taskId);
    const ended = row.last_run_ended_at?.getTime() ?? 0;
    if (
      !row.current_run_ticket &&
      ended > (before.last_run_ended_at?.getTime() ?? 0)
    ) {
      if (row.last_run_error_json) {
        throw new Error(`${taskId} failed: ${row.last_run_error_json}`);
      }
      return answers;
    }
    await sleep(500);
  }
  throw new Error(`${taskId} did not run within 120 s of its trigger`);
}

async function count(db, sql, params) {
  const { rows } = await db.query(sql, params);
  return rows[0].n;
}

/**
 * Stuck cohort members: a cohort of the newcomers (every journey counts as
 * stuck with goldenPaths.notifications.stuckAfterDays 0), the job triggered
 * on every replica twice. One notice per (journey, step), ever.
 */
export async function stuckCohort(ctx, { admin, members }) {
  await must(
    201,
    ctx.replicas[0],
    'POST',
    '/api/golden-paths/cohorts',
    ctx.tokens[admin],
    {
      id: 'replicas-cohort',
      title: 'Replicas cohort',
      startDate: new Date().toISOString().slice(0, 10),
      owner: admin,
      members,
    },
  );
  const notices = () =>
    count(
      ctx.db.goldenPaths,
      'SELECT count(*)::int AS n FROM gp_stuck_notices',
      [],
    );
  // The cohort's own members' notices (the demo data has a bootcamp of its
  // own, whose stuck member the job notices as well).
  const memberNotices = () =>
    count(
      ctx.db.goldenPaths,
      'SELECT count(*)::int AS n FROM gp_stuck_notices n JOIN gp_journeys j ON j.id = n.journey_id WHERE j.user_entity_ref = ANY($1)',
      [members],
    );
  const sent = () =>
    count(
      ctx.db.notifications,
      `SELECT count(*)::int AS n FROM notification WHERE topic = 'golden-paths-stuck' AND "user" = $1`,
      [admin],
    );
  const rounds = [];
  for (let round = 1; round <= 2; round++) {
    const answers = await triggerEverywhere(ctx, {
      pluginId: 'golden-paths',
      taskId: 'golden-paths-stuck-members',
      db: ctx.db.goldenPaths,
      token: ctx.tokens[admin],
    });
    rounds.push({
      round,
      triggers: statusCounts(answers),
      notices: await notices(),
      memberNotices: await memberNotices(),
      notifications: await sent(),
    });
  }
  const duplicates = await count(
    ctx.db.notifications,
    `SELECT count(*)::int AS n FROM (SELECT "user", scope FROM notification WHERE scope IS NOT NULL GROUP BY "user", scope HAVING count(*) > 1) d`,
    [],
  );
  ctx.check(
    'the stuck-member job noticed every cohort member once',
    rounds[0].memberNotices === members.length,
    rounds[0],
  );
  ctx.check(
    'one notification per notice',
    rounds[0].notifications === rounds[0].notices,
    rounds[0],
  );
  ctx.check(
    'a second run sends nothing new',
    rounds[1].notices === rounds[0].notices &&
      rounds[1].notifications === rounds[0].notifications,
    rounds[1],
  );
  ctx.check('no (user, scope) notification twice', duplicates === 0, {
    duplicates,
  });
  return { members: members.length, rounds, duplicateScopes: duplicates };
}

/**
 * Interest reminders: a post with interest nobody answers, then the job
 * triggered on every replica twice. Every open post with pending interest gets one
 * reminder per run (skillExchange.reminders.afterDays 0), so each round
 * must add exactly that many notifications, not twice as many.
 */
export async function reminders(ctx, { token, owner, interested }) {
  // Interest nobody answers: a post that is due a reminder.
  const post = await must(
    201,
    ctx.replicas[1 % ctx.replicas.length],
    'POST',
    '/api/skill-exchange/posts',
    ctx.tokens[owner],
    {
      kind: 'embed',
      title: 'Replicas: interest nobody answers',
      team: 'group:default/backend',
      start: '2027-Q2',
      durationWeeks: 4,
      location: 'remote',
      headcount: 2,
    },
  );
  await Promise.all(
    interested.map((user, i) =>
      must(
        201,
        ctx.replicas[i % ctx.replicas.length],
        'POST',
        `/api/skill-exchange/posts/${post.id}/interests`,
        ctx.tokens[user],
        { message: 'Still waiting' },
      ),
    ),
  );
  const due = () =>
    count(
      ctx.db.skillExchange,
      `SELECT count(DISTINCT i.post_id)::int AS n FROM interests i JOIN posts p ON p.id = i.post_id WHERE i.status = 'pending' AND p.status = 'open'`,
      [],
    );
  const sent = () =>
    count(
      ctx.db.notifications,
      `SELECT count(*)::int AS n FROM notification WHERE topic = 'skill-exchange:interest-reminder'`,
      [],
    );
  const rounds = [];
  for (let round = 1; round <= 2; round++) {
    const expected = await due();
    const before = await sent();
    const answers = await triggerEverywhere(ctx, {
      pluginId: 'skill-exchange',
      taskId: 'skill-exchange-interest-reminders',
      db: ctx.db.skillExchangeScheduler ?? ctx.db.skillExchange,
      token,
    });
    const added = (await sent()) - before;
    rounds.push({
      round,
      triggers: statusCounts(answers),
      postsDue: expected,
      reminders: added,
    });
    ctx.check(
      `reminder round ${round}: one reminder per post due, not one per replica`,
      expected > 0 && added === expected,
      rounds[round - 1],
    );
  }
  return { rounds };
}

/**
 * The per-step figures the rollup (gp_step_metrics) holds that differ from
 * its source tables, as PostgreSQL computes them there (percentile_cont,
 * rounded as the plugin rounds). `where` narrows to some groups.
 */
async function rollupDrift(db, where = 'TRUE', params = []) {
  const { rows } = await db.query(
    `WITH live AS (
       SELECT j.path_id, p.step_id, count(*)::int AS completed,
         round((percentile_cont(0.5) WITHIN GROUP (ORDER BY p.duration_ms))::numeric)::bigint AS median_ms,
         round((percentile_cont(0.9) WITHIN GROUP (ORDER BY p.duration_ms))::numeric)::bigint AS p90_ms
       FROM gp_step_progress p JOIN gp_journeys j ON j.id = p.journey_id
       WHERE p.check_id = '' GROUP BY j.path_id, p.step_id
     ), kept AS (
       SELECT path_id, step_id, completed, median_ms, p90_ms
       FROM gp_step_metrics WHERE completed > 0
     )
     SELECT path_id, step_id, live.completed AS live, kept.completed AS kept,
       live.median_ms AS live_median, kept.median_ms AS kept_median
     FROM live FULL JOIN kept USING (path_id, step_id)
     WHERE (${where}) AND (live.completed IS DISTINCT FROM kept.completed
       OR live.median_ms IS DISTINCT FROM kept.median_ms
       OR live.p90_ms IS DISTINCT FROM kept.p90_ms)`,
    params,
  );
  return rows;
}

/**
 * The per-step metrics rollup. Each completion refreshes its step's row in
 * its own transaction; after the evidence scenario's newcomers completed the
 * same step through both replicas at once, that row must count them all.
 * Then the full rebuild, triggered on both replicas at once, must leave the
 * whole rollup equal to its source tables.
 */
export async function stepRollup(ctx, { token, pathId, stepId }) {
  const db = ctx.db.goldenPaths;
  const step = await rollupDrift(db, 'path_id = $1 AND step_id = $2', [
    pathId,
    stepId,
  ]);
  ctx.check(
    `the rollup row of ${pathId}/${stepId} counts every concurrent completion`,
    step.length === 0,
    step,
  );
  const state = async () =>
    (
      await db.query(
        `SELECT rebuilt_at FROM gp_rollup_state WHERE name = 'step_metrics'`,
      )
    ).rows[0]?.rebuilt_at;
  const before = await state();
  const answers = await triggerEverywhere(ctx, {
    pluginId: 'golden-paths',
    taskId: 'golden-paths-step-metrics',
    db,
    token,
  });
  const after = await state();
  const drift = await rollupDrift(db);
  const { rows } = await db.query(
    'SELECT count(*)::int AS n FROM gp_step_metrics WHERE completed > 0',
  );
  ctx.check(
    'after the rebuild on both replicas the whole rollup equals its source tables',
    drift.length === 0 && Number(after) > Number(before ?? 0),
    { drift, before, after },
  );
  return { triggers: statusCounts(answers), groups: rows[0].n };
}
