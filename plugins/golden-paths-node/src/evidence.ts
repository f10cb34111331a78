import {
  AuthService,
  coreServices,
  createServiceFactory,
  createServiceRef,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  GoldenPathsClient,
  RecordEvidenceRequest,
  RecordEvidenceResponse,
} from '@onramp/backstage-plugin-golden-paths-common';

export type {
  RecordEvidenceRequest,
  RecordEvidenceResponse,
} from '@onramp/backstage-plugin-golden-paths-common';

/** The plugin id of the golden-paths backend. */
const PLUGIN_ID = 'golden-paths';

/**
 * Records evidence of what a person did (e.g. `deploy.healthy`) for their
 * golden-path journeys. Idempotent on (user, path, step, evidence id):
 * repeating a call changes nothing and answers the same.
 *
 * @public
 */
export interface GoldenPathsEvidenceService {
  recordEvidence(
    request: RecordEvidenceRequest,
  ): Promise<RecordEvidenceResponse>;
}

/**
 * Where the golden-paths plugin leaves its in-process evidence recorder, so
 * that other plugins of the same backend reach it without HTTP. Root scoped:
 * one per backend, shared by every plugin.
 *
 * @public
 */
export interface GoldenPathsEvidenceRegistry {
  /** Called once by the golden-paths plugin at init. */
  setRecorder(recorder: GoldenPathsEvidenceService): void;
  /** The recorder, once the golden-paths plugin has set it. */
  getRecorder(): Promise<GoldenPathsEvidenceService>;
}

function createRegistry(): GoldenPathsEvidenceRegistry {
  let resolve: (recorder: GoldenPathsEvidenceService) => void;
  let recorder: GoldenPathsEvidenceService | undefined;
  const ready = new Promise<GoldenPathsEvidenceService>(r => {
    resolve = r;
  });
  return {
    setRecorder(value) {
      if (recorder) {
        throw new Error('The golden-paths evidence recorder is already set');
      }
      recorder = value;
      resolve(value);
    },
    getRecorder: () => ready,
  };
}

/**
 * The registry of the in-process evidence recorder; only the golden-paths
 * plugin fills it. Other code uses {@link goldenPathsEvidenceServiceRef}.
 *
 * @public
 */
export const goldenPathsEvidenceRegistryServiceRef =
  createServiceRef<GoldenPathsEvidenceRegistry>({
    id: 'golden-paths.evidence-registry',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {},
        factory: () => createRegistry(),
      }),
  });

/**
 * Records evidence through the golden-paths REST API with this plugin's
 * service credentials: what {@link goldenPathsEvidenceServiceRef} does when
 * the golden-paths plugin runs in another backend.
 *
 * @public
 */
export function createHttpEvidenceService(options: {
  discovery: Pick<DiscoveryService, 'getBaseUrl'>;
  auth: AuthService;
}): GoldenPathsEvidenceService {
  const { discovery, auth } = options;
  const client = new GoldenPathsClient({
    discoveryApi: discovery,
    fetchApi: {
      fetch: async (input, init) => {
        const { token } = await auth.getPluginRequestToken({
          onBehalfOf: await auth.getOwnServiceCredentials(),
          targetPluginId: PLUGIN_ID,
        });
        const headers = new Headers(init?.headers);
        headers.set('authorization', `Bearer ${token}`);
        return fetch(input, { ...init, headers });
      },
    },
  });
  return { recordEvidence: request => client.recordEvidence(request) };
}

/**
 * Records golden-path evidence from any backend plugin or module:
 * `deps: { evidence: goldenPathsEvidenceServiceRef }`, then
 * `await evidence.recordEvidence({ userEntityRef, key, evidenceId })`.
 *
 * When the golden-paths plugin is installed in the same backend the call
 * stays in-process (no HTTP, no token) and goes through the same validation,
 * idempotency and notifications as `POST /evidence`; otherwise it is that
 * request, sent with service credentials.
 *
 * @public
 */
export const goldenPathsEvidenceServiceRef =
  createServiceRef<GoldenPathsEvidenceService>({
    id: 'golden-paths.evidence',
    scope: 'plugin',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          registry: goldenPathsEvidenceRegistryServiceRef,
          instance: coreServices.rootInstanceMetadata,
          discovery: coreServices.discovery,
          auth: coreServices.auth,
        },
        factory({ registry, instance, discovery, auth }) {
          const http = createHttpEvidenceService({ discovery, auth });
          let target: Promise<GoldenPathsEvidenceService> | undefined;
          // Decided at the first call: by then every plugin of this backend
          // has been installed, and golden-paths has set its recorder or is
          // about to (its init may run after ours).
          const resolveTarget = async () => {
            const plugins = await instance.getInstalledPlugins();
            return plugins.some(p => p.pluginId === PLUGIN_ID)
              ? registry.getRecorder()
              : http;
          };
          return {
            async recordEvidence(request) {
              target ??= resolveTarget();
              return (await target).recordEvidence(request);
            },
          };
        },
      }),
  });
