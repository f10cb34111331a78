import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { capturedLogs, installedPlugins } from '@onramp/test-utils';
import type { Knex } from 'knex';
import request from 'supertest';
import { skillExchangePlugin } from '../plugin';
import type { TestPolicy } from './fixtures';

/** The API's base path on the test server. */
export const API = '/api/skill-exchange';

/** The authorization header of a signed-in user. */
export const as = (ref: string) => mockCredentials.user.header(ref);

/** An audit event as the test auditor saw it, with its outcome. */
export interface SeenAudit {
  eventId: string;
  meta: unknown;
  outcome?: 'success' | 'fail';
}

/** What a test backend starts with, besides its database. */
export interface StartOptions {
  /** Catalog entities (`catalogUser`, `catalogGroup`). */
  entities?: object[];
  /** Replaces methods of the mock catalog, e.g. a `getEntities` that fails. */
  catalog?: Partial<CatalogService>;
  /** The permission decisions; default: allow everything. */
  policy?: TestPolicy;
  config?: NonNullable<Parameters<typeof mockServices.rootConfig>[0]>['data'];
  /**
   * Keep the real actions registry, which serves the actions over HTTP
   * (`/.backstage/actions/v1/...`); default: the mock in `actions`, for
   * tests that invoke actions directly.
   */
  actionsOverHttp?: boolean;
  /**
   * The other Backstage plugins the Skill Exchange sees installed (its
   * optional integrations); default: the catalog and notifications, whose
   * services are the test's (the mock catalog, the captured `sent`).
   */
  installed?: string[];
  /** More backend features, e.g. a stand-in for another plugin it calls. */
  features?: Parameters<typeof startTestBackend>[0]['features'];
}

/**
 * Starts the Skill Exchange plugin on a test backend: on `databaseId` (a
 * fresh database from `databases`) or on a given `knex` (shared, e.g. by two
 * replicas). Notifications, audit events, scheduled tasks, registered
 * actions and log lines are captured for the test to look at.
 */
export async function startSkillExchangeBackend(
  options: StartOptions & {
    databases?: TestDatabases;
    databaseId?: TestDatabaseId;
    knex?: Knex;
  },
) {
  const knex =
    options.knex ?? (await options.databases!.init(options.databaseId!));
  const sent: Array<{ recipients: any; payload: any }> = [];
  const audits: SeenAudit[] = [];
  const tasks = new Map<string, () => Promise<void>>();
  const actions = actionsRegistryServiceMock();
  const logs = capturedLogs();
  const backend = await startTestBackend({
    features: [
      skillExchangePlugin,
      ...installedPlugins(
        ...(options.installed ?? ['catalog', 'notifications']),
      ),
      ...(options.features ?? []),
      logs.factory,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      options.policy
        ? mockServices.permissions.mock(options.policy as any).factory
        : mockServices.permissions.factory(),
      mockServices.scheduler.mock({
        async scheduleTask(task: any) {
          tasks.set(task.id, task.fn);
        },
      }).factory,
      mockServices.auditor.mock({
        async createEvent(event: any) {
          const entry: SeenAudit = { eventId: event.eventId, meta: event.meta };
          audits.push(entry);
          return {
            async success() {
              entry.outcome = 'success';
            },
            async fail() {
              entry.outcome = 'fail';
            },
          };
        },
      }).factory,
      ...(options.actionsOverHttp
        ? []
        : [
            createServiceFactory({
              service: actionsRegistryServiceRef,
              deps: {},
              factory: () => actions,
            }),
          ]),
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () =>
          Object.assign(
            catalogServiceMock({ entities: (options.entities ?? []) as any }),
            options.catalog,
          ),
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          async send(notification: any) {
            sent.push(notification);
          },
        }),
      }),
    ],
  });
  const server = backend.server;
  return {
    server,
    knex,
    sent,
    audits,
    tasks,
    actions,
    logs,
    /** A supertest agent for `method path` as `user`. */
    call: (
      method: 'get' | 'post' | 'put' | 'delete',
      path: string,
      user: string,
    ) =>
      request(server)[method](`${API}${path}`).set('authorization', as(user)),
  };
}

export type SkillExchangeTestBackend = Awaited<
  ReturnType<typeof startSkillExchangeBackend>
>;

/**
 * For a `describe` block on one test database: one Skill Exchange test
 * backend for all its tests, started (with `options`) before the first.
 * The fields are there once the tests run; the test backend stops itself
 * after the file.
 */
export function useSkillExchangeBackend(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  options: StartOptions = {},
): SkillExchangeTestBackend {
  const backend = {} as SkillExchangeTestBackend;
  beforeAll(async () => {
    Object.assign(
      backend,
      await startSkillExchangeBackend({ ...options, databases, databaseId }),
    );
  });
  return backend;
}
