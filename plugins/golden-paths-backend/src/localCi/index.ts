import {
  AuthService,
  LifecycleService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { GoldenPathsEvidenceService } from '@onramp/backstage-plugin-golden-paths-node';
import { LocalCiStore } from '../database';
import { readLocalCiConfig } from './config';
import { LocalCi } from './LocalCi';

export { LocalCi } from './LocalCi';
export { readLocalCiConfig } from './config';
export type { LocalCiConfig } from './config';

/**
 * The local git server as an evidence source and CI, when
 * `goldenPaths.localCi.enabled`; stopped (its running step killed) with the
 * backend.
 */
export function createLocalCi(options: {
  rootConfig: RootConfigService;
  store: LocalCiStore;
  recorder: GoldenPathsEvidenceService;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  lifecycle: LifecycleService;
}) {
  const config = readLocalCiConfig(options.rootConfig);
  if (!config) {
    return undefined;
  }
  const ci = new LocalCi({
    config,
    store: options.store,
    evidence: options.recorder,
    catalog: options.catalog,
    auth: options.auth,
    logger: options.logger,
  });
  options.lifecycle.addShutdownHook(() => ci.stop());
  options.logger.info(
    `Local CI: watching the bare repositories under ${config.root} every ${config.pollIntervalSeconds}s`,
  );
  return { ci, pollIntervalSeconds: config.pollIntervalSeconds };
}
