import { mockServices } from '@backstage/backend-test-utils';
import {
  createHttpEvidenceService,
  GoldenPathsEvidenceService,
} from '@onramp/backstage-plugin-golden-paths-node';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import yaml from 'yaml';
import { CheckpointStore, makeContext } from '../__testUtils__/context';
import { createRecordProgressAction } from './recordProgress';
import { examples } from './recordProgress.examples';

describe('goldenpath:progress:record (over HTTP to a local server, as from another backend)', () => {
  let server: http.Server;
  let base: string;
  let received: { url: string; auth?: string; body: any }[];
  let reply: { status: number; body: any };
  const seen = new Set<string>();

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let data = '';
      req.on('data', c => (data += c));
      req.on('end', () => {
        const body = JSON.parse(data || '{}');
        received.push({
          url: `${req.method} ${req.url}`,
          auth: req.headers.authorization,
          body,
        });
        res.statusCode = reply.status;
        res.setHeader('content-type', 'application/json');
        if (reply.status >= 400) {
          res.end(JSON.stringify(reply.body));
          return;
        }
        const fresh = !seen.has(body.evidenceId);
        seen.add(body.evidenceId);
        res.end(JSON.stringify({ ...reply.body, recorded: fresh }));
      });
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise(r => server.close(r)));
  beforeEach(() => {
    received = [];
    reply = {
      status: 200,
      body: {
        completed: [{ pathId: 'day-1', stepId: 'ship' }],
        journeys: [
          { pathId: 'day-1', title: 'Day 1', completedSteps: 2, totalSteps: 5 },
        ],
      },
    };
  });

  const discovery = {
    getBaseUrl: async (id: string) => `${base}/api/${id}`,
    getExternalBaseUrl: async (id: string) => `${base}/api/${id}`,
  };
  const action = () =>
    createRecordProgressAction({
      evidence: createHttpEvidenceService({
        discovery,
        auth: mockServices.auth(),
      }),
    });

  it.each(examples.map((e, i) => [i, e.description] as const))(
    'runs example %i: %s',
    async i => {
      const input = yaml.parse(examples[i].example).steps[0].input;
      const { ctx, outputs } = makeContext({ input, taskId: `task-ex-${i}` });
      await action().handler(ctx);
      expect(received).toHaveLength(1);
      expect(received[0].url).toBe('POST /api/golden-paths/evidence');
      expect(received[0].auth).toMatch(/^Bearer mock-service-token:/);
      expect(
        JSON.parse(received[0].auth!.replace('Bearer mock-service-token:', '')),
      ).toMatchObject({
        target: 'golden-paths',
      });
      expect(received[0].body).toEqual({
        userEntityRef: 'user:default/sofia.marquez',
        key: input.key,
        evidenceId: input.evidenceId ?? `task-ex-${i}:${input.key}`,
        taskId: `task-ex-${i}`,
        ...(input.pathId ? { pathId: input.pathId } : {}),
        ...(input.stepId ? { stepId: input.stepId } : {}),
        ...(input.templateRef ? { templateRef: input.templateRef } : {}),
        ...(input.link ? { link: input.link } : {}),
        ...(input.summary ? { summary: input.summary } : {}),
        ...(input.outputs ? { outputs: input.outputs } : {}),
      });
      expect(outputs).toEqual({
        evidenceId: received[0].body.evidenceId,
        recorded: true,
        completed: [{ pathId: 'day-1', stepId: 'ship' }],
        // The journey's counts, for "Back to your Day 1 path: 2 of 5 done".
        progress: {
          'day-1': {
            title: 'Day 1',
            completedSteps: 2,
            totalSteps: 5,
            done: '2 of 5 done',
          },
        },
      });
    },
  );

  it('uses the running template for template.succeeded when no templateRef is given', async () => {
    const { ctx } = makeContext({
      input: { key: 'template.succeeded' },
      taskId: 't-tpl',
    });
    ctx.templateInfo = { entityRef: 'template:default/day-1-backend-service' };
    await action().handler(ctx);
    expect(received[0].body.templateRef).toBe(
      'template:default/day-1-backend-service',
    );
  });

  it('posts once per task and key: a retried task reuses the checkpoint, a replay is not recorded twice', async () => {
    const store = new CheckpointStore();
    const input = { key: 'deploy.healthy' };
    await action().handler(
      makeContext({ input, taskId: 't-retry', checkpoints: store }).ctx,
    );
    const retry = makeContext({ input, taskId: 't-retry', checkpoints: store });
    await action().handler(retry.ctx);
    expect(received).toHaveLength(1);
    expect(retry.outputs.recorded).toBe(true);
    // Checkpoint lost: the same evidence id goes out again and the backend dedupes it.
    const replay = makeContext({ input, taskId: 't-retry' });
    await action().handler(replay.ctx);
    expect(received.map(r => r.body.evidenceId)).toEqual([
      't-retry:deploy.healthy',
      't-retry:deploy.healthy',
    ]);
    expect(replay.outputs.recorded).toBe(false);
  });

  it('fails the step on a non-2xx answer with the backend message', async () => {
    reply = {
      status: 403,
      body: {
        error: { name: 'NotAllowedError', message: 'not for you' },
        request: { method: 'POST', url: '/evidence' },
        response: { statusCode: 403 },
      },
    };
    await expect(
      action().handler(
        makeContext({ input: { key: 'dns.resolves' }, taskId: 't-err' }).ctx,
      ),
    ).rejects.toThrow(
      /Recording evidence dns.resolves for user:default\/sofia.marquez failed: NotAllowedError: not for you/,
    );
  });

  it('dry-run posts nothing', async () => {
    const { ctx, outputs } = makeContext({
      input: { key: 'monitoring.configured' },
      isDryRun: true,
    });
    await action().handler(ctx);
    expect(received).toEqual([]);
    expect(outputs).toMatchObject({ recorded: false, completed: [] });
    expect(ctx.logger.info).toHaveBeenCalledWith(
      expect.stringContaining(
        'Dry run: would record evidence {"userEntityRef"',
      ),
    );
  });

  it('rejects a bad key and a task without a user', async () => {
    await expect(
      action().handler(makeContext({ input: { key: 'Bad Key' } }).ctx),
    ).rejects.toThrow(/key: must look like deploy.healthy/);
    await expect(
      action().handler(
        makeContext({ input: { key: 'dns.resolves', stepId: 'dns' } }).ctx,
      ),
    ).rejects.toThrow(/stepId needs pathId/);
    const { ctx } = makeContext({ input: { key: 'dns.resolves' } });
    ctx.user = undefined;
    await expect(action().handler(ctx)).rejects.toThrow(
      /needs the user who started the task/,
    );
  });
});

