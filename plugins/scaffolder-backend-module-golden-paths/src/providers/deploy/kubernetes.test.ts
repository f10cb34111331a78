import { http, HttpResponse } from 'msw';
import {
  CheckpointStore,
  makeContext,
  testLinks,
  testSettings,
  runAction,
} from '../../__testUtils__/context';
import { itRunsEveryExample } from '../../__testUtils__/examples';
import { API, RecordedCluster } from '../../__testUtils__/kubernetesFake';
import { useMswServer } from '../../__testUtils__/msw';
import { readSettings } from '../../lib/config';
import { ConfigReader } from '@backstage/config';
import { renderObjects } from '../../lib/manifests';
import { createDeployAction } from '../../actions/deploy';
import { createTeardownAction } from '../../actions/teardown';
import { examples } from '../../actions/deploy.examples';

const server = useMswServer();

const KUBE = {
  url: API,
  token: 'test-token',
  skipTLSVerify: true,
  rolloutTimeoutMs: 3000,
  pollIntervalMs: 10,
};

function settings(kube: Record<string, unknown> = {}) {
  return testSettings('/nonexistent-git-root', {
    goldenPaths: {
      providers: { deploy: 'kubernetes' },
      deploy: { kubernetes: { ...KUBE, ...kube } },
    },
  });
}

