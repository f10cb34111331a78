import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { CohortStore, KnexCohortStore } from './CohortStore';
import { JourneyStore, KnexJourneyStore } from './JourneyStore';
import {
  KnexMergedPullRequestStore,
  MergedPullRequestStore,
} from './MergedPullRequestStore';
import { KnexMetricsStore, MetricsStore } from './MetricsStore';
import { KnexPeopleStore, PeopleStore } from './PeopleStore';
import { KnexLocalCiStore, LocalCiStore } from './LocalCiStore';
import { KnexPathStepStore, PathStepStore } from './PathStepStore';
import { GateStore, KnexGateStore } from './GateStore';
import { BuddyStore, KnexBuddyStore } from './BuddyStore';
import { BootcampStore, KnexBootcampStore } from './BootcampStore';
import { KnexPulseStore, PulseStore } from './PulseStore';

const migrationsDir = resolvePackagePath(
  '@onramp/backstage-plugin-golden-paths-backend',
  'migrations',
);

/** Every store of the plugin, one per aggregate, over one database. */
export type GoldenPathsStores = {
  journeys: JourneyStore;
  cohorts: CohortStore;
  metrics: MetricsStore;
  mergedPullRequests: MergedPullRequestStore;
  people: PeopleStore;
  localCi: LocalCiStore;
  pathSteps: PathStepStore;
  gates: GateStore;
  buddies: BuddyStore;
  bootcamps: BootcampStore;
  pulse: PulseStore;
};

/** Runs the migrations (unless the database skips them) and builds the stores. */
export async function createStores(
  database: Pick<DatabaseService, 'getClient' | 'migrations'>,
): Promise<GoldenPathsStores> {
  const db: Knex = await database.getClient();
  if (!database.migrations?.skip) {
    await db.migrate.latest({ directory: migrationsDir });
  }
  return {
    journeys: KnexJourneyStore.create(db),
    cohorts: KnexCohortStore.create(db),
    metrics: KnexMetricsStore.create(db),
    mergedPullRequests: KnexMergedPullRequestStore.create(db),
    people: KnexPeopleStore.create(db),
    localCi: KnexLocalCiStore.create(db),
    pathSteps: KnexPathStepStore.create(db),
    gates: KnexGateStore.create(db),
    buddies: KnexBuddyStore.create(db),
    bootcamps: KnexBootcampStore.create(db),
    pulse: KnexPulseStore.create(db),
  };
}

export type { JourneyStore, PageWindow } from './JourneyStore';
export type { CohortStore, CohortUpdate, NewCohort } from './CohortStore';
export type { MetricsStore, MetricsFilter, Median } from './MetricsStore';
export type { MergedPullRequestStore } from './MergedPullRequestStore';
export type { PeopleStore, PersonStartDate } from './PeopleStore';
export { startOfDay } from './PeopleStore';
export type * from './LocalCiStore';
export type { PathStepStore, PathStepRow } from './PathStepStore';
export type { GateStore, GateRow } from './GateStore';
export type { BuddyStore, BuddyRow } from './BuddyStore';
export type { BootcampStore, NudgeRow } from './BootcampStore';
export { utcDay } from './BootcampStore';
export * from './rows';
export type * from './PulseStore';
