import fs from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Config } from '@backstage/config';
import {
  GoldenPath,
  goldenPathSchema,
} from '@onramp/backstage-plugin-golden-paths-common';

/** Thrown at startup when a path file cannot be read or is invalid. */
export class GoldenPathDefinitionError extends Error {
  name = 'GoldenPathDefinitionError';
}

/** Parses and validates every YAML document of one file. */
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
    const parsed = goldenPathSchema.safeParse(data);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .map(issue => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
        .join('; ');
      throw new GoldenPathDefinitionError(
        `${source} (document ${
          index + 1
        }) is not a valid golden path: ${issues}`,
      );
    }
    result.push(parsed.data);
  });
  return result;
}

/** The golden paths this backend serves, in configuration order. */
export class GoldenPathRegistry {
  private readonly byId: Map<string, GoldenPath>;

  constructor(private readonly paths: GoldenPath[]) {
    this.byId = new Map();
    for (const p of paths) {
      if (this.byId.has(p.id)) {
        throw new GoldenPathDefinitionError(
          `Golden path id "${p.id}" is defined more than once`,
        );
      }
      this.byId.set(p.id, p);
    }
  }

  /**
   * Reads `goldenPaths.paths`: YAML files, relative to the backend's working
   * directory (as catalog file locations are), each with one or more paths.
   */
  static async fromConfig(
    config: Config,
    options?: { baseDir?: string },
  ): Promise<GoldenPathRegistry> {
    const files = config.getOptionalStringArray('goldenPaths.paths') ?? [];
    const baseDir = options?.baseDir ?? process.cwd();
    const paths: GoldenPath[] = [];
    for (const file of files) {
      const fullPath = path.resolve(baseDir, file);
      let text: string;
      try {
        text = await fs.readFile(fullPath, 'utf8');
      } catch (error) {
        throw new GoldenPathDefinitionError(
          `Cannot read golden path file ${fullPath} (goldenPaths.paths): ${
            (error as Error).message
          }`,
        );
      }
      paths.push(...parseGoldenPaths(text, fullPath));
    }
    return new GoldenPathRegistry(paths);
  }

  list(): GoldenPath[] {
    return this.paths;
  }

  get(pathId: string): GoldenPath | undefined {
    return this.byId.get(pathId);
  }
}
