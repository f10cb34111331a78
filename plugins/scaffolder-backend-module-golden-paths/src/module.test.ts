import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { capturedLogs, installedPlugins } from '@onramp/test-utils';
import goldenPathsModule from './index';

jest.setTimeout(60_000);

/** The scaffolder with this module and the catalog, on no config. */
async function startScaffolder(installed: string[]) {
  const logs = capturedLogs();
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      goldenPathsModule,
      ...installedPlugins(...installed),
      logs.factory,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.rootConfig.factory({ data: {} }),
    ],
  });
  const lines = logs.lines
    .filter(l => l.message.startsWith('Golden Paths Day-1 actions: '))
    .map(l => `${l.level} ${l.message}`);
  return { backend, lines };
}

describe('the Day-1 actions in the smallest install', () => {
  it('run without Golden Paths, and say once that no progress is recorded', async () => {
    const { backend, lines } = await startScaffolder(['catalog']);
    try {
      expect(lines).toEqual([
        "info Golden Paths Day-1 actions: Golden Paths is not installed, so goldenpath:progress:record records nothing (the templates still run); add backend.add(import('@onramp/backstage-plugin-golden-paths-backend')) to record progress on journeys",
      ]);
      const res = await fetch(
        `http://localhost:${backend.server.port()}/api/scaffolder/v2/actions`,
        { headers: { authorization: mockCredentials.user.header() } },
      );
      expect(res.status).toBe(200);
      const actions: Array<{ id: string }> = await res.json();
      expect(actions.map(a => a.id)).toEqual(
        expect.arrayContaining([
          'goldenpath:publish',
          'goldenpath:progress:record',
        ]),
      );
    } finally {
      await backend.stop();
    }
  });

  it('say nothing with Golden Paths, and warn without the catalog', async () => {
    const withAll = await startScaffolder(['catalog', 'golden-paths']);
    await withAll.backend.stop();
    expect(withAll.lines).toEqual([]);
    const noCatalog = await startScaffolder(['golden-paths']);
    await noCatalog.backend.stop();
    expect(noCatalog.lines).toEqual([
      "warn Golden Paths Day-1 actions: the catalog backend is not installed, so names cannot be checked and services cannot be torn down; add backend.add(import('@backstage/plugin-catalog-backend'))",
    ]);
  });
});
