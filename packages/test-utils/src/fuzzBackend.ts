import type { Knex } from 'knex';
import { fuzzRoute } from './fuzzRoutes';
import { FuzzOptions, FuzzRoute, routeName } from './fuzzTypes';
import { databaseSnapshot } from './snapshot';

/** A started backend to fuzz: what requests go to, and its database. */
export interface FuzzTarget {
  server: FuzzOptions['request'];
  knex: Knex;
  stop?: () => Promise<void>;
}

/** What `describeRouteFuzzing` takes. */
export interface RouteFuzzingOptions<Id, T extends FuzzTarget> {
  /** The `describe` title, with `%s` for the database id. */
  title: string;
  /** The databases to fuzz on, e.g. `TestDatabases.create()`. */
  databases: { eachSupportedId(): Array<[Id]> };
  /** Starts (and seeds) the backend on one database. */
  start: (databaseId: Id) => Promise<T>;
  /**
   * The routes; `backend()` is the started backend, for arbitraries that
   * read what `start` seeded when requests are generated.
   */
  routes: (backend: () => T) => FuzzRoute[];
  /** Headers of every request (e.g. user credentials). */
  headers: Record<string, string>;
}

/**
 * For each database: one backend from `start` for all tests, and one test a
 * route that fuzzes it with `fuzzRoute` (no 5xx, no 4xx that changes a row),
 * the database digest read through the backend's own knex.
 */
export function describeRouteFuzzing<Id, T extends FuzzTarget>(
  options: RouteFuzzingOptions<Id, T>,
) {
  let started: T | undefined;
  const backend = () => {
    if (!started) throw new Error('The fuzzed backend has not started');
    return started;
  };
  const routes = options.routes(backend);
  describe.each(options.databases.eachSupportedId())(
    options.title,
    databaseId => {
      beforeAll(async () => {
        started = await options.start(databaseId);
      });

      afterAll(async () => {
        await started?.stop?.();
        started = undefined;
      });

      it.each(routes.map(r => [routeName(r), r] as const))(
        '%s',
        async (_name, route) => {
          const report = await fuzzRoute(
            {
              request: backend().server,
              snapshot: databaseSnapshot(backend().knex),
              headers: options.headers,
            },
            route,
          );
          expect(report.runs).toBeGreaterThan(0);
        },
      );
    },
  );
}
