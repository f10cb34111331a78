// Starts backend replicas (packages/backend, `yarn start`) on one PostgreSQL
// and stops them again. Used by scripts/replicas/run.mjs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export const root = path.resolve(import.meta.dirname, '../..');

/** Drops every database named onramp_replicas_*, and no other. */
export async function dropReplicaDatabases(url) {
  const where = new URL(url);
  where.pathname = '/postgres';
  const client = new pg.Client({
    connectionString: where.toString(),
    connectionTimeoutMillis: 5000,
  });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      ['onramp\\_replicas\\_%'],
    );
    for (const { datname } of rows) {
      await client.query(
        `DROP DATABASE ${client.escapeIdentifier(datname)} WITH (FORCE)`,
      );
    }
    return rows.length;
  } finally {
    await client.end();
  }
}

/** One plugin's database of this run, e.g. db(url, 'skill-exchange'). */
export function pluginDatabase(url, pluginId) {
  // The database goes in the URL: pg lets a connection string's parts win
  // over separate options.
  const where = new URL(url);
  where.pathname = `/onramp_replicas_${pluginId}`;
  return new pg.Pool({ connectionString: where.toString(), max: 2 });
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Starts one replica on `port`, its output in `logFile`, and resolves once
 * /.backstage/health/v1/readiness answers 200 (or rejects when the process
 * exits first or `timeoutMs` passes).
 */
export async function startReplica({ name, port, env, logFile, timeoutMs }) {
  const log = fs.openSync(logFile, 'w');
  const child = spawn(
    'yarn',
    [
      'start',
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../app-config.replicas.yaml',
    ],
    {
      cwd: path.join(root, 'packages/backend'),
      env: { ...process.env, ...env, ONRAMP_REPLICA_PORT: String(port) },
      stdio: ['ignore', log, log],
      // Its own process group, so stopping it stops yarn and node both.
      detached: true,
    },
  );
  const replica = {
    name,
    port,
    url: `http://localhost:${port}`,
    logFile,
    exited: false,
  };
  child.on('exit', () => {
    replica.exited = true;
  });
  replica.stop = () => stopGroup(child.pid, () => replica.exited);
  const started = Date.now();
  for (;;) {
    if (
      replica.exited ||
      /BackendStartupError/.test(fs.readFileSync(logFile, 'utf8'))
    ) {
      await replica.stop();
      throw new Error(`${name} failed to start; see ${logFile}`);
    }
    if (Date.now() - started > timeoutMs) {
      await replica.stop();
      throw new Error(
        `${name} not ready after ${timeoutMs / 1000}s; see ${logFile}`,
      );
    }
    try {
      const res = await fetch(`${replica.url}/.backstage/health/v1/readiness`);
      if (res.ok) {
        replica.startupSeconds = (Date.now() - started) / 1000;
        return replica;
      }
    } catch {
      // not listening yet
    }
    await sleep(1000);
  }
}

/** SIGTERM to the process group this script started, SIGKILL after 10 s. */
async function stopGroup(pid, exited) {
  const signal = sig => {
    try {
      process.kill(-pid, sig);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  for (let i = 0; i < 100 && !exited(); i++) {
    await sleep(100);
  }
  signal('SIGKILL');
}
