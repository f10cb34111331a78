import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { CohortStore } from '../database';
import { JourneyService } from './JourneyService';
import { GoldenPathRegistry } from './paths';
import { ProgressWriter } from './progress';
import { stuckBefore, stuckDays } from './stuck';

/** Sends "you finished <path>" to whoever completes a path. */
export function notifyOnCompletion(options: {
  writer: ProgressWriter;
  notifications: NotificationService;
  logger: LoggerService;
  linkPrefix: string;
}) {
  options.writer.onJourneyCompleted(async ({ userEntityRef, path }) => {
    try {
      await options.notifications.send({
        recipients: { type: 'entity', entityRef: userEntityRef },
        payload: {
          title: `You finished ${path.title}`,
          description: `All ${path.steps.length} steps of the ${path.discipline} golden path are done, each proven by its evidence. Welcome aboard!`,
          link: `${options.linkPrefix}/${encodeURIComponent(path.id)}`,
          severity: 'normal',
          topic: 'golden-paths',
          scope: `golden-paths:completed:${path.id}`,
        },
      });
    } catch (error) {
      // The completion itself is committed; a notification outage must not
      // turn the evidence call into an error the scaffolder retries.
      options.logger.error(
        `Could not notify ${userEntityRef} about finishing ${path.id}`,
        error as Error,
      );
    }
  });
}

/**
 * Finds cohort members whose journey has had no progress for `stuckAfterDays`
 * and tells the cohort owner once per (journey, step). Safe with several
 * replicas: each notice is claimed by a unique row before it is sent.
 */
export async function notifyStuckMembers(options: {
  cohorts: CohortStore;
  journeys: JourneyService;
  paths: GoldenPathRegistry;
  notifications: NotificationService;
  logger: LoggerService;
  now: number;
  stuckAfterDays: number;
  linkPrefix: string;
  batchSize?: number;
}): Promise<number> {
  const idle = await options.cohorts.listIdleCohortJourneys(
    stuckBefore(options.now, options.stuckAfterDays),
    options.batchSize ?? 500,
  );
  let sent = 0;
  for (const row of idle) {
    const path = options.paths.get(row.pathId);
    if (!path) {
      continue;
    }
    const journey = await options.journeys.getJourneyById(row.journeyId);
    const stepId = journey.nextStepId;
    const step = path.steps.find(s => s.id === stepId);
    if (!step) {
      continue;
    }
    if (
      !(await options.cohorts.claimStuckNotice(
        row.journeyId,
        step.id,
        options.now,
      ))
    ) {
      continue;
    }
    const days = stuckDays(
      { status: 'active', lastActivityAt: row.lastActivityAt },
      options.now,
      options.stuckAfterDays,
    );
    await options.notifications.send({
      recipients: { type: 'entity', entityRef: row.cohortOwner },
      payload: {
        title: `${row.userEntityRef} is stuck on "${step.title}"`,
        description: `${row.userEntityRef} (${row.cohortTitle}) has made no progress on ${path.title} for ${days} days; the next step is "${step.title}".`,
        link: `${options.linkPrefix}/${encodeURIComponent(path.id)}`,
        severity: 'high',
        topic: 'golden-paths-stuck',
        scope: `golden-paths:stuck:${row.journeyId}:${step.id}`,
      },
    });
    sent += 1;
  }
  if (sent > 0) {
    options.logger.info(`Notified cohort owners of ${sent} stuck members`);
  }
  return sent;
}
