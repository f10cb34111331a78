import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { alertApiRef } from '@backstage/core-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type {
  ReportedPost,
  Skill,
  SkillExchangeApi,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../../../api';
import { AdminPage } from '../AdminPage';

export const skills: Skill[] = [
  {
    id: 1,
    name: 'Go',
    category: 'language',
    description: '',
    aliases: ['golang'],
    usage: { posts: 3, profiles: 5 },
  },
  {
    id: 2,
    name: 'Gopher craft',
    category: 'language',
    description: '',
    aliases: ['gophering'],
    usage: { posts: 1, profiles: 2 },
  },
];

export const reported: ReportedPost = {
  postId: 9,
  title: 'Buy cheap watches',
  kind: 'hack',
  owner: 'user:default/anna',
  status: 'open',
  hidden: false,
  openReports: 2,
  totalReports: 2,
  reasons: { spam: 2 },
  latestReportAt: '2026-12-01T10:00:00Z',
  reports: [],
};

/**
 * The admin page on a mock API, with every permission allowed or denied.
 * One decision per test file: usePermission caches decisions per module.
 */
export async function renderAdmin(allowed: boolean) {
  const api = {
    listSkills: jest.fn(async () => skills),
    addSkill: jest.fn(async () => skills[0]),
    updateSkill: jest.fn(async () => skills[0]),
    mergeSkill: jest.fn(async () => skills[0]),
    listReports: jest.fn(async () => ({
      items: [reported],
      totalItems: 1,
      limit: 100,
      offset: 0,
    })),
    resolveReports: jest.fn(async () => reported),
  } as unknown as jest.Mocked<SkillExchangeApi>;
  const alertApi = { post: jest.fn(), alert$: jest.fn() };
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [skillExchangeApiRef, api],
        [alertApiRef, alertApi],
        [
          permissionApiRef,
          mockApis.permission({
            authorize: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
          }),
        ],
      ]}
    >
      <AdminPage />
    </TestApiProvider>,
  );
  return { api, alertApi };
}
