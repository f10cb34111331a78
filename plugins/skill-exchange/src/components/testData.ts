import type {
  HackEvent,
  Post,
} from '@onramp/backstage-plugin-skill-exchange-common';

const KIND_FIELDS = {
  embed: {
    team: 'group:default/backend',
    level: 3,
    start: '2027-Q1',
    durationWeeks: 6,
    timeSharePercent: 100,
    location: 'remote',
    headcount: 1,
    acceptedCount: 0,
  },
  hack: { stage: 'idea', members: [], followerCount: 0, following: false },
  mentorship: { mode: 'offering', capacity: 1, acceptedCount: 0 },
  pairing: {
    mode: 'offering',
    durationMinutes: 60,
    slots: [
      {
        id: 11,
        startsAt: '2026-12-08T14:00:00Z',
        endsAt: '2026-12-08T15:00:00Z',
      },
      {
        id: 12,
        startsAt: '2026-12-09T14:00:00Z',
        endsAt: '2026-12-09T15:00:00Z',
      },
    ],
    booking: null,
  },
};

/** A post as the backend returns it: open, version 1, hacks with no members. */
export const post = (
  id: number,
  kind: Post['kind'],
  title: string,
  extra: Partial<Post> = {},
): Post =>
  ({
    id,
    kind,
    title,
    description: '',
    skills: ['Go'],
    status: 'open',
    owner: 'user:default/someone',
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    statusChangedAt: '2026-11-01T00:00:00Z',
    version: 1,
    saved: false,
    interestCount: 0,
    ...KIND_FIELDS[kind],
    ...extra,
  } as Post);

const DAY = 86_400_000;
/** YYYY-MM-DD `n` days from today (UTC). */
export const inDays = (n: number) =>
  new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

/** A hack event as the backend returns it: upcoming, registration open. */
export const hackEvent = (
  id: number,
  name: string,
  extra: Partial<HackEvent> = {},
): HackEvent => ({
  id,
  name,
  description: '',
  startsOn: inDays(10),
  endsOn: inDays(12),
  registrationOpensOn: null,
  registrationClosesOn: inDays(12),
  phase: 'planning',
  createdBy: 'user:default/amara.okafor',
  organisers: [],
  version: 1,
  hackCount: 0,
  ...extra,
});
