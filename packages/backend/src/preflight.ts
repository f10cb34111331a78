import { Config } from '@backstage/config';
import { ConfigSources } from '@backstage/config-loader';
import fs from 'node:fs';
import path from 'node:path';
import { Client, ClientConfig } from 'pg';

/** A configuration problem found before the backend starts. */
export class PreflightError extends Error {
  name = 'PreflightError';
}

function describe(connection: ClientConfig | string): string {
  if (typeof connection === 'string') {
    try {
      const url = new URL(connection);
      return `${url.hostname}:${url.port || 5432}`;
    } catch {
      return 'the configured connection string';
    }
  }
  return `${connection.host ?? 'localhost'}:${connection.port ?? 5432}`;
}

/**
 * Checks that the configured database answers. PostgreSQL gets one connection
 * attempt with a short timeout; SQLite gets its data directory created.
 */
export async function checkDatabase(
  config: Config,
  options: { timeoutMs?: number } = {},
): Promise<void> {
  const client = config.getOptionalString('backend.database.client');
  if (client === 'pg') {
    const raw = config.getOptional('backend.database.connection') as
      | ClientConfig
      | string
      | undefined;
    if (raw === undefined) {
      throw new PreflightError(
        'backend.database.connection is not set. Set POSTGRES_HOST, POSTGRES_PORT, POSTGRES_USER and POSTGRES_PASSWORD (see app-config.production.yaml).',
      );
    }
    const where = describe(raw);
    const pg = new Client({
      ...(typeof raw === 'string' ? { connectionString: raw } : raw),
      port:
        typeof raw === 'string' || raw.port === undefined
          ? undefined
          : Number(raw.port),
      connectionTimeoutMillis: options.timeoutMs ?? 5000,
    });
    try {
      await pg.connect();
      await pg.query('SELECT 1');
    } catch (error) {
      const reason =
        (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new PreflightError(
        `Cannot reach PostgreSQL at ${where} (${reason}). Check that the server is running and that backend.database.connection (POSTGRES_* variables) points at it.`,
      );
    } finally {
      await pg.end().catch(() => {});
    }
  } else if (client === 'better-sqlite3' || client === 'sqlite3') {
    const directory = config.getOptionalString(
      'backend.database.connection.directory',
    );
    if (directory) {
      try {
        fs.mkdirSync(path.resolve(directory), { recursive: true });
        fs.accessSync(path.resolve(directory), fs.constants.W_OK);
      } catch (error) {
        throw new PreflightError(
          `Cannot write the SQLite data directory ${path.resolve(directory)}: ${
            (error as Error).message
          }`,
        );
      }
    }
  }
}

/** Loads configuration like the backend does and checks it; prints and rethrows problems. */
export async function preflight(): Promise<void> {
  const config = await ConfigSources.toConfig(
    ConfigSources.default({ argv: process.argv, env: process.env }),
  );
  try {
    await checkDatabase(config);
  } catch (error) {
    if (error instanceof PreflightError) {
      // eslint-disable-next-line no-console
      console.error(`\n✖ Onramp cannot start: ${error.message}\n`);
    }
    throw error;
  } finally {
    config.close();
  }
}
