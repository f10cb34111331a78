import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  CohortBoard,
  CohortBoardRow,
  goldenPathsCohortManagePermission,
  MyCohort,
  NudgeAllResult,
} from '@onramp/backstage-plugin-golden-paths-common';
import {
  BootcampStore,
  CohortRow,
  CohortStore,
  JourneyRow,
  JourneyStore,
} from '../database';
import { MetricsAccess } from './access';
import { journeyToApi } from './journeyView';
import { GoldenPathRegistry } from './paths';
import { stuckDays } from './stuck';
import { cohortToApi } from './CohortService';

const sameRef = (a: string, b: string) =>
  a.toLocaleLowerCase() === b.toLocaleLowerCase();

/**
 * Bootcamps: a cohort's progress board (steps done, current step, stuck for
 * N days by the stuck-member job's rule) and nudges, at most one per person
 * and day (the database's key), for cohort managers; members see theirs.
 */
export class BootcampService {
  constructor(
    private readonly options: {
      cohorts: CohortStore;
      bootcamps: BootcampStore;
      journeys: JourneyStore;
      paths: GoldenPathRegistry;
      access: MetricsAccess;
      notifications: NotificationService;
      stuckAfterDays: number;
      linkPrefix: string;
      clock?: () => number;
    },
  ) {}

  private now() {
    return (this.options.clock ?? Date.now)();
  }

  private async managedCohort(
    credentials: BackstageCredentials,
    cohortId: string,
  ): Promise<CohortRow> {
    const { access, cohorts } = this.options;
    await access.require(credentials, goldenPathsCohortManagePermission);
    const cohort = await cohorts.getCohort(cohortId);
    if (!cohort) {
      throw new NotFoundError(`No cohort ${cohortId}`);
    }
    return cohort;
  }

  /** One row per member: on the cohort's path, else their latest journey. */
  async board(
    credentials: BackstageCredentials,
    cohortId: string,
  ): Promise<CohortBoard> {
    const cohort = await this.managedCohort(credentials, cohortId);
    return this.boardOf(cohort);
  }

  private async boardOf(cohort: CohortRow): Promise<CohortBoard> {
    const { bootcamps, journeys, paths, stuckAfterDays } = this.options;
    const now = this.now();
    const rows = await bootcamps.listJourneysOf(cohort.members, cohort.pathId);
    const latest = new Map<string, JourneyRow>();
    for (const row of rows) latest.set(row.userEntityRef.toLowerCase(), row);
    const progress = await journeys.listProgress(
      [...latest.values()].map(j => j.id),
    );
    const nudged = await bootcamps.listNudgedOn(cohort.members, now);
    const board = cohort.members.map((member): CohortBoardRow => {
      const row = latest.get(member.toLocaleLowerCase());
      const nudgedToday = nudged.has(member.toLocaleLowerCase());
      const path = row && paths.get(row.pathId);
      if (!row) {
        const total = cohort.pathId ? paths.get(cohort.pathId) : undefined;
        return {
          userEntityRef: member,
          status: 'not-started',
          completedSteps: 0,
          totalSteps: total?.steps.length ?? 0,
          nudgedToday,
        };
      }
      const journey = journeyToApi(row, path, progress);
      const step = path?.steps.find(s => s.id === journey.nextStepId);
      const days = stuckDays(row, now, stuckAfterDays);
      return {
        userEntityRef: member,
        journeyId: row.id,
        status: row.status,
        completedSteps: journey.completedSteps,
        totalSteps: journey.totalSteps,
        ...(step ? { currentStep: { id: step.id, title: step.title } } : {}),
        ...(days !== undefined ? { stuckDays: days } : {}),
        lastActivityAt: new Date(row.lastActivityAt).toISOString(),
        nudgedToday,
      };
    });
    return {
      cohort: cohortToApi(cohort),
      ...(cohort.pathId && paths.get(cohort.pathId)
        ? { pathTitle: paths.get(cohort.pathId)!.title }
        : {}),
      stuckAfterDays,
      rows: board,
    };
  }

  /** Nudges one member: 400 for a non-member, 409 when nudged today. */
  async nudge(
    credentials: BackstageCredentials,
    sender: string,
    cohortId: string,
    userEntityRef: string,
  ): Promise<void> {
    const cohort = await this.managedCohort(credentials, cohortId);
    const member = cohort.members.find(m => sameRef(m, userEntityRef));
    if (!member) {
      throw new InputError(
        `${userEntityRef} is not a member of the cohort ${cohort.title}`,
      );
    }
    if (!(await this.send(cohort, sender, member))) {
      throw new ConflictError(
        `${member} was already nudged today; one nudge a day is enough, try again tomorrow`,
      );
    }
  }

  /** Nudges every stuck member who was not nudged today. */
  async nudgeStuck(
    credentials: BackstageCredentials,
    sender: string,
    cohortId: string,
  ): Promise<NudgeAllResult> {
    const cohort = await this.managedCohort(credentials, cohortId);
    const { rows } = await this.boardOf(cohort);
    const result: NudgeAllResult = { nudged: [], alreadyNudged: [] };
    for (const row of rows.filter(r => r.stuckDays !== undefined)) {
      const sent = await this.send(cohort, sender, row.userEntityRef, row);
      (sent ? result.nudged : result.alreadyNudged).push(row.userEntityRef);
    }
    return result;
  }

  private async send(
    cohort: CohortRow,
    sender: string,
    member: string,
    row?: CohortBoardRow,
  ) {
    const { bootcamps, notifications, paths, linkPrefix } = this.options;
    const path = cohort.pathId ? paths.get(cohort.pathId) : undefined;
    const now = this.now();
    const where = row?.currentStep
      ? `: next is "${row.currentStep.title}"`
      : '';
    return bootcamps.claimNudge(
      {
        userEntityRef: member,
        cohortId: cohort.id,
        sentBy: sender,
        sentAt: now,
      },
      () =>
        notifications.send({
          recipients: { type: 'entity', entityRef: member },
          payload: {
            title: `A nudge from your bootcamp ${cohort.title}`,
            description: path
              ? `Keep going on ${path.title}${where}.`
              : `Keep going on your golden path${where}.`,
            link: path
              ? `${linkPrefix}/${encodeURIComponent(path.id)}`
              : linkPrefix,
            severity: 'normal',
            topic: 'golden-paths-nudge',
          },
        }),
    );
  }

  /** The cohorts the caller is a member of. */
  async myCohorts(userEntityRef: string): Promise<MyCohort[]> {
    const { cohorts } = this.options;
    const ids = await cohorts.listCohortIdsOf(userEntityRef);
    const found = await Promise.all(ids.map(id => cohorts.getCohort(id)));
    return found
      .filter((c): c is CohortRow => Boolean(c))
      .map(c => ({
        id: c.id,
        title: c.title,
        startDate: c.startDate,
        ...(c.endDate ? { endDate: c.endDate } : {}),
        ...(c.pathId ? { pathId: c.pathId } : {}),
      }))
      .sort((a, b) => b.startDate.localeCompare(a.startDate));
  }

  /** Whether the caller may manage cohorts (for the UI; the API checks). */
  async canManage(credentials: BackstageCredentials): Promise<boolean> {
    return this.options.access
      .require(credentials, goldenPathsCohortManagePermission)
      .then(
        () => true,
        error => {
          if (error instanceof NotAllowedError) return false;
          throw error;
        },
      );
  }
}