describe('goldenpath:deploy with the kubernetes provider', () => {
  let cluster: RecordedCluster;
  beforeEach(() => {
    cluster = new RecordedCluster();
    server.use(...cluster.handlers());
  });
  const action = (kube?: Record<string, unknown>) =>
    createDeployAction({ settings: settings(kube), links: testLinks });
  /** Deploys `input` (image img:1 unless given) with `kube`; expects `error`. */
  const deployFails = (
    input: Record<string, string>,
    error: string | RegExp,
    kube?: Record<string, unknown>,
  ) =>
    expect(
      runAction(action(kube), { image: 'img:1', ...input }),
    ).rejects.toThrow(error);

  itRunsEveryExample(
    examples,
    async input => {
      const { ctx, outputs } = makeContext({ input });
      await action().handler(ctx);
      const ns = input.namespace ?? 'default';
      const host = input.host ?? `${input.name}.apps.onramp.localhost`;
      expect(outputs).toEqual({
        provider: 'kubernetes',
        status: 'applied',
        changedObjects: [
          `Deployment ${ns}/${input.name}`,
          `Service ${ns}/${input.name}`,
          `Ingress ${ns}/${input.name}`,
        ],
        link: `${API}/apis/apps/v1/namespaces/${ns}/deployments/${input.name}`,
        serviceUrl: `http://${host}/`,
        // A finished rollout is not an answer from the service.
        healthy: false,
      });
      const deployment = cluster.objects.get(`Deployment/${ns}/${input.name}`);
      expect(deployment.spec.replicas).toBe(input.replicas ?? 1);
      expect(deployment.spec.template.spec.containers[0].image).toBe(
        input.image,
      );
      expect(
        cluster.objects.get(`Ingress/${ns}/${input.name}`).spec.rules[0].host,
      ).toBe(host);
    },
    'runs example %i: %s (recorded HTTP, msw)',
  );

  it('dry-run sends dryRun=All and creates nothing (recorded HTTP, msw)', async () => {
    const { ctx, outputs } = makeContext({
      input: { name: 'dry', image: 'img:1' },
      isDryRun: true,
    });
    await action().handler(ctx);
    expect(outputs.status).toBe('dry-run');
    expect(outputs.changedObjects).toEqual([
      'Deployment default/dry',
      'Service default/dry',
      'Ingress default/dry',
    ]);
    expect(cluster.patches().map(r => [r.kind, r.query.dryRun])).toEqual([
      ['Deployment', 'All'],
      ['Service', 'All'],
      ['Ingress', 'All'],
    ]);
    expect(cluster.objects.size).toBe(0);
    const logged = ctx.logger.info.mock.calls.map((c: any[]) => c[0]);
    expect(logged[0]).toContain(
      `Dry run: would create Deployment default/dry (server-side dry run accepted it): PATCH ${API}/apis/apps/v1/namespaces/default/deployments/dry?dryRun=All&fieldManager=onramp-golden-paths&force=true`,
    );
    expect(logged[0]).toContain('image: img:1');
  });

  it('dry-run of an applied, unchanged service reports nothing to change (recorded HTTP, msw)', async () => {
    await runAction(action(), { name: 'svc', image: 'img:1' });
    const before = JSON.stringify([...cluster.objects]);
    const dry = makeContext({
      input: { name: 'svc', image: 'img:1' },
      isDryRun: true,
    });
    await action().handler(dry.ctx);
    expect(dry.outputs.changedObjects).toEqual([]);
    const dryNew = makeContext({
      input: { name: 'svc', image: 'img:2' },
      isDryRun: true,
    });
    await action().handler(dryNew.ctx);
    expect(dryNew.outputs.changedObjects).toEqual(['Deployment default/svc']);
    expect(JSON.stringify([...cluster.objects])).toBe(before);
  });

  it('applies with PATCH application/apply-patch+yaml, fieldManager and force, with the rendered objects (recorded HTTP, msw)', async () => {
    const input = { name: 'payments-api', image: 'img:1', replicas: 2 };
    await action().handler(makeContext({ input }).ctx);
    const expected = renderObjects({
      name: 'payments-api',
      namespace: 'default',
      image: 'img:1',
      port: 8080,
      replicas: 2,
      host: 'payments-api.apps.onramp.localhost',
      healthPath: '/health',
    });
    const patches = cluster.patches();
    expect(patches).toHaveLength(3);
    expect(patches.map(p => p.body)).toEqual([
      expected.deployment,
      expected.service,
      expected.ingress,
    ]);
    for (const p of patches) {
      expect(p.contentType).toBe('application/apply-patch+yaml');
      expect(p.query).toEqual({
        fieldManager: 'onramp-golden-paths',
        force: 'true',
      });
      expect(p.authorization).toBe('Bearer test-token');
      expect(p.body.metadata.labels['app.kubernetes.io/managed-by']).toBe(
        'onramp-golden-paths',
      );
      expect(p.body.metadata.annotations).toEqual({
        'onramp-golden-paths/owner': 'payments-api',
      });
    }
    expect(patches.map(p => p.path)).toEqual([
      '/apis/apps/v1/namespaces/default/deployments/payments-api',
      '/api/v1/namespaces/default/services/payments-api',
      '/apis/networking.k8s.io/v1/namespaces/default/ingresses/payments-api',
    ]);

    // A second deploy of a new image sends the live resourceVersion as a
    // precondition and changes only the Deployment.
    const version = cluster.objects.get('Deployment/default/payments-api')
      .metadata.resourceVersion;
    const second = makeContext({ input: { ...input, image: 'img:2' } });
    await action().handler(second.ctx);
    expect(second.outputs.changedObjects).toEqual([
      'Deployment default/payments-api',
    ]);
    expect(cluster.patches()[3].body.metadata.resourceVersion).toBe(version);
  });

  it('waits for the rollout until the Deployment is available (recorded HTTP, msw)', async () => {
    cluster.rolloutAfterPolls = 4;
    const { ctx, outputs } = makeContext({
      input: { name: 'slow', image: 'img:1' },
    });
    await action().handler(ctx);
    expect(outputs.status).toBe('applied');
    const polls = cluster.requests.filter(
      r =>
        r.method === 'GET' &&
        r.kind === 'Deployment' &&
        cluster.requests.indexOf(r) >
          cluster.requests.indexOf(cluster.patches()[2]),
    );
    expect(polls).toHaveLength(5);
    expect(ctx.logger.info).toHaveBeenCalledWith(
      'Deployment default/slow rolled out: observedGeneration 1/1, updated 1/1, available 1/1, total 1',
    );
  });

  it('fails clearly when the rollout times out (recorded HTTP, msw)', async () => {
    cluster.stuck = true;
    await deployFails(
      { name: 'stuck' },
      'Deployment default/stuck did not roll out within 200 ms (observedGeneration 1/1, updated 1/1, available 0/1, total 1)',
      { rolloutTimeoutMs: 200 },
    );
  });

  it('fails at once when the Deployment reports ProgressDeadlineExceeded (recorded HTTP, msw)', async () => {
    cluster.stuck = true;
    cluster.stalled = true;
    // The rollout failure, not the 60 s timeout's message: it did not wait.
    await deployFails(
      { name: 'crashy' },
      'Deployment default/crashy rollout failed: ProgressDeadlineExceeded: ReplicaSet "crashy-7d4b9c8f6d" has timed out progressing.',
      { rolloutTimeoutMs: 60000 },
    );
  });

  it('fails clearly on 403 Forbidden and changes nothing after it (recorded HTTP, msw)', async () => {
    cluster.patchError = {
      kind: 'Deployment',
      code: 403,
      reason: 'Forbidden',
      message:
        'deployments.apps "svc" is forbidden: User "system:serviceaccount:backstage:golden-paths" cannot patch resource "deployments" in API group "apps" in the namespace "default"',
    };
    await deployFails(
      { name: 'svc' },
      `Kubernetes API PATCH (server-side apply) Deployment default/svc (${API}/apis/apps/v1/namespaces/default/deployments/svc) failed: HTTP 403 Forbidden: deployments.apps "svc" is forbidden: User "system:serviceaccount:backstage:golden-paths" cannot patch`,
    );
    expect(cluster.patches().map(p => p.kind)).toEqual(['Deployment']);
    expect(cluster.objects.size).toBe(0);
  });

  it('fails clearly on 422 Invalid (recorded HTTP, msw)', async () => {
    cluster.patchError = {
      kind: 'Ingress',
      code: 422,
      reason: 'Invalid',
      message:
        'Ingress.networking.k8s.io "svc" is invalid: spec.rules[0].host: Invalid value: "svc..example.com": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters',
    };
    await deployFails(
      { name: 'svc', host: 'svc..example.com' },
      /Ingress default\/svc .* failed: HTTP 422 Invalid: Ingress.networking.k8s.io "svc" is invalid: spec.rules\[0\].host/,
    );
  });

  it('fails clearly on 401 Unauthorized before applying anything (recorded HTTP, msw)', async () => {
    await deployFails(
      { name: 'svc' },
      /Kubernetes API GET Deployment default\/svc .* failed: HTTP 401 Unauthorized \(check goldenPaths.deploy.kubernetes.token\)/,
      { token: 'wrong' },
    );
    expect(cluster.patches()).toHaveLength(0);
  });

  it('a retried task does not apply again; a repeated run is unchanged (recorded HTTP, msw)', async () => {
    const store = new CheckpointStore();
    const input = { name: 'svc', image: 'img:1' };
    await action().handler(makeContext({ input, checkpoints: store }).ctx);
    expect(cluster.patches()).toHaveLength(3);
    const retry = makeContext({ input, checkpoints: store });
    await action().handler(retry.ctx);
    expect(cluster.patches()).toHaveLength(3);
    expect(retry.outputs.status).toBe('applied');
    expect(store.runs).toEqual([
      'goldenpath.deploy.kubernetes.default.Deployment.svc',
      'goldenpath.deploy.kubernetes.default.Service.svc',
      'goldenpath.deploy.kubernetes.default.Ingress.svc',
    ]);
    const again = makeContext({ input });
    await action().handler(again.ctx);
    expect(again.outputs.status).toBe('unchanged');
    expect(again.outputs.changedObjects).toEqual([]);
  });

  it('refuses to overwrite an object it does not own, before applying anything (recorded HTTP, msw)', async () => {
    cluster.put('Service', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'legacy',
        namespace: 'default',
        resourceVersion: '7',
        labels: { app: 'legacy' },
      },
      spec: { ports: [{ port: 80 }] },
    });
    await deployFails(
      { name: 'legacy' },
      "Service default/legacy exists and is not managed by the golden path for 'legacy' (annotation onramp-golden-paths/owner is missing); refusing to change it",
    );
    expect(cluster.patches()).toHaveLength(0);
    expect(
      cluster.objects.get('Service/default/legacy').metadata.labels,
    ).toEqual({ app: 'legacy' });
  });

  it('fails with 409 when the object changed between the ownership check and the apply (recorded HTTP, msw)', async () => {
    await runAction(action(), { name: 'svc', image: 'img:1' });
    // Someone changes the Deployment right after our GET.
    server.use(
      http.get(
        `${API}/apis/apps/v1/namespaces/default/deployments/svc`,
        () => {
          const live = cluster.objects.get('Deployment/default/svc');
          const stale = { ...live, metadata: { ...live.metadata } };
          cluster.put('Deployment', {
            ...live,
            metadata: { ...live.metadata, resourceVersion: '999' },
          });
          return HttpResponse.json(stale);
        },
        { once: true },
      ),
    );
    await deployFails(
      { name: 'svc', image: 'img:2' },
      /Deployment default\/svc .* failed: HTTP 409 Conflict: Operation cannot be fulfilled on deployments.apps "svc": the object has been modified/,
    );
  });

  it('goldenpath:teardown deletes the applied objects, with preconditions, and only its own (recorded HTTP, msw)', async () => {
    await runAction(action(), { name: 'practice', image: 'img:1' });
    const teardown = createTeardownAction({ settings: settings() });
    const input = { name: 'practice', parts: ['deploy'] };

    const dry = makeContext({ input, isDryRun: true });
    await teardown.handler(dry.ctx);
    expect(dry.outputs.removed).toEqual([
      'Ingress default/practice',
      'Service default/practice',
      'Deployment default/practice',
    ]);
    expect(cluster.objects.size).toBe(3);

    const versions = ['Ingress', 'Service', 'Deployment'].map(
      k =>
        cluster.objects.get(`${k}/default/practice`).metadata.resourceVersion,
    );
    const store = new CheckpointStore();
    const real = makeContext({ input, checkpoints: store });
    await teardown.handler(real.ctx);
    expect(real.outputs.removed).toEqual(dry.outputs.removed);
    expect(cluster.objects.size).toBe(0);
    const deletes = cluster.requests.filter(r => r.method === 'DELETE');
    expect(deletes.map(d => d.body.preconditions.resourceVersion)).toEqual(
      versions,
    );
    // Nothing left: a second teardown removes nothing.
    const again = makeContext({ input });
    await teardown.handler(again.ctx);
    expect(again.outputs.removed).toEqual([]);

    cluster.put('Deployment', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'other', namespace: 'default', resourceVersion: '3' },
      spec: { replicas: 1 },
    });
    await expect(
      runAction(teardown, { name: 'other', parts: ['deploy'] }),
    ).rejects.toThrow(
      "Deployment default/other exists and is not managed by the golden path for 'other'",
    );
    expect(cluster.objects.has('Deployment/default/other')).toBe(true);
  });

  it('needs goldenPaths.deploy.kubernetes when the provider is kubernetes', () => {
    expect(() =>
      readSettings(
        new ConfigReader({
          goldenPaths: { providers: { deploy: 'kubernetes' } },
        }),
      ),
    ).toThrow(
      'goldenPaths.providers.deploy is kubernetes but goldenPaths.deploy.kubernetes (url, token) is not configured',
    );
  });
});
