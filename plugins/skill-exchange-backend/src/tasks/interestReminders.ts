import type { SchedulerService } from '@backstage/backend-plugin-api';
import type { InterestService } from '../service/InterestService';

/**
 * Once a day, reminds post owners of interest left unanswered for
 * `reminderDays`. Through the scheduler, so one replica runs it.
 */
export async function scheduleInterestReminders(options: {
  scheduler: SchedulerService;
  interests: InterestService;
  reminderDays: number;
}) {
  const { scheduler, interests, reminderDays } = options;
  await scheduler.scheduleTask({
    id: 'skill-exchange-interest-reminders',
    frequency: { hours: 24 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 5 },
    fn: async () => {
      await interests.remindOwners(
        new Date(Date.now() - reminderDays * 86_400_000),
      );
    },
  });
}
