/*
 * The benchmark's backend: the Skill Exchange plugin on the given database,
 * with the real permission backend and Onramp's permission policy (the
 * module packages/backend installs), and the real permissions service that
 * asks it over HTTP. Sign-in is the test backend's (mock user tokens); the
 * catalog is in memory and notifications are dropped.
 */
import {
  createServiceFactory,
  coreServices,
} from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import permissionBackend from '@backstage/plugin-permission-backend';
import type { Knex } from 'knex';
import { AddressInfo } from 'net';
// The policy lives in the backend package; the benchmark runs it as is.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { onrampPermissionPolicyModule } from '../../../../packages/backend/src/modules/permissionPolicy';
import { skillExchangePlugin } from '../../src/plugin';
import { installedPlugins } from '@onramp/test-utils';

export interface BenchBackend {
  /** GET or POST `path` of the Skill Exchange API as `user`; the JSON body. */
  call(
    method: 'GET' | 'POST',
    path: string,
    user: string,
    body?: object,
  ): Promise<any>;
  stop(): Promise<void>;
}

export async function startBenchBackend(knex: Knex): Promise<BenchBackend> {
  const silentLogger = createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () => {
      const silent: any = {
        info() {},
        warn() {},
        error() {},
        debug() {},
        child: () => silent,
      };
      return silent;
    },
  });
  // Production on-behalf-of tokens name the plugin that forwards the user as
  // the actor; the permission backend wants one before it answers a
  // conditional request. The test backend's mock tokens carry no actor, so
  // the permission plugin's sign-in adds it for forwarded (service) tokens.
  const httpAuthWithActor = createServiceFactory({
    service: coreServices.httpAuth,
    deps: { plugin: coreServices.pluginMetadata },
    factory({ plugin }) {
      const inner = mockServices.httpAuth({
        pluginId: plugin.getId(),
        defaultCredentials: mockCredentials.none(),
      });
      if (plugin.getId() !== 'permission') return inner;
      return {
        ...inner,
        issueUserCookie: inner.issueUserCookie.bind(inner),
        async credentials(req: any, options?: any) {
          const credentials: any = await inner.credentials(req, options);
          const forwarded = String(req.headers.authorization ?? '').startsWith(
            'Bearer mock-service-token',
          );
          if (forwarded && credentials.principal.type === 'user') {
            credentials.principal.actor = { subject: 'plugin:skill-exchange' };
          }
          return credentials;
        },
      } as any;
    },
  });
  const backend = await startTestBackend({
    features: [
      httpAuthWithActor,
      skillExchangePlugin,
      // The catalog is the mock below; notifications are sent to nowhere.
      ...installedPlugins('catalog', 'notifications'),
      permissionBackend,
      onrampPermissionPolicyModule,
      permissionsServiceFactory,
      silentLogger,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          onramp: { permission: { admins: [] } },
        },
      }),
      catalogServiceMock.factory({ entities: [] }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ async send() {} }),
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  // One keep-alive connection for the whole run: with Node's default of 5 s, a
  // baseline query slower than that (1M posts) let the server close the
  // socket just as the next API call reused it (ECONNRESET).
  backend.server.keepAliveTimeout = 120_000;
  // The database was migrated and seeded before: no demo data, no seeding.
  return {
    async call(method, path, user, body) {
      const res = await fetch(
        `http://127.0.0.1:${port}/api/skill-exchange${path}`,
        {
          method,
          headers: {
            authorization: mockCredentials.user.header(user),
            ...(body ? { 'content-type': 'application/json' } : {}),
          },
          body: body ? JSON.stringify(body) : undefined,
        },
      );
      if (!res.ok) {
        throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      }
      return res.json();
    },
    stop: () => backend.stop(),
  };
}
