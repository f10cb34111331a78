import {
  safeString,
  wholeNumber,
} from '@onramp/backstage-plugin-onramp-common';
import { z } from 'zod';
import { LIMITS } from './schemas';

/**
 * The phases of a hack event, in order: planning (hacks gather), hacking,
 * results (hacks record a demo link and a summary).
 *
 * @public
 */
export const EVENT_PHASES = ['planning', 'hacking', 'results'] as const;
/** @public */
export type EventPhase = (typeof EVENT_PHASES)[number];

/** @public */
export interface HackEvent {
  id: number;
  name: string;
  description: string;
  startsOn: string;
  endsOn: string;
  /** The first day hacks may join it; null: since it was created. */
  registrationOpensOn: string | null;
  /** The last day hacks may join it (on or before `endsOn`). */
  registrationClosesOn: string;
  phase: EventPhase;
  createdBy: string;
  /** Users who may edit the event besides the one who created it. */
  organisers: string[];
  version: number;
  /** How many hacks belong to it. */
  hackCount: number;
}

/** @public */
export type RegistrationState = 'not_yet_open' | 'open' | 'closed';

/**
 * Whether hacks may join an event on `today` (YYYY-MM-DD): within its
 * registration window, and never once it shows its results.
 *
 * @public
 */
export function registrationState(
  event: Pick<
    HackEvent,
    'registrationOpensOn' | 'registrationClosesOn' | 'phase'
  >,
  today: string,
): RegistrationState {
  if (event.phase === 'results' || today > event.registrationClosesOn) {
    return 'closed';
  }
  if (event.registrationOpensOn && today < event.registrationOpensOn) {
    return 'not_yet_open';
  }
  return 'open';
}

/**
 * Why a hack cannot join an event on `today`, as a sentence; undefined when
 * registration is open.
 *
 * @public
 */
export function registrationClosedReason(
  event: Pick<
    HackEvent,
    'name' | 'registrationOpensOn' | 'registrationClosesOn' | 'phase'
  >,
  today: string,
): string | undefined {
  switch (registrationState(event, today)) {
    case 'not_yet_open':
      return `Registration for ${event.name} opens on ${event.registrationOpensOn}; hacks can join it from then until ${event.registrationClosesOn}.`;
    case 'closed':
      return event.phase === 'results'
        ? `${event.name} is showing its results; hacks can no longer join it.`
        : `Registration for ${event.name} closed on ${event.registrationClosesOn}; hacks can no longer join it.`;
    default:
      return undefined;
  }
}

/**
 * Today in UTC as YYYY-MM-DD, the day registration windows are read on.
 *
 * @public
 */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

const eventFields = {
  name: safeString().trim().max(120).min(3),
  description: safeString().trim().max(LIMITS.description).default(''),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  /** The first day hacks may join; absent or null: from now on. */
  registrationOpensOn: z.iso.date().nullable().optional(),
  /** The last day hacks may join; absent: the event's last day. */
  registrationClosesOn: z.iso.date().optional(),
  /** Users who may edit the event besides the one who created it. */
  organisers: z
    .array(
      safeString()
        .trim()
        .regex(/^user:[a-z0-9._-]+\/[a-z0-9._-]+$/i, 'must be a user ref'),
    )
    .max(20)
    .optional(),
};

type EventDates = {
  startsOn: string;
  endsOn: string;
  registrationOpensOn?: string | null;
  registrationClosesOn?: string;
};

/** The dates in order: start, end; registration opens, closes, by the end. */
function checkDates(e: EventDates, ctx: z.RefinementCtx) {
  const closes = e.registrationClosesOn ?? e.endsOn;
  if (e.endsOn < e.startsOn) {
    ctx.addIssue({
      code: 'custom',
      message: 'must not end before it starts',
      path: ['endsOn'],
    });
  }
  if (closes > e.endsOn) {
    ctx.addIssue({
      code: 'custom',
      message: 'registration must close on or before the last day',
      path: ['registrationClosesOn'],
    });
  }
  if (e.registrationOpensOn && e.registrationOpensOn > closes) {
    ctx.addIssue({
      code: 'custom',
      message: 'registration must open on or before it closes',
      path: ['registrationOpensOn'],
    });
  }
}

/**
 * Body of `POST /events`.
 *
 * @public
 */
export const eventInputSchema = z
  .strictObject({
    ...eventFields,
    phase: z.enum(EVENT_PHASES).default('planning'),
  })
  .superRefine(checkDates);
/** @public */
export type EventInput = z.infer<typeof eventInputSchema>;

/**
 * Body of `PUT /events/:id`: the whole event plus the `version` it was read
 * at; without `phase` the phase stays.
 *
 * @public
 */
export const eventUpdateSchema = z
  .strictObject({
    ...eventFields,
    phase: z.enum(EVENT_PHASES).optional(),
    version: wholeNumber(),
  })
  .superRefine(checkDates);
/** @public */
export type EventUpdate = z.infer<typeof eventUpdateSchema>;
