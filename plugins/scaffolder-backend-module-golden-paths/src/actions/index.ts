import { DiscoveryService } from '@backstage/backend-plugin-api';
import { GoldenPathsEvidenceService } from '@onramp/backstage-plugin-golden-paths-node';
import { GoldenPathsSettings } from '../lib/config';
import { ServiceAccess } from '../lib/serviceAccess';
import { createLinkBuilder } from '../lib/links';
import { ServiceNameChecker } from '../lib/nameCheck';
import { defaultProviders } from '../providers/builtIn';
import { SelectedProviders } from '../providers/registry';
import { createDeployAction } from './deploy';
import { createDnsAction } from './dns';
import { createMonitoringAction } from './monitoring';
import { createNameCheckAction } from './nameCheck';
import { createPublishGitAction } from './publishGit';
import { createRecordProgressAction } from './recordProgress';
import { createTeardownAction } from './teardown';
import { createVerifyEndpointAction } from './verifyEndpoint';

export { createPublishGitAction } from './publishGit';
export { createDeployAction } from './deploy';
export { createMonitoringAction } from './monitoring';
export { createDnsAction } from './dns';
export type { OneProviderActionOptions } from './providerAction';
export { createTeardownAction } from './teardown';
export { createVerifyEndpointAction } from './verifyEndpoint';
export { createNameCheckAction } from './nameCheck';
export { createRecordProgressAction, EVIDENCE_KEYS } from './recordProgress';

/**
 * Creates every golden-paths action from the settings and services.
 * @public
 */
export function createActions(options: {
  settings: GoldenPathsSettings;
  discovery: DiscoveryService;
  /** Golden Paths' evidence service; none when Golden Paths is not installed. */
  evidence?: GoldenPathsEvidenceService;
  /** The providers chosen from config; default: the built-in ones. */
  providers?: SelectedProviders;
  /** Whether a service name is free (goldenpath:name:check). */
  nameCheck: ServiceNameChecker;
  /** The catalog and the admins, for goldenpath:teardown. */
  serviceAccess?: ServiceAccess;
}) {
  const { settings, discovery, evidence } = options;
  const scaffolderBaseUrl = () => discovery.getExternalBaseUrl('scaffolder');
  const links = createLinkBuilder(settings, scaffolderBaseUrl);
  const providers = options.providers ?? defaultProviders({ settings, links });
  return [
    createNameCheckAction({ check: options.nameCheck }),
    createPublishGitAction({
      settings,
      localUrls: async (name, branch) => {
        const base = `${await scaffolderBaseUrl()}/golden-paths/git/${name}/raw/${branch}`;
        return { repoContentsUrl: base, catalogInfoBaseUrl: base };
      },
    }),
    createDeployAction({ settings, links, provider: providers.deploy }),
    createMonitoringAction({ settings, links, providers }),
    createDnsAction({ settings, links, provider: providers.dns }),
    createVerifyEndpointAction(),
    createRecordProgressAction({ evidence }),
    createTeardownAction({
      settings,
      providers,
      access: options.serviceAccess,
    }),
  ];
}
