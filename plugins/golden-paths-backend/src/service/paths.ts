import { parseAllDocuments } from 'yaml';
import {
  GoldenPath,
  goldenPathFromEntity,
} from '@onramp/backstage-plugin-golden-paths-common';

/** Thrown when a path definition is invalid. */
export class GoldenPathDefinitionError extends Error {
  name = 'GoldenPathDefinitionError';
}

/**
 * Parses and validates every YAML document of one file of `GoldenPath`
 * catalog entities (as in examples/golden-paths); for tests and tools, the
 * backend reads paths from the catalog.
 * @public
 */
export function parseGoldenPaths(text: string, source: string): GoldenPath[] {
  const documents = parseAllDocuments(text);
  const result: GoldenPath[] = [];
  documents.forEach((document, index) => {
    if (document.errors.length > 0) {
      throw new GoldenPathDefinitionError(
        `${source} (document ${index + 1}): ${document.errors[0].message}`,
      );
    }
    const data = document.toJS();
    if (data === null || data === undefined) {
      return;
    }
    const parsed = goldenPathFromEntity(data);
    if (!parsed.success) {
      throw new GoldenPathDefinitionError(
        `${source} (document ${index + 1}) is not a valid golden path: ${
          parsed.message
        }`,
      );
    }
    result.push(parsed.path);
  });
  return result;
}

/**
 * The golden paths this backend serves: a snapshot of the catalog's
 * `GoldenPath` entities (see CatalogPathSource), replaced as a whole on
 * each refresh. `fresh()` refreshes it when it is older than the source's
 * time to live.
 * @public
 */
export class GoldenPathRegistry {
  private byId = new Map<string, GoldenPath>();
  private paths: GoldenPath[] = [];
  private refresher?: () => Promise<void>;

  constructor(paths: GoldenPath[] = []) {
    this.replace(paths);
  }

  /** Replaces every path; a second path with an id already taken is skipped. */
  replace(paths: GoldenPath[]): string[] {
    const byId = new Map<string, GoldenPath>();
    const skipped: string[] = [];
    for (const p of paths) {
      if (byId.has(p.id)) {
        skipped.push(p.source?.entityRef ?? p.id);
        continue;
      }
      byId.set(p.id, p);
    }
    this.byId = byId;
    this.paths = [...byId.values()];
    return skipped;
  }

  /** Lets `fresh()` refresh the snapshot (the catalog source sets it). */
  setRefresher(refresher: () => Promise<void>) {
    this.refresher = refresher;
  }

  /** Brings the snapshot up to date when it is stale. */
  async fresh(): Promise<void> {
    await this.refresher?.();
  }

  list(): GoldenPath[] {
    return this.paths;
  }

  get(pathId: string): GoldenPath | undefined {
    return this.byId.get(pathId);
  }
}
