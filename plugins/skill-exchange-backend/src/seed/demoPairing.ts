import type { PostInput } from '@onramp/backstage-plugin-skill-exchange-common';

const DAY = 86_400_000;

/** Two slots of `minutes`, one a day from `days` ahead at `hourUtc`. */
function slots(now: Date, days: number, hourUtc: number, minutes: number) {
  return [0, 1].map(i => {
    const start = new Date(now.getTime() + (days + i) * DAY);
    start.setUTCHours(hourUtc, 0, 0, 0);
    return {
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + minutes * 60_000).toISOString(),
    };
  });
}

/** The demo's pairing sessions, their slots in the days after `now`. */
export function demoPairingPosts(
  now: Date,
): Array<{ owner: string; input: PostInput; members?: string[] }> {
  return [
    {
      owner: 'user:default/kenji.watanabe',
      input: {
        kind: 'pairing',
        title: 'Pair on Kotlin coroutines in the Android app',
        description:
          'An hour on structured concurrency: we refactor one of your callbacks into a coroutine together.',
        skills: ['Kotlin'],
        mode: 'offering',
        durationMinutes: 60,
        slots: slots(now, 2, 14, 60),
      },
    },
    {
      owner: 'user:default/mei.chen',
      input: {
        kind: 'pairing',
        title: 'Looking for a TypeScript pair on type-level tests',
        description:
          'I want to learn how to test our public types; 90 minutes with someone who has done it.',
        skills: ['TypeScript'],
        mode: 'seeking',
        durationMinutes: 90,
        slots: slots(now, 3, 10, 90),
      },
    },
    {
      owner: 'user:default/lars.lindqvist',
      input: {
        kind: 'pairing',
        title: 'Pair on a Kubernetes rollout that goes wrong',
        description:
          'Two hours in a sandbox cluster: break a rollout, read the events, roll back.',
        skills: ['Kubernetes'],
        mode: 'offering',
        durationMinutes: 120,
        slots: slots(now, 4, 13, 120),
      },
    },
  ];
}
