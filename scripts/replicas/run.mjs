// Two backend replicas on one PostgreSQL, and concurrent work through both.
// Started by scripts/replicas.sh; see the README, "Several replicas".
//
//   node scripts/replicas/run.mjs [--json]
//
//   ONRAMP_TEST_POSTGRES_URL   the server (default postgresql://postgres@127.0.0.1:5432)
//   ONRAMP_REPLICAS_PORTS      the replicas' ports (default 7161,7162)
//
// It proves: no lost or duplicated write (joins, interest, profile edits with
// versions, evidence reported twice), each scheduled job runs once per
// trigger across the replicas, no notification sent twice. It prints the
// figures and exits 1 when a check fails.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { signIn } from './http.mjs';
import { reminders, stepRollup, stuckCohort } from './jobs.mjs';
import {
  dropReplicaDatabases,
  pluginDatabase,
  root,
  startReplica,
} from './replicas.mjs';
import {
  accepts,
  evidence,
  joins,
  profileEdits,
  settledNotifications,
} from './scenarios.mjs';

const args = new Set(process.argv.slice(2));
const json = args.has('--json');
const url =
  process.env.ONRAMP_TEST_POSTGRES_URL ??
  'postgresql://postgres@127.0.0.1:5432';
const ports = (process.env.ONRAMP_REPLICAS_PORTS ?? '7161,7162')
  .split(',')
  .map(Number);
const dataDir = path.join(root, 'data/replicas');
const say = message => process.stderr.write(`[replicas] ${message}\n`);

/** The demo users the dev sign-in offers (app-config.yaml auth.providers.demo.users). */
function demoUsers() {
  const text = fs.readFileSync(path.join(root, 'app-config.yaml'), 'utf8');
  const block = text.slice(text.indexOf('    demo:'));
  return [...block.matchAll(/^ {8}- (user:default\/[a-z0-9._-]+)$/gm)].map(
    m => m[1],
  );
}

