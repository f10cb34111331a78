import type { SkillExchangeT } from '../common';
import { MockTranslationApi } from '@backstage/test-utils/alpha';
import { skillExchangeTranslationRef } from '../../translation';
import { Route, Routes } from 'react-router-dom';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { alertApiRef, identityApiRef } from '@backstage/core-plugin-api';
import type {
  Post,
  SkillExchangeApi,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../../api';
import { PostDetailPage } from '../PostDetailPage';

export const OWNER = 'user:default/lars.lindqvist';
export const ME = 'user:default/sofia.marquez';

/**
 * The post page of `shown` for `me`, on a mock API (`overrides` replace its
 * methods) and a mock alert API, for the page tests.
 */
export async function renderPost(
  shown: Post,
  me: string,
  overrides: Partial<SkillExchangeApi> = {},
) {
  const api = {
    getPost: jest.fn(async () => shown),
    listInterests: jest.fn(async () => [
      {
        id: 5,
        postId: shown.id,
        user: ME,
        message: 'I would love this.',
        status: 'pending',
        createdAt: '2026-11-02T00:00:00Z',
      },
    ]),
    setPostStatus: jest.fn(async () => shown),
    respondToInterest: jest.fn(async () => ({})),
    withdrawInterest: jest.fn(async () => ({})),
    expressInterest: jest.fn(async () => ({})),
    joinHack: jest.fn(async () => shown),
    setSaved: jest.fn(async () => undefined),
    getSettings: jest.fn(async () => ({ managerApproval: 'optional' })),
    getRetro: jest.fn(async () => ({
      postId: shown.id,
      state: 'not_on_it',
      offers: [],
    })),
    requestApproval: jest.fn(async () => ({})),
    reportPost: jest.fn(async () => undefined),
    ...overrides,
  } as unknown as jest.Mocked<SkillExchangeApi>;
  const alertApi = { post: jest.fn(), alert$: jest.fn() };
  // Awaited: the render's act() must end before the test goes on, or a
  // later test's render waits for it forever.
  const rendered = await renderInTestApp(
    <TestApiProvider
      apis={[
        [skillExchangeApiRef, api],
        [alertApiRef, alertApi],
        [identityApiRef, mockApis.identity({ userEntityRef: me })],
      ]}
    >
      <Routes>
        <Route path="/posts/:id" element={<PostDetailPage />} />
      </Routes>
    </TestApiProvider>,
    { routeEntries: [`/posts/${shown.id}`] },
  );
  return { api, alertApi, rendered };
}

/** The English messages' translation function (Backstage's test mock). */
export function englishT(): SkillExchangeT {
  const snapshot = MockTranslationApi.create().getTranslation(
    skillExchangeTranslationRef,
  );
  if (!snapshot.ready) throw new Error('The mock translation is not ready');
  return snapshot.t;
}
