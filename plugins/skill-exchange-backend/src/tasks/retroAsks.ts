import type {
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { RetroService } from '../service/RetroService';

/**
 * Every hour, asks the people on stints that ended (an embed's last day
 * passed; closed posts and completed hacks are asked at once, and again
 * here if that failed) for their retro. Through the scheduler, so one
 * replica runs it; `retro_asks` keeps each person from being asked twice.
 */
export async function scheduleRetroAsks(options: {
  scheduler: SchedulerService;
  retros: RetroService;
  schedule?: SchedulerServiceTaskScheduleDefinition;
}) {
  const { scheduler, retros } = options;
  await scheduler.scheduleTask({
    id: 'skill-exchange-retro-asks',
    ...(options.schedule ?? {
      frequency: { hours: 1 },
      timeout: { minutes: 10 },
      initialDelay: { minutes: 2 },
    }),
    fn: async () => {
      await retros.askEnded();
    },
  });
}
