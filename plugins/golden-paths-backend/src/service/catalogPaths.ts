import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  GOLDEN_PATH_KIND,
  GoldenPath,
  goldenPathFromEntity,
} from '@onramp/backstage-plugin-golden-paths-common';
import { PathStepStore } from '../database';
import { GoldenPathRegistry } from './paths';

/**
 * Reads the golden paths from the catalog (`kind: GoldenPath`, with the
 * plugin's own service credentials) into the registry, at most once per
 * `ttlMs` (concurrent callers share one read), so a path edited in git is
 * served as soon as the catalog has processed it, without a redeploy.
 * Each read records the paths' step ids: a step that left a path is marked
 * removed (with the date) so progress on it is reported, not dropped.
 */
export class CatalogPathSource {
  private loadedAt = -Infinity;
  private inFlight?: Promise<void>;

  constructor(
    private readonly options: {
      registry: GoldenPathRegistry;
      catalog: CatalogService;
      auth: AuthService;
      pathSteps: PathStepStore;
      logger: LoggerService;
      ttlMs: number;
      clock?: () => number;
    },
  ) {
    options.registry.setRefresher(() => this.refreshIfStale());
  }

  private now() {
    return (this.options.clock ?? Date.now)();
  }

  /**
   * Refreshes when the snapshot is older than the time to live. When the
   * catalog cannot be read, the last snapshot is served (and the failure
   * logged) until the next try, one time to live later.
   */
  async refreshIfStale(): Promise<void> {
    if (this.now() - this.loadedAt < this.options.ttlMs) {
      return;
    }
    try {
      await this.refresh();
    } catch (error) {
      this.loadedAt = this.now();
      this.options.logger.warn(
        `Could not read golden paths from the catalog; serving the last ones read: ${error}`,
      );
    }
  }

  /** Reads the catalog now (joining a read already under way). */
  async refresh(): Promise<void> {
    if (!this.inFlight) {
      this.inFlight = this.load().finally(() => {
        this.inFlight = undefined;
      });
    }
    await this.inFlight;
  }

  private async load() {
    const { catalog, auth, registry, logger, pathSteps } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntities(
      { filter: { kind: GOLDEN_PATH_KIND } },
      { credentials },
    );
    const paths: GoldenPath[] = [];
    for (const entity of items) {
      const parsed = goldenPathFromEntity(entity);
      if (parsed.success) {
        paths.push(parsed.path);
      } else {
        // The catalog processor rejects invalid paths; this is a catalog
        // without the GoldenPath module, or an older schema.
        logger.warn(
          `Skipping GoldenPath ${entity.metadata.name}: ${parsed.message}`,
        );
      }
    }
    paths.sort(
      (a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id),
    );
    const now = this.now();
    for (const path of paths) {
      const removed = await pathSteps.syncSteps(path.id, path.steps, now);
      if (removed.length > 0) {
        logger.info(
          `Golden path ${path.id} no longer has step(s) ${removed.join(
            ', ',
          )}; progress on them is shown as removed`,
        );
      }
    }
    for (const skipped of registry.replace(paths)) {
      logger.warn(`Skipping ${skipped}: another GoldenPath has the same name`);
    }
    this.loadedAt = now;
  }
}