async function main() {
  const started = Date.now();
  const dropped = await dropReplicaDatabases(url);
  say(`PostgreSQL at ${url}: dropped ${dropped} onramp_replicas_* database(s)`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const serviceToken = crypto.randomBytes(24).toString('base64url');
  const env = {
    ONRAMP_REPLICAS_POSTGRES_URL: url,
    ONRAMP_REPLICAS_DIR: dataDir,
    ONRAMP_REPLICAS_SERVICE_TOKEN: serviceToken,
  };
  const replicas = [];
  const figures = { replicas: [] };
  const failures = [];
  const dbs = [];
  try {
    // The first replica alone: it creates the databases and runs the
    // migrations (two first starts at once race there: knex's migration lock
    // and unique seed rows stop one of them). Then the others, together.
    const start = (port, i) => {
      const name = `replica ${String.fromCharCode(65 + i)} (:${port})`;
      say(
        `starting ${name}, log in ${path.relative(
          root,
          dataDir,
        )}/replica-${port}.log`,
      );
      return startReplica({
        name,
        port,
        env,
        logFile: path.join(dataDir, `replica-${port}.log`),
        timeoutMs: 300_000,
      }).then(r => {
        replicas.push(r);
        say(`${name} ready in ${r.startupSeconds.toFixed(1)} s`);
        return r;
      });
    };
    await start(ports[0], 0);
    await Promise.all(ports.slice(1).map((port, i) => start(port, i + 1)));
    replicas.sort((a, b) => a.port - b.port);
    figures.replicas = replicas.map(r => ({
      name: r.name,
      startupSeconds: r.startupSeconds,
    }));
    const db = {
      skillExchange: pluginDatabase(url, 'skill-exchange'),
      goldenPaths: pluginDatabase(url, 'golden-paths'),
      notifications: pluginDatabase(url, 'notifications'),
    };
    dbs.push(...Object.values(db));
    const users = demoUsers();
    const admin = 'user:default/amara.okafor';
    const others = users.filter(u => u !== admin);
    const [hackOwner, embedOwner, ...rest] = others;
    // A token from one replica used on the other: the signing keys are shared
    // through the database.
    const tokens = {};
    await Promise.all(
      users.map(
        async (u, i) =>
          (tokens[u] = await signIn(replicas[i % replicas.length], u)),
      ),
    );
    say(`signed in ${users.length} demo users`);
    const ctx = {
      replicas,
      tokens,
      db,
      later: [],
      check(name, ok, detail) {
        if (!ok) failures.push({ name, detail });
        say(
          `${ok ? 'ok  ' : 'FAIL'} ${name}${
            ok ? '' : `: ${JSON.stringify(detail)}`
          }`,
        );
      },
    };
    const t0 = Date.now();
    figures.joins = await joins(ctx, { owner: hackOwner, joiners: rest });
    figures.accepts = await accepts(ctx, {
      owner: embedOwner,
      interested: rest.slice(0, 10),
      headcount: 3,
    });
    figures.profileEdits = await profileEdits(ctx, {
      editors: rest.slice(0, 6),
      editsEach: 6,
    });
    const newcomers = rest.slice(10, 18);
    figures.evidence = await evidence(ctx, {
      newcomers,
      pathId: 'backend-day-1',
      stepId: 'deploy',
      serviceToken,
    });
    figures.stepRollup = await stepRollup(ctx, {
      token: tokens[admin],
      pathId: 'backend-day-1',
      stepId: 'deploy',
    });
    figures.stuckCohort = await stuckCohort(ctx, { admin, members: newcomers });
    figures.reminders = await reminders(ctx, {
      token: tokens[admin],
      owner: rest[18],
      interested: rest.slice(19),
    });
    // Counted again after everything: a duplicate sent late shows up here.
    for (const { name, where, expected } of ctx.later) {
      const n = await settledNotifications(ctx, where, expected);
      ctx.check(`${name} still once each at the end`, n === expected, {
        n,
        expected,
      });
    }
    figures.workSeconds = (Date.now() - t0) / 1000;
  } catch (error) {
    failures.push({
      name: 'the run itself',
      detail: String(error?.stack ?? error),
    });
    say(`FAIL ${error?.stack ?? error}`);
  } finally {
    await Promise.all(dbs.map(d => d.end()));
    await Promise.all(replicas.map(r => r.stop()));
  }
  figures.totalSeconds = (Date.now() - started) / 1000;
  figures.failures = failures;
  if (json) {
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } else {
    print(figures);
  }
  process.exitCode = failures.length ? 1 : 0;
}

function print(f) {
  const line = s => process.stdout.write(`${s}\n`);
  const fmt = o =>
    Object.entries(o ?? {})
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ');
  line('');
  line('Two replicas on one PostgreSQL');
  for (const r of f.replicas)
    line(`  ${r.name}: ready in ${r.startupSeconds.toFixed(1)} s`);
  if (f.joins)
    line(
      `  joins: ${f.joins.requests} requests (${fmt(
        f.joins.statuses,
      )}); members ${f.joins.members}, member_count ${
        f.joins.memberCount
      }, owner notified ${f.joins.ownerNotifications}x`,
    );
  if (f.accepts)
    line(
      `  accepts: ${f.accepts.interested} interested, headcount ${
        f.accepts.headcount
      }; ${f.accepts.accepts} accepts (each on both replicas at once): ${fmt(
        f.accepts.acceptStatuses,
      )}, ${
        f.accepts.placeRefusals
      } of the 409s "all places taken"; interests ${fmt(
        f.accepts.interestsByStatus,
      )}; post ${f.accepts.postStatus}; ${
        f.accepts.toldFilled
      } people still waiting told it is filled`,
    );
  if (f.profileEdits)
    line(
      `  profile edits: ${f.profileEdits.editors} people x ${
        f.profileEdits.edits / f.profileEdits.editors
      } edits of one version (${fmt(f.profileEdits.statuses)})`,
    );
  if (f.evidence)
    line(
      `  evidence: ${f.evidence.newcomers} newcomers, journeys (${fmt(
        f.evidence.journeyStatuses,
      )}), evidence reported twice (${fmt(
        f.evidence.evidenceStatuses,
      )}); rows ${f.evidence.evidenceRows}, step progress ${
        f.evidence.progressRows
      }`,
    );
  if (f.stepRollup)
    line(
      `  step-metrics rollup: right after concurrent completions; rebuild triggered on both (${fmt(
        f.stepRollup.triggers,
      )}), ${f.stepRollup.groups} step rows equal to the source tables`,
    );
  for (const r of f.stuckCohort?.rounds ?? [])
    line(
      `  stuck-cohort job, trigger ${r.round} on both (${fmt(
        r.triggers,
      )}): notices ${r.notices}, notifications ${r.notifications}`,
    );
  for (const r of f.reminders?.rounds ?? [])
    line(
      `  reminder job, trigger ${r.round} on both (${fmt(
        r.triggers,
      )}): posts due ${r.postsDue}, reminders sent ${r.reminders}`,
    );
  if (f.workSeconds)
    line(
      `  concurrent work: ${f.workSeconds.toFixed(
        1,
      )} s; whole run ${f.totalSeconds.toFixed(1)} s`,
    );
  line(
    f.failures.length
      ? `  ${f.failures.length} check(s) FAILED`
      : '  every check passed',
  );
}

main();
