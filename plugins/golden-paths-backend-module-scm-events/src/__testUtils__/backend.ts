import {
  BackendFeature,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import eventsBackend from '@backstage/plugin-events-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
// Tests only: the module is tested inside the plugin it extends.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import goldenPathsBackend from '@onramp/backstage-plugin-golden-paths-backend';
import { createHmac, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import { parse } from 'yaml';
import request from 'supertest';
import { capturedLogs, installedPlugins } from '@onramp/test-utils';
import { eventsModuleWebhookGuard } from '../ingress';
import { createScmEventsModule } from '../module';
import { ScmOutcome } from '../ScmEventRecorder';

export const GITHUB_SECRET = 'test-github-webhook-secret';
export const GITLAB_TOKEN = 'test-gitlab-webhook-token';

export const SOFIA = 'user:default/sofia.marquez';
export const KENJI = 'user:default/kenji.watanabe';

/** Catalog users: Sofia on GitHub, Kenji on GitLab, two people claiming one login. */
const users = [
  {
    name: 'sofia.marquez',
    email: 'sofia.marquez@onramp.example',
    annotations: { 'github.com/user-login': 'sofia-marquez' },
  },
  {
    name: 'kenji.watanabe',
    email: 'kenji.watanabe@onramp.example',
    annotations: { 'gitlab.com/user-login': 'kwatanabe' },
  },
  ...['twin.one', 'twin.two'].map(name => ({
    name,
    email: `${name}@onramp.example`,
    annotations: { 'github.com/user-login': 'twin' },
  })),
].map(u => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: u.name, namespace: 'default', annotations: u.annotations },
  spec: { profile: { email: u.email } },
}));

const FIXTURES = path.resolve(__dirname, '../__fixtures__');

/**
 * The modules a package's feature loader would load. The GitHub and GitLab
 * events modules load theirs with a dynamic `import()`, which Jest runs
 * only with `--experimental-vm-modules`; these are the same files, loaded
 * with `require`.
 */
function loaderModules(pkg: string, files: string[]): BackendFeature[] {
  const root = path.dirname(require.resolve(`${pkg}/package.json`));
  return files.map(
    file => require(path.join(root, 'dist/service', file)).default,
  );
}

const githubEventsModule = loaderModules(
  '@backstage/plugin-events-backend-module-github',
  ['eventsModuleGithubEventRouter.cjs.js', 'eventsModuleGithubWebhook.cjs.js'],
);
const gitlabEventsModule = loaderModules(
  '@backstage/plugin-events-backend-module-gitlab',
  ['eventsModuleGitlabEventRouter.cjs.js', 'eventsModuleGitlabWebhook.cjs.js'],
);

/** A fixture payload, e.g. `fixture('github', 'pull_request.opened')`. */
export function fixture(provider: 'github' | 'gitlab', name: string): any {
  return JSON.parse(
    fs.readFileSync(path.join(FIXTURES, provider, `${name}.json`), 'utf8'),
  );
}

/** The `scm-day-1` GoldenPath entity the mock catalog serves. */
function scmPathEntity(): Entity {
  return parse(
    fs.readFileSync(path.join(FIXTURES, 'scm-path.yaml'), 'utf8'),
  ) as Entity;
}

