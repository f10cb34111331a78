import {
  GoldenPath,
  GoldenPathsApi,
  Journey,
  Page,
} from '@onramp/backstage-plugin-golden-paths-common';

export const backendPath: GoldenPath = {
  id: 'backend-day-1',
  version: 1,
  title: 'Backend',
  discipline: 'Backend',
  owner: 'group:default/backend',
  description: 'Create a working backend service on day 1.',
  steps: [
    {
      id: 'dev-environment',
      title: 'Set up your dev environment',
      tutorial: { title: 'Dev environment setup', url: '/docs/setup' },
      rule: { type: 'manual' },
    },
    {
      id: 'create-service',
      title: 'Create a new service from scratch',
      rule: {
        type: 'template',
        templateRef: 'template:default/day-1-backend-service',
      },
    },
    {
      id: 'deploy',
      title: 'Deploy to production',
      rule: { type: 'evidence', anyOf: ['deploy.healthy', 'deploy.requested'] },
    },
  ],
};

export const clientPath: GoldenPath = {
  ...backendPath,
  id: 'client-day-1',
  title: 'Client',
  discipline: 'Client',
  owner: 'group:default/client',
  description: 'Ship a mobile feature behind a flag.',
};

export function journey(
  done: Record<string, Partial<Journey['steps'][number]>> = {},
): Journey {
  const steps = backendPath.steps.map(step =>
    done[step.id]
      ? {
          stepId: step.id,
          status: 'completed' as const,
          completedAt: '2026-11-26T10:00:00.000Z',
          ...done[step.id],
        }
      : { stepId: step.id, status: 'pending' as const },
  );
  const completedSteps = steps.filter(s => s.status === 'completed').length;
  return {
    id: 'j1',
    pathId: 'backend-day-1',
    userEntityRef: 'user:default/sofia.marquez',
    status: completedSteps === steps.length ? 'completed' : 'active',
    startedAt: '2026-11-26T09:00:00.000Z',
    version: 1,
    steps,
    completedSteps,
    totalSteps: steps.length,
    nextStepId: steps.find(s => s.status === 'pending')?.stepId,
  };
}

/** A one-page list response. */
export function page<T>(items: T[]): Page<T> {
  return { items, totalItems: items.length, limit: 100, offset: 0 };
}

export function mockApi(
  overrides: Partial<GoldenPathsApi> = {},
): jest.Mocked<GoldenPathsApi> {
  return {
    listPaths: jest.fn(async () =>
      page([
        { ...backendPath, forYou: true },
        { ...clientPath, forYou: false },
      ]),
    ),
    listApprovals: jest.fn(async () => page([])),
    approveStep: jest.fn(async () => {}),
    declineStep: jest.fn(async () => {}),
    getPath: jest.fn(async (id: string) =>
      id === clientPath.id ? clientPath : backendPath,
    ),
    startJourney: jest.fn(async () => journey()),
    getMyJourneys: jest.fn(async () => page<Journey>([])),
    getJourney: jest.fn(async () => journey()),
    completeStep: jest.fn(async () =>
      journey({
        'dev-environment': {
          evidence: {
            source: 'manual',
            occurredAt: '2026-11-26T10:00:00.000Z',
          },
        },
      }),
    ),
    recordEvidence: jest.fn(),
    getMetrics: jest.fn(),
    getMetricsCsv: jest.fn(),
    listCohorts: jest.fn(),
    createCohort: jest.fn(),
    updateCohort: jest.fn(),
    getCohortBoard: jest.fn(),
    nudgeMember: jest.fn(async () => {}),
    nudgeStuckMembers: jest.fn(async () => ({ nudged: [], alreadyNudged: [] })),
    listMyCohorts: jest.fn(async () => ({ items: [] })),
    getMe: jest.fn(async () => ({
      userEntityRef: 'user:default/sofia.marquez',
      settings: { shareSkillExchange: false },
      canManageCohorts: false,
    })),
    updateMySettings: jest.fn(async (settings: any) => settings),
    getTeamOnboarding: jest.fn(async () => ({ items: [], totalItems: 0 })),
    assignPath: jest.fn(async () => journey()),
    checkServiceName: jest.fn(async (name: string) => ({
      name,
      available: true,
    })),
    getTeardownPlan: jest.fn(async (name: string) => teardownPlan(name)),
    getMyPulses: jest.fn(async () => ({ items: [], due: [] })),
    answerPulse: jest.fn(),
    getPulseInsights: jest.fn(async () => ({
      generatedAt: '2026-12-07T10:00:00.000Z',
      minimumGroupSize: 5,
      filters: {},
      overall: {
        answers: 0,
        people: 0,
        onboarded: { distribution: [0, 0, 0, 0, 0], mean: null },
        productive: { distribution: [0, 0, 0, 0, 0], mean: null },
        suppressed: false,
      },
      byDay: [],
      byCohort: [],
      byDiscipline: [],
      hiddenGroups: { byDay: 0, byCohort: 0, byDiscipline: 0 },
    })),
    getPulseInsightsCsv: jest.fn(),
    tearDownService: jest.fn(async (name: string) => ({
      taskId: `teardown-of-${name}`,
      entityRef: `component:default/${name}`,
      taskUrl: `/create/tasks/teardown-of-${name}`,
    })),
    getJourneyBuddy: jest.fn(async (journeyId: string) => ({
      journeyId,
      enabled: true,
      declined: [],
      canDecide: true,
    })),
    confirmBuddy: jest.fn(),
    declineBuddy: jest.fn(),
    listMyBuddyPeople: jest.fn(async () => ({ items: [] })),
    ...overrides,
  } as jest.Mocked<GoldenPathsApi>;
}

/** What the backend answers for a practice run you own. */
export function teardownPlan(name: string, overrides = {}) {
  return {
    entityRef: `component:default/${name}`,
    practiceRun: true,
    allowed: true,
    removes: [
      `the process of ${name} on the local runtime (this machine), with its port, build and logs`,
      `the catalog entity component:default/${name} and the location it was registered from`,
      `the repository ${name}`,
    ],
    ...overrides,
  };
}
