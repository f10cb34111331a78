import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Entity } from '@backstage/catalog-model';
import { capturedLogs, installedPlugins } from '@onramp/test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import { goldenPathsPlugin } from '../plugin';
import { userEntities } from './catalog';
import { demoPathEntities } from './paths';

/** The API's base path on the test server. */
export const API = '/api/golden-paths';

export const SOFIA = 'user:default/sofia.marquez';
export const LARS = 'user:default/lars.lindqvist';
export const AMARA = 'user:default/amara.okafor';
export const DAY1 = 'template:default/day-1-backend-service';

/** Request headers of a signed-in person. */
export const asUser = (ref: string) => ({
  Authorization: mockCredentials.user.header(ref),
});
/** Request headers of another backend plugin (service credentials). */
export const asService = { Authorization: mockCredentials.service.header() };

/** The permission mock: allow everything unless told otherwise. */
export function permissionsFactory(result = AuthorizeResult.ALLOW) {
  return mockServices.permissions.factory({ result });
}

/**
 * Starts a test backend with the golden-paths plugin on `knex`: the demo
 * paths (GoldenPath entities in the mock catalog), `AMARA` as the only metrics viewer, a mock catalog, an allowing
 * permission policy, and mocks of the auditor and the notification service
 * and the log lines the test can inspect. `features` go in too (e.g. a module under test).
 */
export async function startGoldenPathsBackend(options: {
  knex: Knex;
  config?: Record<string, unknown>;
  features?: Parameters<typeof startTestBackend>[0]['features'];
  plugin?: boolean;
  /** The mock catalog's entities besides the demo paths (default: none). */
  catalogEntities?: Array<ReturnType<typeof userEntities>[number] | Entity>;
  /**
   * The other plugins and modules Golden Paths sees installed (its optional
   * integrations); default: the catalog with the GoldenPath kind and
   * notifications, whose services are the test's (the mock catalog, `send`).
   */
  installed?: string[];
}) {
  const send = jest.fn(async (_notification: unknown) => {});
  const auditEvent = {
    success: jest.fn(async () => {}),
    fail: jest.fn(async () => {}),
  };
  const auditor = mockServices.auditor.mock({
    createEvent: jest.fn(async () => auditEvent),
  });
  const logs = capturedLogs();
  const backend = await startTestBackend({
    features: [
      ...(options.plugin === false ? [] : [goldenPathsPlugin]),
      ...installedPlugins(
        ...(options.installed ?? [
          'catalog',
          'catalog:golden-paths',
          'notifications',
        ]),
      ),
      logs.factory,
      mockServices.rootConfig.factory({
        data: {
          goldenPaths: {
            metrics: { viewers: [AMARA] },
          },
          ...options.config,
        },
      }),
      mockServices.database.factory({ knex: options.knex }),
      // The demo paths are GoldenPath entities in the catalog.
      catalogServiceMock.factory({
        entities: [...demoPathEntities(), ...(options.catalogEntities ?? [])],
      }),
      auditor.factory,
      permissionsFactory(),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send }),
      }),
      ...(options.features ?? []),
    ],
  });
  return {
    server: backend.server,
    /** A supertest request to `method path` (under the API) as `user`. */
    call: (
      method: 'get' | 'post' | 'put' | 'delete',
      path: string,
      user: string,
    ) => request(backend.server)[method](`${API}${path}`).set(asUser(user)),
    stop: () => backend.stop(),
    send,
    auditor,
    auditEvent,
    logs,
  };
}

/** What `startGoldenPathsBackend` gives a test. */
export type GoldenPathsTestBackend = Awaited<
  ReturnType<typeof startGoldenPathsBackend>
>;

/**
 * For a `describe` block on one test database: one golden-paths test
 * backend for all its tests, started before the first and stopped after the
 * last. The fields are there once the tests run.
 */
export function useGoldenPathsBackend(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
): GoldenPathsTestBackend {
  const backend = {} as GoldenPathsTestBackend;
  beforeAll(async () => {
    Object.assign(
      backend,
      await startGoldenPathsBackend({ knex: await databases.init(databaseId) }),
    );
  });
  afterAll(async () => {
    await backend.stop();
  });
  return backend;
}
