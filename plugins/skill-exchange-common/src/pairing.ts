import { z } from 'zod';
import { safeString } from '@onramp/backstage-plugin-onramp-common';
import type { MentorshipMode, PostCommon } from './types';

/**
 * One time a pairing session can take place: `endsAt` is `startsAt` plus
 * the post's `durationMinutes`.
 *
 * @public
 */
export interface PairingSlot {
  id: number;
  startsAt: string;
  endsAt: string;
}

/**
 * Who booked which slot of a pairing session, and when.
 *
 * @public
 */
export interface PairingBooking {
  slotId: number;
  user: string;
  bookedAt: string;
}

/**
 * A short session on one skill (one to two hours): the owner offers it (or
 * asks for it) with a few slots, and one other person books one of them.
 *
 * @public
 */
export interface PairingPost extends PostCommon {
  kind: 'pairing';
  mode: MentorshipMode;
  /** 60 to 120 minutes, in steps of 15. */
  durationMinutes: number;
  /** Earliest first. */
  slots: PairingSlot[];
  /** Once a slot is booked; null while the post is open. */
  booking: PairingBooking | null;
}

/**
 * A booked pairing session whose slot has ended (`PairingStore.endedSessions`).
 *
 * @public
 */
export interface EndedPairingSession {
  postId: number;
  owner: string;
  booker: string;
  skill: string;
  endsAt: string;
}

/** @public */
export const PAIRING_LIMITS = {
  minMinutes: 60,
  maxMinutes: 120,
  stepMinutes: 15,
  maxSlots: 6,
} as const;

const isoDateTime = z.iso.datetime({
  offset: true,
  error: 'must be a date and time such as 2026-12-08T14:00:00Z',
});

/**
 * The fields a pairing post has besides title and description (the post
 * schemas add those); check slots with {@link checkPairingSlots}.
 *
 * @public
 */
export const pairingFields = {
  mode: z.enum(['offering', 'seeking']),
  skills: z
    .array(safeString().trim().min(1).max(60))
    .length(1, 'a pairing session is on exactly one skill'),
  durationMinutes: z
    .number()
    .int()
    .min(PAIRING_LIMITS.minMinutes, 'must be at least 60 minutes')
    .max(PAIRING_LIMITS.maxMinutes, 'must be at most 120 minutes')
    .multipleOf(PAIRING_LIMITS.stepMinutes, 'must be in steps of 15 minutes'),
  slots: z
    .array(z.strictObject({ startsAt: isoDateTime, endsAt: isoDateTime }))
    .min(1, 'needs at least one slot')
    .max(PAIRING_LIMITS.maxSlots, 'takes at most 6 slots'),
};

/**
 * The rules of slots: each in the future, exactly `durationMinutes` long,
 * none overlapping another.
 *
 * @public
 */
export function checkPairingSlots(
  value: {
    durationMinutes: number;
    slots: Array<{ startsAt: string; endsAt: string }>;
  },
  ctx: z.RefinementCtx,
) {
  const now = Date.now();
  const times = value.slots.map(s => ({
    start: Date.parse(s.startsAt),
    end: Date.parse(s.endsAt),
  }));
  times.forEach((t, i) => {
    const issue = (message: string) =>
      ctx.addIssue({ code: 'custom', message, path: ['slots', i] });
    if (t.start <= now) issue('must start in the future');
    if (t.end - t.start !== value.durationMinutes * 60_000) {
      issue(`must last the session's ${value.durationMinutes} minutes`);
    }
    if (times.some((o, j) => j !== i && o.start < t.end && t.start < o.end)) {
      issue('must not overlap another slot');
    }
  });
}

/**
 * A pairing post's schema over the fields every post has (`fields`, plus
 * `version` for an edit): `kind: 'pairing'`, {@link pairingFields}, and the
 * rules of its slots.
 *
 * @public
 */
export function pairingSchema<F extends z.ZodRawShape>(fields: F) {
  const shape = { ...fields, kind: z.literal('pairing'), ...pairingFields };
  return z
    .strictObject(
      shape as unknown as Omit<F, keyof typeof pairingFields | 'kind'> &
        typeof pairingFields & { kind: z.ZodLiteral<'pairing'> },
    )
    .superRefine((value, ctx) => checkPairingSlots(value as any, ctx));
}

/**
 * Body of `POST /posts/:id/booking`.
 *
 * @public
 */
export const bookingInputSchema = z.strictObject({
  slotId: z.number().int().min(1),
});

/**
 * A slot in words, e.g. "Tue 8 Dec 14:00–15:00 UTC" (in `timeZone`, UTC
 * unless given).
 *
 * @public
 */
export function formatSlot(
  slot: { startsAt: string; endsAt: string },
  timeZone = 'UTC',
): string {
  const part = (options: Intl.DateTimeFormatOptions) => (iso: string) =>
    new Intl.DateTimeFormat('en-GB', { timeZone, ...options }).format(
      new Date(iso),
    );
  const day = part({ weekday: 'short', day: 'numeric', month: 'short' });
  const time = part({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const zone = timeZone === 'UTC' ? ' UTC' : '';
  return `${day(slot.startsAt).replace(',', '')} ${time(slot.startsAt)}–${time(
    slot.endsAt,
  )}${zone}`;
}
