import type {
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { InterestService } from '../service/InterestService';

/**
 * Once a day, reminds post owners of interest left unanswered for
 * `reminderDays`. Through the scheduler, so one replica runs it.
 * `schedule` (skillExchange.reminders.schedule) replaces the default.
 */
export async function scheduleInterestReminders(options: {
  scheduler: SchedulerService;
  interests: InterestService;
  reminderDays: number;
  schedule?: SchedulerServiceTaskScheduleDefinition;
}) {
  const { scheduler, interests, reminderDays } = options;
  await scheduler.scheduleTask({
    id: 'skill-exchange-interest-reminders',
    ...(options.schedule ?? {
      frequency: { hours: 24 },
      timeout: { minutes: 10 },
      initialDelay: { minutes: 5 },
    }),
    fn: async () => {
      await interests.remindOwners(
        new Date(Date.now() - reminderDays * 86_400_000),
      );
    },
  });
}
