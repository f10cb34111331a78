import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import userSettingsPlugin from '@backstage/plugin-user-settings-backend';

/**
 * The embedded default keeps one SQLite file per plugin in a directory
 * (app-config.yaml: backend.database.connection.directory). What a user stores
 * must still be there after the backend restarts.
 */
describe('embedded SQLite storage', () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'onramp-sqlite-'));

  async function start() {
    return startTestBackend({
      features: [
        userSettingsPlugin,
        databaseServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            backend: {
              database: { client: 'better-sqlite3', connection: { directory } },
            },
          },
        }),
      ],
    });
  }

  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('keeps what was stored across a restart', async () => {
    const user = mockCredentials.user.header('user:default/sofia.marquez');
    const first = await start();
    await request(first.server)
      .put('/api/user-settings/buckets/onramp/keys/restart-check')
      .set('authorization', user)
      .send({ value: 'kept' })
      .expect(200);
    await first.stop();

    expect(fs.readdirSync(directory)).toContain('user-settings.sqlite');

    const second = await start();
    const res = await request(second.server)
      .get('/api/user-settings/buckets/onramp/keys/restart-check')
      .set('authorization', user)
      .expect(200);
    expect(res.body.value).toBe('kept');
    await second.stop();
  });
});
