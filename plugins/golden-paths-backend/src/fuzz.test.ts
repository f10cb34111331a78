/**
 * Property-based fuzzing of every route of the Golden Paths API on SQLite
 * and PostgreSQL (issue 18): valid requests built from each route's own
 * zod schema, with one part changed to hostile input. No answer may be a
 * 5xx, and no 4xx may change a row. `ONRAMP_FUZZ_SEED` and
 * `ONRAMP_FUZZ_RUNS` set the seed and the requests per route; a failure
 * prints how to replay it.
 */
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  completeStepRequestSchema,
  createCohortRequestSchema,
  declineStepRequestSchema,
  idSchema,
  localCiRunsQuerySchema,
  metricsQuerySchema,
  myJourneysQuerySchema,
  pageQuerySchema,
  recordEvidenceRequestSchema,
  startJourneyRequestSchema,
  updateCohortRequestSchema,
} from '@onramp/backstage-plugin-golden-paths-common';
import { describeRouteFuzzing, FuzzRoute, validFrom } from '@onramp/test-utils';
import fc from 'fast-check';
import request from 'supertest';
import {
  AMARA,
  asService,
  asUser,
  SOFIA,
  startGoldenPathsBackend,
} from './__testUtils__/backend';

jest.setTimeout(180_000);

const API = '/api/golden-paths';
const PATH = 'backend-day-1';

/** What `startForFuzz` seeded, read when requests are generated. */
interface Seeded {
  journeyId: string;
  cohortId: string;
}

const databases = TestDatabases.create();

/**
 * Starts the Golden Paths test backend on the test database `databaseId`
 * (the same knex the snapshot reads) with no scheduled tasks, then seeds
 * Sofia's journey on the backend path and a cohort, through the API.
 */
async function startForFuzz(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  const backend = await startGoldenPathsBackend({
    knex,
    features: [
      mockServices.scheduler.mock({ scheduleTask: async () => {} }).factory,
    ],
  });
  const journey = await request(backend.server)
    .post(`${API}/journeys`)
    .set(asUser(SOFIA))
    .send({ pathId: PATH })
    .expect(201);
  await request(backend.server)
    .post(`${API}/cohorts`)
    .set(asUser(AMARA))
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
  return { ...backend, knex, seeded };
}

const viewer = asUser(AMARA);

describeRouteFuzzing({
  title: 'fuzzing Golden Paths on %s',
  databases,
  start: startForFuzz,
  headers: asUser(SOFIA),
  routes: (backend): FuzzRoute[] => {
    const seeded = (pick: (s: Seeded) => string) =>
      fc.constant(null).map(() => pick(backend().seeded));
    return [
      { method: 'GET', path: `${API}/health` },
      { method: 'GET', path: `${API}/paths`, query: pageQuerySchema },
      {
        method: 'GET',
        path: `${API}/paths/:pathId`,
        params: { pathId: { schema: idSchema, valid: fc.constant(PATH) } },
      },
      {
        method: 'GET',
        path: `${API}/journeys/me`,
        query: myJourneysQuerySchema,
      },
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
      { method: 'GET', path: `${API}/approvals` },
      {
        method: 'POST',
        path: `${API}/journeys/:journeyId/steps/:stepId/approve`,
        params: {
          journeyId: seeded(s => s.journeyId),
          stepId: { schema: idSchema, valid: fc.constant('dev-environment') },
        },
      },
      {
        method: 'POST',
        path: `${API}/journeys/:journeyId/steps/:stepId/decline`,
        params: {
          journeyId: seeded(s => s.journeyId),
          stepId: { schema: idSchema, valid: fc.constant('dev-environment') },
        },
        body: validFrom(declineStepRequestSchema, () => ({
          reason: 'Not yet',
        })),
      },
      {
        method: 'POST',
        path: `${API}/evidence`,
        headers: asService,
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
        path: `${API}/local-ci/runs`,
        query: localCiRunsQuerySchema,
        headers: viewer,
      },
      {
        method: 'GET',
        path: `${API}/local-ci/runs/:runId`,
        params: {
          runId: fc.integer({ min: 1, max: 2_147_483_647 }).map(String),
        },
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
  },
});
