import { ConflictError } from '@backstage/errors';
import * as k8s from '@kubernetes/client-node';
import { KubernetesSettings } from './config';
import { KubeObject } from './manifests';
import { OWNER_ANNOTATION } from './ownership';

/** The field manager of every server-side apply the golden path sends. */
export const FIELD_MANAGER = 'onramp-golden-paths';

type Kind = 'Deployment' | 'Service' | 'Ingress';

/** The parts of a live object the provider reads. */
export interface LiveObject {
  metadata?: {
    resourceVersion?: string;
    generation?: number;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: any;
  status?: any;
}

/** `Deployment default/payments-api` */
export function describeObject(obj: KubeObject) {
  return `${obj.kind} ${obj.metadata.namespace}/${obj.metadata.name}`;
}

/** The REST path of an object. */
export function objectPath(obj: KubeObject) {
  const { namespace, name } = obj.metadata;
  switch (obj.kind as Kind) {
    case 'Deployment':
      return `/apis/apps/v1/namespaces/${namespace}/deployments/${name}`;
    case 'Service':
      return `/api/v1/namespaces/${namespace}/services/${name}`;
    case 'Ingress':
      return `/apis/networking.k8s.io/v1/namespaces/${namespace}/ingresses/${name}`;
    default:
      throw new Error(`Unsupported kind ${obj.kind}`);
  }
}

function parseBody(body: unknown): { reason?: string; message?: string } {
  if (typeof body === 'string') {
    try {
      return JSON.parse(body);
    } catch {
      return { message: body.slice(0, 300) };
    }
  }
  return (body as any) ?? {};
}

/**
 * Turns a failed API call into an error that names the call, the object and
 * the HTTP status with the API server's reason and message.
 */
function apiError(
  verb: string,
  obj: KubeObject,
  settings: KubernetesSettings,
  error: unknown,
): Error {
  const what = `Kubernetes API ${verb} ${describeObject(obj)} (${
    settings.url
  }${objectPath(obj)})`;
  if (error instanceof k8s.ApiException) {
    const status = parseBody(error.body);
    let reason = status.reason ?? '';
    if (!reason && error.code === 401) reason = 'Unauthorized';
    const detail = status.message ? `: ${status.message}` : '';
    const hint =
      error.code === 401 ? ' (check goldenPaths.deploy.kubernetes.token)' : '';
    const message = `${what} failed: HTTP ${error.code}${
      reason ? ` ${reason}` : ''
    }${detail}${hint}`;
    return error.code === 409 ? new ConflictError(message) : new Error(message);
  }
  return new Error(
    `${what} failed: ${error instanceof Error ? error.message : error}`,
  );
}

/**
 * A client for the one cluster in goldenPaths.deploy.kubernetes, through
 * @kubernetes/client-node's typed APIs.
 */
export class KubernetesClient {
  readonly #settings: KubernetesSettings;
  readonly #apps: k8s.AppsV1Api;
  readonly #core: k8s.CoreV1Api;
  readonly #net: k8s.NetworkingV1Api;

  constructor(settings: KubernetesSettings) {
    this.#settings = settings;
    const kc = new k8s.KubeConfig();
    kc.loadFromOptions({
      clusters: [
        {
          name: 'golden-paths',
          server: settings.url,
          caData: settings.caData,
          skipTLSVerify: settings.skipTLSVerify,
        },
      ],
      users: [{ name: 'golden-paths', token: settings.token }],
      contexts: [
        { name: 'golden-paths', cluster: 'golden-paths', user: 'golden-paths' },
      ],
      currentContext: 'golden-paths',
    });
    this.#apps = kc.makeApiClient(k8s.AppsV1Api);
    this.#core = kc.makeApiClient(k8s.CoreV1Api);
    this.#net = kc.makeApiClient(k8s.NetworkingV1Api);
  }

  /** The URL of an object on the API server. */
  url(obj: KubeObject) {
    return `${this.#settings.url}${objectPath(obj)}`;
  }

