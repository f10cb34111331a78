import { Route, Routes } from 'react-router-dom';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { identityApiRef } from '@backstage/core-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { SkillExchangeApi } from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../../api';
import { hackEvent, inDays, post } from '../testData';
import { EventPage } from '../events/EventPage';

export const AMARA = 'user:default/amara.okafor';
export const SOFIA = 'user:default/sofia.marquez';

export const upcoming = hackEvent(2, 'Hack Week #8', {
  description: 'Bring an idea.',
  registrationOpensOn: inDays(-7),
  registrationClosesOn: inDays(11),
  hackCount: 1,
});
export const past = hackEvent(1, 'Hack Week #7', {
  startsOn: inDays(-56),
  endsOn: inDays(-52),
  registrationClosesOn: inDays(-55),
  phase: 'results',
  hackCount: 1,
});
const results = post(7, 'hack', 'Loudness explorer', {
  stage: 'completed',
  eventId: 1,
  members: ['user:default/priya.raman', 'user:default/elin.berg'],
  demoUrl: 'https://example.com/demos/loudness',
  resultSummary: 'A working comparison tool.',
} as any);

/**
 * `element` at `/*` and the event page at `/events/:id`, on a mock API
 * (`overrides` replace its methods) where the permission policy allows
 * everything or nothing. Permission answers are cached per test file
 * (usePermission's SWR cache): one policy per file.
 */
export async function renderEvents(
  element: JSX.Element,
  options: { me?: string; allowed?: boolean; route?: string } = {},
  overrides: Partial<SkillExchangeApi> = {},
) {
  const api = {
    listEvents: jest.fn(async () => [upcoming, past]),
    getEvent: jest.fn(async (id: number) => (id === 1 ? past : upcoming)),
    listPosts: jest.fn(async () => ({
      items: [results],
      totalItems: 1,
      limit: 100,
      offset: 0,
    })),
    updateEvent: jest.fn(async (_id: number, update: any) => ({
      ...upcoming,
      ...update,
      version: 2,
    })),
    createEvent: jest.fn(async (input: any) => hackEvent(9, input.name)),
    getEventCalendar: jest.fn(async () => 'BEGIN:VCALENDAR'),
    getMyHacksCalendar: jest.fn(async () => 'BEGIN:VCALENDAR'),
    ...overrides,
  } as unknown as jest.Mocked<SkillExchangeApi>;
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [skillExchangeApiRef, api],
        [
          identityApiRef,
          mockApis.identity({ userEntityRef: options.me ?? SOFIA }),
        ],
        [
          permissionApiRef,
          mockApis.permission({
            authorize: options.allowed
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
          }),
        ],
      ]}
    >
      <Routes>
        <Route path="/events/:id" element={<EventPage />} />
        <Route path="/*" element={element} />
      </Routes>
    </TestApiProvider>,
    { routeEntries: [options.route ?? '/'] },
  );
  return api;
}
