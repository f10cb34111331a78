import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import express from 'express';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import {
  GoldenPathsEvidenceService,
  goldenPathsEvidenceRegistryServiceRef,
  goldenPathsEvidenceServiceRef,
} from './evidence';

const REQUEST = {
  userEntityRef: 'user:default/sofia.marquez',
  key: 'deploy.healthy',
  evidenceId: 'task-1:deploy.healthy',
};
const ANSWER = {
  recorded: true,
  completed: [{ pathId: 'backend-day-1', stepId: 'deploy' }],
};

type Got = {
  evidence?: GoldenPathsEvidenceService;
  /** A call made during init, before golden-paths may have started. */
  early?: Promise<unknown>;
};

/** Another plugin of the backend that records evidence, as the scaffolder does. */
function recorderPlugin(got: Got, callAtInit = false) {
  return createBackendPlugin({
    pluginId: 'recorder',
    register(env) {
      env.registerInit({
        deps: { evidence: goldenPathsEvidenceServiceRef },
        async init({ evidence }) {
          got.evidence = evidence;
          if (callAtInit) {
            got.early = evidence.recordEvidence(REQUEST);
          }
        },
      });
    },
  });
}

describe('goldenPathsEvidenceServiceRef', () => {
  it('forwards in-process to the recorder golden-paths set, also for a call made while the backend starts', async () => {
    const recordEvidence = jest.fn(async () => ANSWER);
    const got: Got = {};
    const goldenPathsStandIn = createBackendPlugin({
      pluginId: 'golden-paths',
      register(env) {
        env.registerInit({
          deps: { registry: goldenPathsEvidenceRegistryServiceRef },
          async init({ registry }) {
            registry.setRecorder({ recordEvidence });
            expect(() => registry.setRecorder({ recordEvidence })).toThrow(
              /already set/,
            );
          },
        });
      },
    });
    const backend = await startTestBackend({
      features: [recorderPlugin(got, true), goldenPathsStandIn],
    });
    try {
      await expect(got.early).resolves.toEqual(ANSWER);
      await expect(got.evidence!.recordEvidence(REQUEST)).resolves.toEqual(
        ANSWER,
      );
      expect(recordEvidence).toHaveBeenCalledTimes(2);
      expect(recordEvidence).toHaveBeenCalledWith(REQUEST);
    } finally {
      await backend.stop();
    }
  });

  describe('without golden-paths in this backend', () => {
    let server: http.Server;
    let base: string;
    let received: Array<{ url: string; auth?: string; body: unknown }>;
    let status: number;

    beforeAll(async () => {
      const app = express();
      app.use(express.json());
      app.post('/api/golden-paths/evidence', (req, res) => {
        received.push({
          url: req.url,
          auth: req.headers.authorization,
          body: req.body,
        });
        if (status >= 400) {
          res.status(status).json({
            error: { name: 'InputError', message: 'bad evidence' },
            request: { method: 'POST', url: '/evidence' },
            response: { statusCode: status },
          });
          return;
        }
        res.status(status).json(ANSWER);
      });
      server = app.listen(0, '127.0.0.1');
      await new Promise(r => server.once('listening', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise(r => server.close(r)));
    beforeEach(() => {
      received = [];
      status = 201;
    });

    it('falls back to POST /evidence with service credentials for golden-paths', async () => {
      const got: Got = {};
      const backend = await startTestBackend({
        features: [
          recorderPlugin(got),
          createServiceFactory({
            service: coreServices.discovery,
            deps: {},
            factory: () => ({
              getBaseUrl: async (id: string) => `${base}/api/${id}`,
              getExternalBaseUrl: async (id: string) => `${base}/api/${id}`,
            }),
          }),
        ],
      });
      try {
        await expect(got.evidence!.recordEvidence(REQUEST)).resolves.toEqual(
          ANSWER,
        );
        expect(received).toHaveLength(1);
        expect(received[0].body).toEqual(REQUEST);
        const token = received[0].auth!.replace(
          /^Bearer mock-service-token:/,
          '',
        );
        expect(JSON.parse(token)).toMatchObject({
          sub: 'plugin:recorder',
          target: 'golden-paths',
        });

        status = 400;
        await expect(
          got.evidence!.recordEvidence(REQUEST),
        ).rejects.toMatchObject({
          name: 'ResponseError',
          cause: { name: 'InputError', message: 'bad evidence' },
        });
      } finally {
        await backend.stop();
      }
    });
  });
});
