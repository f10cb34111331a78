import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  AssignPathRequest,
  Journey,
  TeamMember,
  TeamOnboarding,
} from '@onramp/backstage-plugin-golden-paths-common';
import { BootcampStore, JourneyStore } from '../database';
import { Reports } from './catalogTeams';
import { JourneyService } from './JourneyService';
import { journeyToApi } from './journeyView';
import { GoldenPathRegistry } from './paths';

/**
 * "My team's onboarding": a manager's reports from the catalog with their
 * journeys, and a path assigned to one of them (their manager only).
 */
export class TeamService {
  constructor(
    private readonly options: {
      reportsOf: Reports;
      bootcamps: BootcampStore;
      store: JourneyStore;
      journeys: JourneyService;
      paths: GoldenPathRegistry;
      notifications: NotificationService;
      logger: LoggerService;
      linkPrefix: string;
    },
  ) {}

  async onboarding(manager: string): Promise<TeamOnboarding> {
    const { reportsOf, bootcamps, store, paths } = this.options;
    const reports = await reportsOf(manager);
    const refs = reports.map(r => r.userEntityRef);
    const journeys = await bootcamps.listJourneysOf(refs);
    const progress = await store.listProgress(journeys.map(j => j.id));
    const sharing = await bootcamps.listSharing(refs);
    const items = reports.map(
      (report): TeamMember => ({
        ...report,
        journeys: journeys
          .filter(
            j => j.userEntityRef.toLocaleLowerCase() === report.userEntityRef,
          )
          .map(row => {
            const path = paths.get(row.pathId);
            const journey = journeyToApi(row, path, progress);
            return {
              id: journey.id,
              pathId: journey.pathId,
              pathTitle: path?.title ?? row.pathId,
              status: journey.status,
              completedSteps: journey.completedSteps,
              totalSteps: journey.totalSteps,
              startedAt: journey.startedAt,
            };
          }),
        sharesSkillExchange: sharing.has(report.userEntityRef),
      }),
    );
    return { items, totalItems: items.length };
  }

  /** 400 for an unknown path, 403 unless the caller manages the person. */
  async assign(manager: string, request: AssignPathRequest): Promise<Journey> {
    const { reportsOf, journeys, paths } = this.options;
    const path = paths.get(request.pathId);
    if (!path) {
      throw new InputError(`No golden path "${request.pathId}"`);
    }
    const person = request.userEntityRef.toLocaleLowerCase();
    const reports = await reportsOf(manager);
    if (!reports.some(r => r.userEntityRef === person)) {
      throw new NotAllowedError(
        `Only ${request.userEntityRef}'s manager may assign them a path`,
      );
    }
    const { journey, created } = await journeys.startJourney(person, path.id);
    if (created) {
      await this.tell(person, manager, path.title, path.id);
    }
    return journey;
  }

  private async tell(
    person: string,
    manager: string,
    title: string,
    pathId: string,
  ) {
    try {
      await this.options.notifications.send({
        recipients: { type: 'entity', entityRef: person },
        payload: {
          title: `Your manager assigned you ${title}`,
          description: `${manager} started the ${title} golden path for you.`,
          link: `${this.options.linkPrefix}/${encodeURIComponent(pathId)}`,
          severity: 'normal',
          topic: 'golden-paths',
        },
      });
    } catch (error) {
      // The journey is started; a notification outage is only logged.
      this.options.logger.error(
        `Could not tell ${person} about ${pathId}`,
        error as Error,
      );
    }
  }
}
