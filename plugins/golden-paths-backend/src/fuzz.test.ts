/**
 * Property-based fuzzing of every route of the Golden Paths API on SQLite
 * and PostgreSQL (issue 18): valid requests built from each route's own
 * zod schema, with one part changed to hostile input. No answer may be a
 * 5xx, and no 4xx may change a row. `ONRAMP_FUZZ_SEED` and
 * `ONRAMP_FUZZ_RUNS` set the seed and the requests per route; a failure
 * prints how to replay it.
 */
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
import {
  completeStepRequestSchema,
  createCohortRequestSchema,
  idSchema,
  metricsQuerySchema,
  myJourneysQuerySchema,
  pageQuerySchema,
  recordEvidenceRequestSchema,
  startJourneyRequestSchema,
  updateCohortRequestSchema,
} from '@onramp/backstage-plugin-golden-paths-common';
import {
  databaseSnapshot,
  fuzzRoute,
  FuzzRoute,
  routeName,
  validFrom,
} from '@onramp/test-utils';
import fc from 'fast-check';
import path from 'node:path';
import request from 'supertest';
import goldenPathsPlugin from './index';

jest.setTimeout(180_000);

const API = '/api/golden-paths';
const SOFIA = 'user:default/sofia.marquez';
const AMARA = 'user:default/amara.okafor';
const PATH = 'backend-day-1';
const as = (ref: string) => ({
  Authorization: mockCredentials.user.header(ref),
});
// The demo path files live outside this package.
// eslint-disable-next-line no-restricted-syntax
const examples = path.resolve(__dirname, '../../../examples/golden-paths');

/** What `startForFuzz` seeded, read when requests are generated. */
interface Seeded {
  journeyId: string;
  cohortId: string;
}

/**
 * Starts the Golden Paths plugin on the test database `databaseId` (the
 * same knex the snapshot reads) with the demo backend path, Amara as a
 * metrics viewer, permissions that allow everything, a notifications
 * service that keeps nothing and no scheduled tasks; then seeds Sofia's
 * journey on the backend path and a cohort, through the API.
 */
async function startForFuzz(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
) {
  const knex = await databases.init(databaseId);
  const backend = await startTestBackend({
    features: [
      goldenPathsPlugin,
      mockServices.rootConfig.factory({
        data: {
          goldenPaths: {
            paths: [path.join(examples, `${PATH}.yaml`)],
            metrics: { viewers: [AMARA] },
          },
        },
      }),
      mockServices.database.factory({ knex }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.scheduler.mock({ scheduleTask: async () => {} }).factory,
      catalogServiceMock.factory(),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send: async () => {} }),
      }),
    ],
  });
  const journey = await request(backend.server)
    .post(`${API}/journeys`)
    .set(as(SOFIA))
    .send({ pathId: PATH })
    .expect(201);
  await request(backend.server)
    .post(`${API}/cohorts`)
    .set(as(AMARA))
    .send({
      id: 'spring-2027',
      title: 'Spring 2027',
      startDate: '2027-03-01',
      owner: AMARA,
      members: [SOFIA],
    })
    .expect(201);
  const seeded: Seeded = {
    journeyId: journey.body.id,
    cohortId: 'spring-2027',
  };
  return {
    server: backend.server,
    snapshot: databaseSnapshot(knex),
    seeded,
    stop: () => backend.stop(),
  };
}

let context: Awaited<ReturnType<typeof startForFuzz>>;

const seeded = (pick: (s: Seeded) => string) =>
  fc.constant(null).map(() => pick(context.seeded));
const service = { Authorization: mockCredentials.service.header() };
const viewer = as(AMARA);

const routes: FuzzRoute[] = [
  { method: 'GET', path: `${API}/health` },
  { method: 'GET', path: `${API}/paths`, query: pageQuerySchema },
  {
    method: 'GET',
    path: `${API}/paths/:pathId`,
    params: { pathId: { schema: idSchema, valid: fc.constant(PATH) } },
  },
  { method: 'GET', path: `${API}/journeys/me`, query: myJourneysQuerySchema },
  {
    method: 'GET',
    path: `${API}/journeys/:journeyId`,
    params: { journeyId: seeded(s => s.journeyId) },
  },
  {
    method: 'POST',
    path: `${API}/journeys`,
    body: validFrom(startJourneyRequestSchema, () => ({ pathId: PATH })),
  },
  {
    method: 'POST',
    path: `${API}/journeys/:pathId/steps/:stepId/complete`,
    params: {
      pathId: { schema: idSchema, valid: fc.constant(PATH) },
      stepId: { schema: idSchema, valid: fc.constant('dev-environment') },
    },
    body: validFrom(completeStepRequestSchema, (b: object) => ({
      ...b,
      checkId: undefined,
    })),
  },
  {
    method: 'POST',
    path: `${API}/evidence`,
    headers: service,
    body: validFrom<{ userEntityRef: string; stepId?: string }>(
      recordEvidenceRequestSchema,
      b => ({
        ...b,
        userEntityRef: SOFIA,
        ...(b.stepId ? { pathId: PATH, stepId: 'deploy' } : {}),
      }),
    ),
  },
  {
    method: 'GET',
    path: `${API}/metrics`,
    query: metricsQuerySchema,
    headers: viewer,
  },
  {
    method: 'GET',
    path: `${API}/cohorts`,
    query: pageQuerySchema,
    headers: viewer,
  },
  {
    method: 'POST',
    path: `${API}/cohorts`,
    body: createCohortRequestSchema,
    headers: viewer,
  },
  {
    method: 'PUT',
    path: `${API}/cohorts/:cohortId`,
    params: { cohortId: seeded(s => s.cohortId) },
    body: updateCohortRequestSchema,
    headers: viewer,
  },
];

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'fuzzing Golden Paths on %s',
  databaseId => {
    beforeAll(async () => {
      context = await startForFuzz(databases, databaseId);
    });

    afterAll(async () => {
      await context?.stop();
    });

    it.each(routes.map(r => [routeName(r), r] as const))(
      '%s',
      async (_name, route) => {
        const report = await fuzzRoute(
          {
            request: context.server,
            snapshot: context.snapshot,
            headers: as(SOFIA),
          },
          route,
        );
        expect(report.runs).toBeGreaterThan(0);
      },
    );
  },
);
