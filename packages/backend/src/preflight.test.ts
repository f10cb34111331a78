import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkDatabase, PreflightError } from './preflight';

describe('checkDatabase', () => {
  it('fails fast with a readable message when PostgreSQL does not answer', async () => {
    const config = new ConfigReader({
      backend: {
        database: {
          client: 'pg',
          // Port 1 on loopback: nothing listens there.
          connection: { host: '127.0.0.1', port: 1, user: 'postgres' },
        },
      },
    });
    const started = Date.now();
    const error = await checkDatabase(config, { timeoutMs: 2000 }).catch(
      e => e,
    );
    expect(error).toBeInstanceOf(PreflightError);
    expect(error.message).toMatch(
      /^Cannot reach PostgreSQL at 127\.0\.0\.1:1 \(ECONNREFUSED\)/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('explains a missing connection', async () => {
    const config = new ConfigReader({
      backend: { database: { client: 'pg' } },
    });
    await expect(checkDatabase(config)).rejects.toThrow(/POSTGRES_HOST/);
  });

  it('creates the SQLite data directory', async () => {
    const dir = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'onramp-')),
      'nested',
      'sqlite',
    );
    const config = new ConfigReader({
      backend: {
        database: { client: 'better-sqlite3', connection: { directory: dir } },
      },
    });
    await checkDatabase(config);
    expect(fs.statSync(dir).isDirectory()).toBe(true);
  });
});

const pgUrl = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
(pgUrl ? describe : describe.skip)('checkDatabase on PostgreSQL', () => {
  it('accepts a PostgreSQL server that answers', async () => {
    const config = new ConfigReader({
      backend: { database: { client: 'pg', connection: pgUrl } },
    });
    await expect(checkDatabase(config)).resolves.toBeUndefined();
  });
});