  /** Reads an object; undefined when it does not exist (404). */
  async read(obj: KubeObject): Promise<LiveObject | undefined> {
    const { name, namespace } = obj.metadata;
    try {
      switch (obj.kind as Kind) {
        case 'Deployment':
          return await this.#apps.readNamespacedDeployment({ name, namespace });
        case 'Service':
          return await this.#core.readNamespacedService({ name, namespace });
        default:
          return await this.#net.readNamespacedIngress({ name, namespace });
      }
    } catch (error) {
      if (error instanceof k8s.ApiException && error.code === 404) {
        return undefined;
      }
      throw apiError('GET', obj, this.#settings, error);
    }
  }

  /**
   * Server-side apply: PATCH with Content-Type application/apply-patch+yaml,
   * fieldManager onramp-golden-paths and force (the ownership check before
   * makes sure only our objects are taken over). With dryRun the API server
   * runs admission and validation and persists nothing (dryRun=All).
   */
  async apply(
    body: KubeObject,
    options: { dryRun: boolean },
  ): Promise<LiveObject> {
    const request = {
      name: body.metadata.name,
      namespace: body.metadata.namespace,
      body,
      fieldManager: FIELD_MANAGER,
      force: true,
      ...(options.dryRun ? { dryRun: 'All' } : {}),
    };
    const headers = k8s.setHeaderOptions(
      'Content-Type',
      k8s.PatchStrategy.ServerSideApply,
    );
    try {
      switch (body.kind as Kind) {
        case 'Deployment':
          return await this.#apps.patchNamespacedDeployment(request, headers);
        case 'Service':
          return await this.#core.patchNamespacedService(request, headers);
        default:
          return await this.#net.patchNamespacedIngress(request, headers);
      }
    } catch (error) {
      throw apiError(
        `PATCH (server-side apply${options.dryRun ? ', dryRun=All' : ''})`,
        body,
        this.#settings,
        error,
      );
    }
  }

  /**
   * Deletes an object, only if it still has the resourceVersion we checked
   * (a precondition: a change made since fails with 409). False when it is
   * already gone.
   */
  async delete(obj: KubeObject, resourceVersion?: string): Promise<boolean> {
    const request = {
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      body: resourceVersion ? { preconditions: { resourceVersion } } : {},
      propagationPolicy: 'Background',
    };
    try {
      switch (obj.kind as Kind) {
        case 'Deployment':
          await this.#apps.deleteNamespacedDeployment(request);
          break;
        case 'Service':
          await this.#core.deleteNamespacedService(request);
          break;
        default:
          await this.#net.deleteNamespacedIngress(request);
      }
      return true;
    } catch (error) {
      if (error instanceof k8s.ApiException && error.code === 404) {
        return false;
      }
      throw apiError('DELETE', obj, this.#settings, error);
    }
  }

  /**
   * Waits until the Deployment has rolled out: the controller has seen the
   * latest generation, every replica runs the new template and is available,
   * and no old replica is left. Fails on ProgressDeadlineExceeded or after
   * rolloutTimeoutMs.
   */
  async waitForRollout(deployment: KubeObject) {
    const { rolloutTimeoutMs, pollIntervalMs } = this.#settings;
    const deadline = Date.now() + rolloutTimeoutMs;
    for (;;) {
      const live = await this.read(deployment);
      if (!live) {
        throw new Error(
          `${describeObject(
            deployment,
          )} disappeared while waiting for its rollout`,
        );
      }
      const wanted: number = live.spec?.replicas ?? 1;
      const status = live.status ?? {};
      const generation = live.metadata?.generation ?? 0;
      const observed: number = status.observedGeneration ?? 0;
      const updated: number = status.updatedReplicas ?? 0;
      const available: number = status.availableReplicas ?? 0;
      const total: number = status.replicas ?? 0;
      const stalled = (status.conditions ?? []).find(
        (c: any) =>
          c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded',
      );
      if (stalled) {
        throw new Error(
          `${describeObject(
            deployment,
          )} rollout failed: ProgressDeadlineExceeded: ${stalled.message}`,
        );
      }
      const state = `observedGeneration ${observed}/${generation}, updated ${updated}/${wanted}, available ${available}/${wanted}, total ${total}`;
      if (
        observed >= generation &&
        updated >= wanted &&
        available >= wanted &&
        total === updated
      ) {
        return { replicas: wanted, availableReplicas: available, state };
      }
      if (Date.now() + pollIntervalMs > deadline) {
        throw new Error(
          `${describeObject(
            deployment,
          )} did not roll out within ${rolloutTimeoutMs} ms (${state})`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, pollIntervalMs));
    }
  }
}

/** References to the objects of a service, in deletion order. */
export function objectRefs(name: string, namespace: string): KubeObject[] {
  const ref = (apiVersion: string, kind: string): KubeObject => ({
    apiVersion,
    kind,
    metadata: { name, namespace, labels: {}, annotations: {} },
    spec: {},
  });
  return [
    ref('networking.k8s.io/v1', 'Ingress'),
    ref('v1', 'Service'),
    ref('apps/v1', 'Deployment'),
  ];
}

/** Refuses an existing object that does not carry our owner annotation. */
export function assertOwned(
  obj: KubeObject,
  live: LiveObject | undefined,
  service: string,
) {
  if (!live) return;
  const owner = live.metadata?.annotations?.[OWNER_ANNOTATION];
  if (owner !== service) {
    throw new ConflictError(
      `${describeObject(
        obj,
      )} exists and is not managed by the golden path for '${service}' (annotation ${OWNER_ANNOTATION} is ${
        owner === undefined ? 'missing' : `'${owner}'`
      }); refusing to change it`,
    );
  }
}

/**
 * The body to apply: the rendered object, with the live resourceVersion as a
 * precondition when the object exists, so a change made between our
 * ownership check and the apply fails with 409 instead of being overwritten.
 */
export function applyBody(obj: KubeObject, live: LiveObject | undefined) {
  const resourceVersion = live?.metadata?.resourceVersion;
  if (!resourceVersion) return obj;
  return { ...obj, metadata: { ...obj.metadata, resourceVersion } };
}

function comparable(o: LiveObject | undefined) {
  return JSON.stringify({
    labels: o?.metadata?.labels ?? {},
    annotations: o?.metadata?.annotations ?? {},
    spec: o?.spec ?? {},
  });
}

/** Whether the server-side dry-run result differs from the live object. */
export function wouldChange(live: LiveObject | undefined, dry: LiveObject) {
  return !live || comparable(live) !== comparable(dry);
}
