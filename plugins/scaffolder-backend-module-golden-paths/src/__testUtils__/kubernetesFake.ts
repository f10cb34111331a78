import { http, HttpResponse } from 'msw';

/*
 * No Kubernetes API server can run here. These tests answer the requests of
 * @kubernetes/client-node through msw with kube-apiserver responses: the
 * object and Status shapes, status codes and reasons follow the API server's
 * (written from its API reference, not captured from a live cluster), and a
 * small in-memory store keeps what was applied so GETs, server-side dry runs
 * and rollouts behave like a cluster's.
 */
export const API = 'https://k8s.test:6443';

const PATHS = {
  Deployment: '/apis/apps/v1/namespaces/:namespace/deployments/:name',
  Service: '/api/v1/namespaces/:namespace/services/:name',
  Ingress: '/apis/networking.k8s.io/v1/namespaces/:namespace/ingresses/:name',
} as const;
const RESOURCE = {
  Deployment: ['deployments', 'apps'],
  Service: ['services', ''],
  Ingress: ['ingresses', 'networking.k8s.io'],
} as const;
type Kind = keyof typeof PATHS;

function status(code: number, reason: string, message: string) {
  return HttpResponse.json(
    {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      code,
    },
    { status: code },
  );
}

interface Recorded {
  method: string;
  kind: Kind;
  path: string;
  query: Record<string, string>;
  contentType: string | null;
  authorization: string | null;
  body?: any;
}

/** An in-memory API server for the three kinds the provider applies. */
export class RecordedCluster {
  readonly objects = new Map<string, any>();
  readonly requests: Recorded[] = [];
  /** GETs of a Deployment, after an apply, until it reports available. */
  rolloutAfterPolls = 0;
  /** Never report the Deployment available. */
  stuck = false;
  /** Report the Deployment's progress deadline as exceeded. */
  stalled = false;
  /** Answer a PATCH of this kind with this recorded error. */
  patchError?: { kind: Kind; code: number; reason: string; message: string };
  #polls = 0;
  #version = 100;

  key(kind: Kind, namespace: string, name: string) {
    return `${kind}/${namespace}/${name}`;
  }

  put(kind: Kind, obj: any) {
    this.objects.set(
      this.key(kind, obj.metadata.namespace, obj.metadata.name),
      obj,
    );
  }

  patches() {
    return this.requests.filter(r => r.method === 'PATCH');
  }

  #record(kind: Kind, request: Request, body?: any) {
    const url = new URL(request.url);
    this.requests.push({
      method: request.method,
      kind,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      contentType: request.headers.get('content-type'),
      authorization: request.headers.get('authorization'),
      body,
    });
  }

  #withStatus(kind: Kind, obj: any) {
    if (kind !== 'Deployment') return obj;
    this.#polls += 1;
    const replicas = obj.spec.replicas ?? 1;
    const done = !this.stuck && this.#polls > this.rolloutAfterPolls;
    return {
      ...obj,
      status: done
        ? {
            observedGeneration: obj.metadata.generation,
            replicas,
            updatedReplicas: replicas,
            readyReplicas: replicas,
            availableReplicas: replicas,
          }
        : {
            observedGeneration: obj.metadata.generation,
            replicas,
            updatedReplicas: replicas,
            readyReplicas: 0,
            availableReplicas: 0,
            unavailableReplicas: replicas,
            ...(this.stalled
              ? {
                  conditions: [
                    {
                      type: 'Progressing',
                      status: 'False',
                      reason: 'ProgressDeadlineExceeded',
                      message: `ReplicaSet "${obj.metadata.name}-7d4b9c8f6d" has timed out progressing.`,
                    },
                  ],
                }
              : {}),
          },
    };
  }

  handlers() {
    return (Object.keys(PATHS) as Kind[]).flatMap(kind => [
      http.get(`${API}${PATHS[kind]}`, ({ request, params }) => {
        this.#record(kind, request);
        if (request.headers.get('authorization') !== 'Bearer test-token') {
          return HttpResponse.json(
            {
              kind: 'Status',
              apiVersion: 'v1',
              metadata: {},
              status: 'Failure',
              message: 'Unauthorized',
              reason: 'Unauthorized',
              code: 401,
            },
            { status: 401 },
          );
        }
        const { namespace, name } = params as Record<string, string>;
        const obj = this.objects.get(this.key(kind, namespace, name));
        if (!obj) {
          const [resource, group] = RESOURCE[kind];
          return status(
            404,
            'NotFound',
            `${resource}${group ? `.${group}` : ''} "${name}" not found`,
          );
        }
        return HttpResponse.json(this.#withStatus(kind, obj));
      }),
      http.patch(`${API}${PATHS[kind]}`, async ({ request, params }) => {
        const body = JSON.parse(await request.text());
        this.#record(kind, request, body);
        const { namespace, name } = params as Record<string, string>;
        const [resource, group] = RESOURCE[kind];
        const qualified = `${resource}${group ? `.${group}` : ''}`;
        if (this.patchError?.kind === kind) {
          const { code, reason, message } = this.patchError;
          return status(code, reason, message);
        }
        const url = new URL(request.url);
        const existing = this.objects.get(this.key(kind, namespace, name));
        if (
          body.metadata.resourceVersion &&
          existing &&
          body.metadata.resourceVersion !== existing.metadata.resourceVersion
        ) {
          return status(
            409,
            'Conflict',
            `Operation cannot be fulfilled on ${qualified} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
          );
        }
        const { resourceVersion: _ignored, ...metadata } = body.metadata;
        const same =
          existing &&
          JSON.stringify([
            existing.metadata.labels,
            existing.metadata.annotations,
            existing.spec,
          ]) ===
            JSON.stringify([metadata.labels, metadata.annotations, body.spec]);
        let next = existing;
        if (!same) {
          this.#version += 1;
          next = {
            ...body,
            metadata: {
              ...metadata,
              uid: existing?.metadata.uid ?? `uid-${this.#version}`,
              resourceVersion: url.searchParams.get('dryRun')
                ? existing?.metadata.resourceVersion
                : String(this.#version),
              generation: (existing?.metadata.generation ?? 0) + 1,
              creationTimestamp: '2026-11-26T21:00:00Z',
            },
          };
        }
        if (!url.searchParams.get('dryRun')) {
          this.objects.set(this.key(kind, namespace, name), next);
          this.#polls = 0;
        }
        return HttpResponse.json(next, { status: existing ? 200 : 201 });
      }),
      http.delete(`${API}${PATHS[kind]}`, async ({ request, params }) => {
        const text = await request.text();
        const body = text ? JSON.parse(text) : {};
        this.#record(kind, request, body);
        const { namespace, name } = params as Record<string, string>;
        const [resource, group] = RESOURCE[kind];
        const qualified = `${resource}${group ? `.${group}` : ''}`;
        const key = this.key(kind, namespace, name);
        const existing = this.objects.get(key);
        if (!existing) {
          return status(404, 'NotFound', `${qualified} "${name}" not found`);
        }
        const wanted = body.preconditions?.resourceVersion;
        if (wanted && wanted !== existing.metadata.resourceVersion) {
          return status(
            409,
            'Conflict',
            `Operation cannot be fulfilled on ${qualified} "${name}": Precondition failed: ResourceVersion in precondition: ${wanted}, ResourceVersion in object meta: ${existing.metadata.resourceVersion}`,
          );
        }
        this.objects.delete(key);
        return HttpResponse.json({
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Success',
          details: { name, group, kind: resource, uid: existing.metadata.uid },
        });
      }),
    ]);
  }
}
