import { Config } from '@backstage/config';
import path from 'node:path';

/** `goldenPaths.localCi`: CI and SCM evidence from the local git server. */
export type LocalCiConfig = {
  /** The folder of bare repositories, absolute. */
  root: string;
  /** How often the refs are read. */
  pollIntervalSeconds: number;
  /** Runs at a time on one backend. */
  concurrency: number;
  /** Pushes beyond this many waiting runs are recorded as skipped. */
  maxQueuedRuns: number;
  /** A step's timeout when its ci.yaml gives none. */
  defaultTimeoutSeconds: number;
  /** The bytes of output a run keeps (its tail). */
  logTailBytes: number;
};

/**
 * Reads `goldenPaths.localCi`; undefined unless `enabled` is true. The root
 * defaults to `goldenPaths.git.root`, where the Day-1 templates publish.
 */
export function readLocalCiConfig(config: Config): LocalCiConfig | undefined {
  const c = config.getOptionalConfig('goldenPaths.localCi');
  if (!c?.getOptionalBoolean('enabled')) {
    return undefined;
  }
  const root =
    c.getOptionalString('root') ??
    config.getOptionalString('goldenPaths.git.root');
  if (!root) {
    throw new Error(
      'goldenPaths.localCi is enabled but neither goldenPaths.localCi.root nor goldenPaths.git.root is set',
    );
  }
  const positive = (key: string, fallback: number) => {
    const value = c.getOptionalNumber(key) ?? fallback;
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(
        `goldenPaths.localCi.${key} must be a positive whole number, not ${value}`,
      );
    }
    return value;
  };
  return {
    root: path.resolve(process.cwd(), root),
    pollIntervalSeconds: positive('pollIntervalSeconds', 10),
    concurrency: positive('concurrency', 1),
    maxQueuedRuns: positive('maxQueuedRuns', 50),
    defaultTimeoutSeconds: positive('defaultTimeoutSeconds', 300),
    logTailBytes: positive('logTailBytes', 16 * 1024),
  };
}
