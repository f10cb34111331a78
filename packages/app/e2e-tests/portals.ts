import path from 'node:path';

/**
 * One portal the flows run against: a backend serving the production build of
 * the app on its own port, with its own data directory (database, git root,
 * golden paths, local runtime, TechDocs) and its own range of ports for the
 * services it deploys. Nothing is shared between two portals, so two flows on
 * two portals never see each other's posts, journeys or services.
 */
export interface Portal {
  /** 0 for the first portal; the Playwright worker with this parallelIndex uses it. */
  index: number;
  port: number;
  baseURL: string;
  /** ONRAMP_E2E_DIR of this portal (absolute). */
  dir: string;
  /** goldenPaths.deploy.local.ports of this portal. */
  runtimePorts: { from: number; to: number };
}

const RUNTIME_PORTS = { from: 41000, to: 41999 };

/**
 * The portals of this run. On SQLite there are two by default (the 2-core
 * machine had a third of its CPU idle with one; ONRAMP_E2E_PORTALS sets
 * another number), one worker per portal. On PostgreSQL (ONRAMP_E2E_DB=pg)
 * there is one: its databases share a prefix that e2e-portal.sh drops.
 */
export function e2ePortals(env: NodeJS.ProcessEnv = process.env): Portal[] {
  const onPostgres = env.ONRAMP_E2E_DB === 'pg';
  const count = onPostgres ? 1 : Number(env.ONRAMP_E2E_PORTALS ?? 2);
  if (!Number.isInteger(count) || count < 1 || count > 8) {
    throw new Error(
      `ONRAMP_E2E_PORTALS must be a whole number from 1 to 8; got ${env.ONRAMP_E2E_PORTALS}`,
    );
  }
  const firstPort = Number(env.ONRAMP_E2E_PORT ?? 7007);
  if (!Number.isInteger(firstPort) || firstPort < 1024 || firstPort > 65527) {
    throw new Error(
      `ONRAMP_E2E_PORT must be a whole number from 1024 to 65527; got ${env.ONRAMP_E2E_PORT}`,
    );
  }
  const base = path.resolve(
    __dirname,
    '../../..',
    env.ONRAMP_E2E_DATA ?? 'data/e2e',
    onPostgres ? 'pg' : 'sqlite',
  );
  const width = Math.floor((RUNTIME_PORTS.to - RUNTIME_PORTS.from + 1) / count);
  return Array.from({ length: count }, (_, index) => {
    const port = firstPort + index;
    const from = RUNTIME_PORTS.from + width * index;
    return {
      index,
      port,
      baseURL: `http://localhost:${port}`,
      // The first portal keeps the directory a single portal always had.
      dir: index === 0 ? base : `${base}-${index + 1}`,
      runtimePorts: { from, to: from + width - 1 },
    };
  });
}
