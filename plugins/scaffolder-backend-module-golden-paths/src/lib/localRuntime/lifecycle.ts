import { LifecycleService, LoggerService } from '@backstage/backend-plugin-api';
import { GoldenPathsSettings } from '../config';
import { readDesiredServices } from './desired';
import { LocalRuntime } from './runtime';

/**
 * Runs the local runtime with the backend: once the backend has started,
 * every service the deploy repository says should run is started (on its
 * recorded port; whatever an earlier, killed backend left is stopped
 * first); when the backend stops, so do the services.
 */
export function startLocalRuntime(options: {
  settings: GoldenPathsSettings;
  runtime: LocalRuntime;
  lifecycle: LifecycleService;
  logger: LoggerService;
}) {
  const { settings, runtime, lifecycle, logger } = options;
  let reconciling: Promise<void> = Promise.resolve();
  lifecycle.addStartupHook(() => {
    const started = Date.now();
    reconciling = readDesiredServices(settings)
      .then(desired => runtime.reconcile(desired))
      .then(names => {
        if (names.length) {
          logger.info(
            `Local runtime (this machine): started ${names.join(', ')} from ${
              settings.deploy.repository
            } in ${Date.now() - started} ms`,
          );
        }
      })
      .catch(e =>
        logger.error(`Local runtime (this machine): reconcile failed: ${e}`),
      );
  });
  lifecycle.addShutdownHook(async () => {
    await reconciling;
    await runtime.shutdown();
  });
}