describe('goldenpath:progress:record (in-process evidence service)', () => {
  it('hands the evidence to the service and fails the step with its error', async () => {
    const recordEvidence = jest.fn<
      ReturnType<GoldenPathsEvidenceService['recordEvidence']>,
      Parameters<GoldenPathsEvidenceService['recordEvidence']>
    >(async () => ({
      recorded: true,
      completed: [{ pathId: 'day-1', stepId: 'deploy' }],
    }));
    const action = createRecordProgressAction({ evidence: { recordEvidence } });
    const { ctx, outputs } = makeContext({
      input: { key: 'deploy.healthy', pathId: 'day-1', stepId: 'deploy' },
      taskId: 't-in',
    });
    await action.handler(ctx);
    expect(recordEvidence).toHaveBeenCalledWith({
      userEntityRef: 'user:default/sofia.marquez',
      key: 'deploy.healthy',
      evidenceId: 't-in:deploy.healthy',
      taskId: 't-in',
      pathId: 'day-1',
      stepId: 'deploy',
    });
    expect(outputs).toEqual({
      evidenceId: 't-in:deploy.healthy',
      recorded: true,
      completed: [{ pathId: 'day-1', stepId: 'deploy' }],
      // An older golden-paths backend answers without journeys.
      progress: {},
    });

    const invalid = new Error('No golden path "day-1"');
    invalid.name = 'InputError';
    recordEvidence.mockRejectedValueOnce(invalid);
    await expect(
      action.handler(
        makeContext({ input: { key: 'dns.resolves' }, taskId: 't-bad' }).ctx,
      ),
    ).rejects.toThrow(
      'Recording evidence dns.resolves for user:default/sofia.marquez failed: InputError: No golden path "day-1"',
    );
  });
});

describe('goldenpath:progress:record without Golden Paths', () => {
  it('records nothing, says so in the task log, and lets the task go on', async () => {
    const action = createRecordProgressAction({});
    const { ctx, outputs } = makeContext({
      input: { key: 'deploy.healthy' },
      taskId: 't-alone',
    });
    await action.handler(ctx);
    expect(outputs).toEqual({
      evidenceId: 't-alone:deploy.healthy',
      recorded: false,
      completed: [],
      progress: {},
    });
    expect(ctx.logger.info).toHaveBeenCalledWith(
      'Golden Paths is not installed in this Backstage: evidence deploy.healthy (t-alone:deploy.healthy) for user:default/sofia.marquez not recorded',
    );
  });
});
