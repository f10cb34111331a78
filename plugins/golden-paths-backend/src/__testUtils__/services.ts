import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { RecordEvidenceRequest } from '@onramp/backstage-plugin-golden-paths-common';
import { Knex } from 'knex';
import { readGoldenPathsConfig } from '../config';
import { createStores } from '../database';
import { computeMetrics, createServices, GoldenPathRegistry } from '../service';
import { Membership } from '../service/audience';
import { testRegistry } from './paths';

/** Every table the plugin writes, children first. */
const TABLES = [
  'gp_journey_buddies',
  'gp_pulse_answers',
  'gp_pulse_asks',
  'gp_gates',
  'gp_path_steps',
  'gp_local_ci_runs',
  'gp_local_git_refs',
  'gp_stuck_notices',
  'gp_step_metrics',
  'gp_step_progress',
  'gp_evidence',
  'gp_merged_prs',
  'gp_nudges',
  'gp_person_settings',
  'gp_cohort_members',
  'gp_cohorts',
  'gp_journeys',
  'gp_people',
];

/** Empties the plugin's tables between tests sharing one database. */
export async function clearTables(knex: Knex) {
  for (const table of TABLES) {
    await knex(table).delete();
  }
}

/**
 * The stores and services over a test database, wired as the plugin wires
 * them, with a clock the test moves; plus short forms of the calls the tests
 * make most.
 */
export async function createTestGoldenPaths(
  knex: Knex,
  options: {
    paths?: GoldenPathRegistry;
    clock?: () => number;
    pullRequests?: boolean;
    membership?: (userEntityRef: string) => Promise<Membership>;
  } = {},
) {
  const stores = await createStores({ getClient: async () => knex });
  const paths = options.paths ?? (await testRegistry());
  const notifications = { send: jest.fn(async (_notification: any) => {}) };
  const services = createServices({
    stores,
    paths,
    config: readGoldenPathsConfig(mockServices.rootConfig({ data: {} })),
    userInfo: mockServices.userInfo(),
    permissions: mockServices.permissions({ result: AuthorizeResult.ALLOW }),
    notifications,
    logger: mockServices.logger.mock(),
    pullRequests: options.pullRequests ?? false,
    membership: options.membership ?? (async () => ({ groups: [] })),
    // No catalog here: no groups, nobody manages anyone.
    teams: { groupMembers: async () => undefined, reportsOf: async () => [] },
    clock: options.clock,
  });
  const { journeys, evidence } = services;
  return {
    knex,
    stores,
    paths,
    services,
    /** The notification service: `send` is a jest mock. */
    notifications,
    startJourney: (user: string, pathId: string) =>
      journeys.startJourney(user, pathId),
    completeManualStep: journeys.completeManualStep.bind(journeys),
    /** The response body of `POST /evidence`. */
    recordEvidence: async (request: RecordEvidenceRequest) =>
      (await evidence.recordEvidence(request)).response,
    /** All of a person's journeys (one large page). */
    getMyJourneys: async (user: string) =>
      (await journeys.getMyJourneysPage(user, { limit: 500, offset: 0 })).items,
  };
}

/** Monday 2 November 2026, 09:00 UTC: when the test journeys start. */
export const T0 = Date.parse('2026-11-02T09:00:00Z');
export const HOUR = 60 * 60 * 1000;

/**
 * Checks the "time to 10th merged PR" metric at `now` for the merges the
 * test recorded: only Sofia has 10, the 10th 100 hours after she started.
 */
export async function expectSofiasTenthMergedPr(
  gp: Awaited<ReturnType<typeof createTestGoldenPaths>>,
  now: number,
) {
  const metrics = await computeMetrics({
    store: gp.stores.metrics,
    paths: gp.paths,
    query: {},
    deployEvidenceKey: 'deploy.healthy',
    pullRequests: true,
    // One person: these tests check the figure, not its suppression.
    minimumGroupSize: 1,
    now,
  });
  expect(metrics.timeToTenthMergedPr).toMatchObject({
    count: 1,
    medianMs: 100 * HOUR,
    suppressed: false,
  });
}

/** The test's handles, filled before each test. */
export type GoldenPathsTestContext = {
  knex: Knex;
  gp: Awaited<ReturnType<typeof createTestGoldenPaths>>;
  /** The services' clock; tests move it. Reset to T0 before each test. */
  now: number;
  clock: () => number;
};

/**
 * For a `describe` block on one test database: the stores and services over
 * it, with empty tables, no notifications and the clock at T0 before each
 * test.
 */
export function useGoldenPaths(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
): GoldenPathsTestContext {
  const t = { now: T0 } as GoldenPathsTestContext;
  t.clock = () => t.now;
  beforeAll(async () => {
    t.knex = await databases.init(databaseId);
    t.gp = await createTestGoldenPaths(t.knex, { clock: t.clock });
  });
  beforeEach(async () => {
    await clearTables(t.knex);
    t.gp.notifications.send.mockClear();
    t.now = T0;
  });
  return t;
}

/** The cohort "bootcamp" owned by Amara, with these members. */
export function bootcampCohort(members: string[]) {
  return {
    id: 'bootcamp',
    title: 'Bootcamp',
    startDate: '2026-11-02',
    owner: 'user:default/amara.okafor',
    members,
  };
}

/**
 * `describe(title)` with one block a supported test database, named
 * `on <id>`, each over the stores and services of `useGoldenPaths`.
 */
export function describeOnEachDatabase(
  title: string,
  tests: (t: GoldenPathsTestContext) => void,
) {
  describe(title, () => {
    const databases = TestDatabases.create();
    describe.each(databases.eachSupportedId())('on %p', databaseId => {
      tests(useGoldenPaths(databases, databaseId));
    });
  });
}
