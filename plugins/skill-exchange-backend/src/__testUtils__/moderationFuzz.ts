import {
  reportInputSchema,
  reportResolutionSchema,
  reportsQuerySchema,
} from '@onramp/backstage-plugin-skill-exchange-common';
import type { FuzzRoute } from '@onramp/test-utils';
import type fc from 'fast-check';
import { API } from './startSkillExchangeBackend';

/**
 * The moderation routes for the fuzzer: `reporter` reports the post
 * `reported`, the default caller (allowed everything) lists and resolves.
 */
export function moderationFuzzRoutes(
  reported: fc.Arbitrary<string>,
  reporter: Record<string, string>,
): FuzzRoute[] {
  return [
    {
      method: 'POST',
      path: `${API}/posts/:id/reports`,
      params: { id: reported },
      body: reportInputSchema,
      headers: reporter,
    },
    { method: 'GET', path: `${API}/reports`, query: reportsQuerySchema },
    {
      method: 'POST',
      path: `${API}/reports/:id/resolve`,
      params: { id: reported },
      body: reportResolutionSchema,
    },
  ];
}
