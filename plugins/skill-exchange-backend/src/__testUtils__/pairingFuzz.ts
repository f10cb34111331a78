import {
  bookingInputSchema,
  postInputSchema,
  postUpdateSchema,
} from '@onramp/backstage-plugin-skill-exchange-common';
import type { FuzzRoute } from '@onramp/test-utils';
import fc from 'fast-check';
import { z } from 'zod';
import { API } from './startSkillExchangeBackend';

/**
 * The post schemas without pairing sessions: generating their slots from
 * the schema (future, exactly the session's length, apart) would filter
 * forever, so pairing bodies come from `pairingBody` instead.
 */
export const withoutPairing = (
  union: typeof postInputSchema | typeof postUpdateSchema,
) =>
  z.discriminatedUnion(
    'kind',
    union.options.filter(o => o.shape.kind.value !== 'pairing') as any,
  );

/** Valid pairing sessions on Go: 1 to 6 slots a day apart, from tomorrow. */
const pairingBody = fc
  .record({
    mode: fc.constantFrom('offering', 'seeking'),
    durationMinutes: fc.constantFrom(60, 75, 90, 105, 120),
    slots: fc.integer({ min: 1, max: 6 }),
  })
  .map(({ mode, durationMinutes, slots }) => ({
    kind: 'pairing',
    title: 'A pairing session',
    mode,
    skills: ['Go'],
    durationMinutes,
    slots: Array.from({ length: slots }, (_, i) => {
      const start = Date.now() + (i + 1) * 86_400_000;
      return {
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + durationMinutes * 60_000).toISOString(),
      };
    }),
  }));

/**
 * The pairing routes for the route fuzzing: creating a session, booking a
 * slot (as `booker`), cancelling and the invite, on the seeded `post` ids.
 */
export function pairingFuzzRoutes(
  post: fc.Arbitrary<string>,
  booker: Record<string, string>,
): FuzzRoute[] {
  return [
    { method: 'POST', path: `${API}/posts`, body: pairingBody },
    {
      method: 'POST',
      path: `${API}/posts/:id/booking`,
      params: { id: post },
      body: bookingInputSchema,
      headers: booker,
    },
    {
      method: 'DELETE',
      path: `${API}/posts/:id/booking`,
      params: { id: post },
    },
    {
      method: 'GET',
      path: `${API}/posts/:id/invite.ics`,
      params: { id: post },
    },
  ];
}