/** GitHub's `X-Hub-Signature-256` of a body. */
export function githubSignature(body: string, secret = GITHUB_SECRET) {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** startScmEventsBackend on one of the test databases (both plugins on it). */
export async function startScmEventsBackendOn(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
) {
  return startScmEventsBackend({
    knex: await databases.init(databaseId),
    eventsKnex: await databases.init(databaseId),
  });
}

/**
 * Starts a backend with the events backend, its GitHub and GitLab modules,
 * this package's two modules and the golden-paths plugin (path
 * `scm-day-1`, a GoldenPath entity in the mock catalog) on `knex`, with a mock catalog holding the users above.
 */
export async function startScmEventsBackend(options: {
  knex: Knex;
  /** The events plugin's own database (its event bus tables on PostgreSQL). */
  eventsKnex: Knex;
  /** Without the events backend and its modules (default: with them). */
  withoutEventsBackend?: boolean;
}) {
  const outcomes: Array<[ScmOutcome, string]> = [];
  const logs = capturedLogs();
  const backend = await startTestBackend({
    features: [
      ...(options.withoutEventsBackend
        ? []
        : [
            eventsBackend,
            ...githubEventsModule,
            ...gitlabEventsModule,
            eventsModuleWebhookGuard,
          ]),
      // The catalog is the mock below; notifications are sent to nowhere.
      ...installedPlugins('catalog', 'catalog:golden-paths', 'notifications'),
      logs.factory,
      createScmEventsModule({
        onOutcome: (outcome, event) => outcomes.push([outcome, event]),
      }),
      goldenPathsBackend,
      eventsServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          events: {
            // On PostgreSQL the events service long-polls the event bus; a
            // backend stops only when the open poll ends (55 s by default).
            notifyTimeoutMs: 1_000,
            modules: {
              github: { webhookSecret: GITHUB_SECRET },
              gitlab: { webhookSecret: GITLAB_TOKEN },
            },
          },
        },
      }),
      // Each plugin its own database, as in a real backend.
      createServiceFactory({
        service: coreServices.database,
        deps: { plugin: coreServices.pluginMetadata },
        factory: ({ plugin }) => ({
          getClient: async () =>
            plugin.getId() === 'events' ? options.eventsKnex : options.knex,
        }),
      }),
      // The path is a GoldenPath entity in the catalog, as in a real backend.
      catalogServiceMock.factory({ entities: [...users, scmPathEntity()] }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send: async () => {} }),
      }),
    ],
  });
  const server = backend.server;

  /** POSTs a GitHub webhook, signed unless `signature` says otherwise. */
  const postGithub = (
    event: string,
    payload: unknown,
    opts: { delivery?: string; signature?: string | null; raw?: string } = {},
  ) => {
    const body = opts.raw ?? JSON.stringify(payload);
    const req = request(server)
      .post('/api/events/http/github')
      .set('Content-Type', 'application/json')
      .set('X-GitHub-Event', event)
      .set('X-GitHub-Delivery', opts.delivery ?? randomUUID());
    if (opts.signature !== null) {
      req.set('X-Hub-Signature-256', opts.signature ?? githubSignature(body));
    }
    return req.send(body);
  };

  /** POSTs a GitLab webhook with the token unless `token` says otherwise. */
  const postGitlab = (
    event: string,
    payload: unknown,
    opts: { delivery?: string; token?: string | null; raw?: string } = {},
  ) => {
    const body = opts.raw ?? JSON.stringify(payload);
    const req = request(server)
      .post('/api/events/http/gitlab')
      .set('Content-Type', 'application/json')
      .set('X-Gitlab-Event', event)
      .set('X-Gitlab-Event-UUID', opts.delivery ?? randomUUID());
    if (opts.token !== null) {
      req.set('X-Gitlab-Token', opts.token ?? GITLAB_TOKEN);
    }
    return req.send(body);
  };

  /** The person's journeys, as the golden-paths API shows them. */
  const journeys = async (user: string) => {
    const res = await request(server)
      .get('/api/golden-paths/journeys/me')
      .set('Authorization', mockCredentials.user.header(user));
    expect(res.status).toBe(200);
    return res.body.items as Array<{
      pathId: string;
      status: string;
      steps: Array<{ stepId: string; status: string; evidence?: any }>;
    }>;
  };

  /** Starts the `scm-day-1` journey as `user`. */
  const startJourney = async (user: string) => {
    const res = await request(server)
      .post('/api/golden-paths/journeys')
      .set('Authorization', mockCredentials.user.header(user))
      .send({ pathId: 'scm-day-1' });
    expect(res.status).toBeLessThan(300);
  };

  return {
    server,
    knex: options.knex,
    outcomes,
    logs,
    postGithub,
    postGitlab,
    journeys,
    startJourney,
    stop: () => backend.stop(),
  };
}

export type ScmEventsTestBackend = Awaited<
  ReturnType<typeof startScmEventsBackend>
>;
