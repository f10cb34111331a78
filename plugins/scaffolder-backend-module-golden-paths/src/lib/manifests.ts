import yaml from 'yaml';
import { OWNER_ANNOTATION, yamlHeader } from './ownership';

/**
 * What the Kubernetes manifests are rendered from.
 *
 * @public
 */
export interface DeploySpec {
  name: string;
  namespace: string;
  image: string;
  port: number;
  replicas: number;
  host: string;
  healthPath: string;
  owner?: string;
  ingressClassName?: string;
}

const MANAGED_BY = 'onramp-golden-paths';

/** A Kubernetes object as the providers apply or commit it. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
  };
  spec: Record<string, unknown>;
}

/**
 * The Deployment, Service and Ingress of a service, in apply order. Both
 * deploy providers use these objects: gitops commits them as YAML, kubernetes
 * applies them server-side.
 */
export function renderObjects(spec: DeploySpec): {
  deployment: KubeObject;
  service: KubeObject;
  ingress: KubeObject;
} {
  const labels = {
    'app.kubernetes.io/name': spec.name,
    'app.kubernetes.io/managed-by': MANAGED_BY,
    ...(spec.owner
      ? { 'backstage.io/owner': spec.owner.replace(/[^A-Za-z0-9._-]/g, '_') }
      : {}),
  };
  const selector = { 'app.kubernetes.io/name': spec.name };
  const metadata = {
    name: spec.name,
    namespace: spec.namespace,
    labels,
    annotations: { [OWNER_ANNOTATION]: spec.name },
  };
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata,
    spec: {
      replicas: spec.replicas,
      selector: { matchLabels: selector },
      template: {
        metadata: {
          labels,
          annotations: {
            'prometheus.io/scrape': 'true',
            'prometheus.io/port': String(spec.port),
            'prometheus.io/path': '/metrics',
          },
        },
        spec: {
          containers: [
            {
              name: spec.name,
              image: spec.image,
              ports: [{ name: 'http', containerPort: spec.port }],
              env: [{ name: 'PORT', value: String(spec.port) }],
              readinessProbe: {
                httpGet: { path: spec.healthPath, port: 'http' },
                periodSeconds: 5,
              },
              livenessProbe: {
                httpGet: { path: spec.healthPath, port: 'http' },
                periodSeconds: 10,
              },
              resources: {
                requests: { cpu: '50m', memory: '64Mi' },
                limits: { memory: '256Mi' },
              },
            },
          ],
        },
      },
    },
  };
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata,
    spec: {
      selector,
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
    },
  };
  const ingress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata,
    spec: {
      ...(spec.ingressClassName
        ? { ingressClassName: spec.ingressClassName }
        : {}),
      rules: [
        {
          host: spec.host,
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: {
                  service: { name: spec.name, port: { name: 'http' } },
                },
              },
            ],
          },
        },
      ],
    },
  };
  return { deployment, service, ingress };
}

/** Renders Deployment, Service and Ingress for a service, deterministically. */
export function renderManifests(spec: DeploySpec): Record<string, string> {
  const { deployment, service, ingress } = renderObjects(spec);
  const doc = (what: string, obj: object) =>
    yamlHeader(spec.name, what) + yaml.stringify(obj);
  return {
    'deployment.yaml': doc('Deployment', deployment),
    'service.yaml': doc('Service', service),
    'ingress.yaml': doc('Ingress', ingress),
  };
}
