import { mockServices } from '@backstage/backend-test-utils';
import { readSkillExchangeConfig } from '../config';
import type { InterestService } from '../service/InterestService';
import { scheduleInterestReminders } from './interestReminders';

describe('the interest reminder job', () => {
  const interests = {} as InterestService;

  it('runs daily, 5 minutes after start, unless skillExchange.reminders.schedule says otherwise', async () => {
    const scheduler = mockServices.scheduler.mock();
    const byDefault = readSkillExchangeConfig(mockServices.rootConfig());
    expect(byDefault.reminderSchedule).toBeUndefined();
    await scheduleInterestReminders({
      scheduler,
      interests,
      reminderDays: byDefault.reminderDays,
      schedule: byDefault.reminderSchedule,
    });
    expect(scheduler.scheduleTask).toHaveBeenLastCalledWith(
      expect.objectContaining({
        id: 'skill-exchange-interest-reminders',
        frequency: { hours: 24 },
        initialDelay: { minutes: 5 },
      }),
    );

    const configured = readSkillExchangeConfig(
      mockServices.rootConfig({
        data: {
          skillExchange: {
            reminders: {
              schedule: {
                frequency: { hours: 12 },
                timeout: { minutes: 2 },
                initialDelay: { seconds: 5 },
              },
            },
          },
        },
      }),
    );
    await scheduleInterestReminders({
      scheduler,
      interests,
      reminderDays: configured.reminderDays,
      schedule: configured.reminderSchedule,
    });
    expect(scheduler.scheduleTask).toHaveBeenLastCalledWith(
      expect.objectContaining({
        id: 'skill-exchange-interest-reminders',
        frequency: { hours: 12 },
        timeout: { minutes: 2 },
        initialDelay: { seconds: 5 },
      }),
    );
  });
});
