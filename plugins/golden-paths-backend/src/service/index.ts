import {
  LoggerService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Membership, readerOf } from './audience';
import { GateService } from './GateService';
import { BuddyService } from './BuddyService';
import { BuddyCandidateSource } from './skillExchangeBuddies';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { GoldenPathsConfig } from '../config';
import { GoldenPathsStores } from '../database';
import { MetricsAccess } from './access';
import { CohortService } from './CohortService';
import { EvidenceService } from './EvidenceService';
import { JourneyService } from './JourneyService';
import { MetricsService } from './metrics';
import { notifyOnCompletion } from './notifications';
import { GoldenPathRegistry } from './paths';
import { ProgressWriter } from './progress';
import { BootcampService } from './BootcampService';
import { GroupMembers, Reports } from './catalogTeams';
import { TeamService } from './TeamService';
import { PulseService } from './PulseService';

/** The rules of the plugin, one service per resource. */
export type GoldenPathsServices = {
  journeys: JourneyService;
  evidence: EvidenceService;
  cohorts: CohortService;
  metrics: MetricsService;
  gates: GateService;
  buddies: BuddyService;
  bootcamps: BootcampService;
  team: TeamService;
  pulse: PulseService;
};

/** Builds the services over the stores; finishing a path notifies its person. */
export function createServices(options: {
  stores: GoldenPathsStores;
  paths: GoldenPathRegistry;
  config: GoldenPathsConfig;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  notifications: NotificationService;
  logger: LoggerService;
  /** Whether an SCM source feeds "time to 10th merged PR". */
  pullRequests: boolean;
  /** The person's groups in the catalog (audience, managers, approvers). */
  membership: (userEntityRef: string) => Promise<Membership>;
  /** Onboarding buddy candidates (the Skill Exchange); none when not installed. */
  buddyCandidates?: BuddyCandidateSource;
  /** A group's members and a manager's reports, from the catalog. */
  teams: { groupMembers: GroupMembers; reportsOf: Reports };
  clock?: () => number;
}): GoldenPathsServices {
  const { stores, paths, config, clock } = options;
  const writer = new ProgressWriter(stores.journeys);
  notifyOnCompletion({
    writer,
    notifications: options.notifications,
    logger: options.logger,
    linkPrefix: config.linkPrefix,
  });
  const access = new MetricsAccess(
    options.userInfo,
    options.permissions,
    config.metricsViewers,
  );
  const gates = new GateService({
    journeys: stores.journeys,
    gates: stores.gates,
    paths,
    writer,
    membership: options.membership,
    notifications: options.notifications,
    logger: options.logger,
    linkPrefix: config.linkPrefix,
    clock,
  });
  const buddies = new BuddyService({
    store: stores.buddies,
    journeys: stores.journeys,
    paths,
    source: options.buddyCandidates,
    membership: options.membership,
    notifications: options.notifications,
    logger: options.logger,
    linkPrefix: config.linkPrefix,
    ...config.buddies,
    clock,
  });
  const journeys = new JourneyService(stores.journeys, paths, writer, clock, {
    pathSteps: stores.pathSteps,
    gates,
    afterStart: (journey, path) => buddies.suggest(journey, path),
    readerOf: async userEntityRef =>
      readerOf({
        userEntityRef,
        membership: await options.membership(userEntityRef),
        cohorts: stores.cohorts,
      }),
  });
  return {
    gates,
    pulse: new PulseService({
      store: stores.pulse,
      paths,
      access,
      notifications: options.notifications,
      logger: options.logger,
      linkPrefix: config.linkPrefix,
      minimumGroupSize: config.minimumGroupSize,
      catchUpDays: config.pulse.catchUpDays,
      clock,
    }),
    buddies,
    journeys,
    bootcamps: new BootcampService({
      ...stores,
      journeys: stores.journeys,
      paths,
      access,
      notifications: options.notifications,
      stuckAfterDays: config.stuckAfterDays,
      linkPrefix: config.linkPrefix,
      clock,
    }),
    team: new TeamService({
      reportsOf: options.teams.reportsOf,
      bootcamps: stores.bootcamps,
      store: stores.journeys,
      journeys,
      paths,
      notifications: options.notifications,
      logger: options.logger,
      linkPrefix: config.linkPrefix,
    }),
    evidence: new EvidenceService(stores.journeys, paths, writer, clock),
    cohorts: new CohortService(stores.cohorts, access, clock, {
      groupMembers: options.teams.groupMembers,
      paths,
    }),
    metrics: new MetricsService({
      store: stores.metrics,
      paths,
      access,
      deployEvidenceKey: config.deployEvidenceKey,
      pullRequests: options.pullRequests,
      minimumGroupSize: config.minimumGroupSize,
      clock,
    }),
  };
}

export { GoldenPathRegistry, parseGoldenPaths } from './paths';
export { CatalogPathSource } from './catalogPaths';
export { notifyStuckMembers } from './notifications';
export { computeMetrics } from './metrics';
export { metricsTable, onboardingTable } from './csvTables';
