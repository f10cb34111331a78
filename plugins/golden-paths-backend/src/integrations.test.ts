import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  asService,
  DAY1,
  GoldenPathsTestBackend,
  SOFIA,
  startGoldenPathsBackend,
} from './__testUtils__/backend';

jest.setTimeout(60_000);

const line = (message: string) => `Golden Paths: ${message}`;
const OFF = {
  notifications: line(
    "notifications are off (approvals, reminders, stuck members, journeys completed); add backend.add(import('@backstage/plugin-notifications-backend')) to send them",
  ),
  dayOneActions: line(
    "the Day-1 actions (goldenpath:*) are not installed, so no template records evidence; add backend.add(import('@backstage/plugin-scaffolder-backend')) and backend.add(import('@onramp/backstage-plugin-scaffolder-backend-module-golden-paths'))",
  ),
  scmEvents: line(
    "evidence from GitHub and GitLab webhooks (pr.opened, pr.merged, ci.passed, deploy.healthy, release.published) is off; add backend.add(import('@onramp/backstage-plugin-golden-paths-backend-module-scm-events')) with the events backend and its GitHub or GitLab module",
  ),
  skillExchange: line(
    "onboarding buddies are off: nobody is suggested (the Skill Exchange answers who fits); add backend.add(import('@onramp/backstage-plugin-skill-exchange-backend'))",
  ),
  pullRequests: line(
    'time to 10th merged PR is off (no merged pull request source); set goldenPaths.pullRequests.source (github) or goldenPaths.pullRequests.localGit.root, or add a source through goldenPathsPullRequestSourceExtensionPoint',
  ),
  catalog: line(
    "the catalog backend is not installed, so there are no paths and no people; add backend.add(import('@backstage/plugin-catalog-backend'))",
  ),
  goldenPathKind: line(
    "the catalog does not know the GoldenPath kind, so it rejects every path; add backend.add(import('@onramp/backstage-plugin-catalog-backend-module-golden-paths'))",
  ),
};

/** The lines Golden Paths logged about its integrations, by level. */
function integrationLines(backend: GoldenPathsTestBackend) {
  const lines = backend.logs.lines.filter(
    l =>
      l.pluginId === 'golden-paths' && l.message.startsWith('Golden Paths: '),
  );
  return {
    info: lines.filter(l => l.level === 'info').map(l => l.message),
    warn: lines.filter(l => l.level === 'warn').map(l => l.message),
  };
}

/** Sofia walks the Backend path to its end; finishing it is notified. */
async function finishBackendPath(backend: GoldenPathsTestBackend) {
  await backend
    .call('post', '/journeys', SOFIA)
    .send({ pathId: 'backend-day-1' })
    .expect(201);
  await backend
    .call(
      'post',
      '/journeys/backend-day-1/steps/dev-environment/complete',
      SOFIA,
    )
    .send({})
    .expect(200);
  const evidence = [
    { key: 'template.succeeded', evidenceId: 'task-1', templateRef: DAY1 },
    { key: 'deploy.healthy', evidenceId: 'task-1:deploy' },
    { key: 'monitoring.configured', evidenceId: 'task-1:monitoring' },
    { key: 'dns.resolves', evidenceId: 'task-1:dns' },
  ];
  for (const body of evidence) {
    await request(backend.server)
      .post('/api/golden-paths/evidence')
      .set(asService)
      .send({ userEntityRef: SOFIA, ...body })
      .expect(201);
  }
  const mine = await backend.call('get', '/journeys/me', SOFIA).expect(200);
  expect(mine.body.items[0]).toMatchObject({ status: 'completed' });
}

describe('the smallest install', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('runs with the catalog and its GoldenPath kind alone and no config; each integration that is off is one line', async () => {
      const backend = await startGoldenPathsBackend({
        knex: await databases.init(databaseId),
        config: { goldenPaths: {} },
        installed: ['catalog', 'catalog:golden-paths'],
      });
      try {
        expect(integrationLines(backend)).toEqual({
          info: [
            OFF.notifications,
            OFF.dayOneActions,
            OFF.scmEvents,
            OFF.skillExchange,
            OFF.pullRequests,
          ],
          warn: [],
        });
        const paths = await backend.call('get', '/paths', SOFIA).expect(200);
        expect(paths.body.items).toHaveLength(6);
        await finishBackendPath(backend);
        // Notifications are off: the journey completed, nothing was sent.
        expect(backend.send).not.toHaveBeenCalled();
      } finally {
        await backend.stop();
      }
    });

    it('turns each integration on with its plugin or module', async () => {
      const backend = await startGoldenPathsBackend({
        knex: await databases.init(databaseId),
        config: {
          goldenPaths: { pullRequests: { localGit: { root: 'repos' } } },
        },
        installed: [
          'catalog',
          'catalog:golden-paths',
          'notifications',
          'scaffolder',
          'scaffolder:golden-paths',
          'golden-paths:scm-events',
          'skill-exchange',
        ],
      });
      try {
        expect(integrationLines(backend)).toEqual({ info: [], warn: [] });
        await finishBackendPath(backend);
        expect(backend.send).toHaveBeenCalledWith(
          expect.objectContaining({
            payload: expect.objectContaining({ title: 'You finished Backend' }),
          }),
        );
      } finally {
        await backend.stop();
      }
    });

    it('warns, and still starts, without the catalog or its GoldenPath kind', async () => {
      for (const installed of [[], ['catalog']]) {
        const backend = await startGoldenPathsBackend({
          knex: await databases.init(databaseId),
          installed,
        });
        try {
          expect(integrationLines(backend).warn).toEqual(
            installed.length
              ? [OFF.goldenPathKind]
              : [OFF.catalog, OFF.goldenPathKind],
          );
          await backend.call('get', '/journeys/me', SOFIA).expect(200);
        } finally {
          await backend.stop();
        }
      }
    });
  });
});
