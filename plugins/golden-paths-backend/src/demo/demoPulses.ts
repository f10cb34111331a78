import { PULSE_DAYS } from '@onramp/backstage-plugin-golden-paths-common';
import { PulseStore, startOfDay } from '../database';
import { DEMO_NEWCOMERS } from './demoNewcomers';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How onboarded people feel on each pulse day, before each person's own spin. */
const ONBOARDED: Record<number, number> = { 7: 2, 30: 3, 60: 4, 90: 4 };
const COMMENTS = [
  'The Day-1 template made the first deploy painless.',
  'Still finding my way around the on-call runbooks.',
  'My buddy and the handbook answered most of my questions.',
];

/**
 * The demo newcomers' pulse answers for every pulse day that arrived by
 * `now` (asked at 09:00 of the day, answered two hours later), so that the
 * Insights page's Pulse section has groups of five and more people (and
 * shows the smaller disciplines hidden). Returns how many answers it wrote.
 */
export async function seedDemoPulses(options: {
  store: PulseStore;
  now: number;
}): Promise<number> {
  let written = 0;
  for (const [i, person] of DEMO_NEWCOMERS.entries()) {
    const start = startOfDay(person.startDate ?? '');
    if (start === undefined) {
      continue;
    }
    for (const day of PULSE_DAYS) {
      const dueAt = start + day * DAY_MS;
      if (dueAt + 11 * 60 * 60 * 1000 > options.now) {
        continue;
      }
      const userEntityRef = `user:default/${person.name}`;
      await options.store.claimAsk(
        { userEntityRef, day, dueAt },
        dueAt + 9 * 60 * 60 * 1000,
      );
      const spin = ((i * 7 + day) % 3) - 1;
      const onboarded = Math.min(5, Math.max(1, ONBOARDED[day] + spin));
      const productive = Math.min(
        5,
        Math.max(
          1,
          onboarded - (day === 7 ? 1 : 0) + ((i % 2) - (spin > 0 ? 1 : 0)),
        ),
      );
      await options.store.saveAnswer(
        userEntityRef,
        day,
        {
          onboarded,
          productive,
          comment: i % 4 === 0 ? COMMENTS[(i + day) % COMMENTS.length] : null,
        },
        dueAt + 11 * 60 * 60 * 1000,
      );
      written += 1;
    }
  }
  return written;
}
