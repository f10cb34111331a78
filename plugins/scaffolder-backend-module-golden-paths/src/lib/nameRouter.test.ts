import { mockCredentials } from '@backstage/backend-test-utils';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { makeTempDir } from '../__testUtils__/context';
import {
  DAY1_APP_BASE_URL,
  startDay1Backend,
} from '../__testUtils__/day1Backend';
import { git } from './git';

describe('GET /api/scaffolder/golden-paths/names/:name (through the real scaffolder backend)', () => {
  let root: string;
  let harness: Awaited<ReturnType<typeof startDay1Backend>>;

  beforeAll(async () => {
    root = await makeTempDir('gp-names');
    harness = await startDay1Backend({
      root,
      entities: [
        {
          kind: 'Component',
          metadata: { name: 'payments-api', namespace: 'default' },
          spec: { owner: 'group:default/payments' },
        },
      ],
    });
    await git([
      'init',
      '--bare',
      '--quiet',
      path.join(root, 'git', 'orders-api.git'),
    ]);
  }, 120_000);

  afterAll(async () => {
    await harness?.backend.stop();
    await fs.rm(root, { recursive: true, force: true });
  });

  const get = (name: string) =>
    harness.request('GET', `/api/scaffolder/golden-paths/names/${name}`);

  it('says a free name is available', async () => {
    expect(await get('day1-free')).toEqual({
      status: 200,
      body: { name: 'day1-free', available: true },
    });
  });

  it('names the owner and links the catalog page of a Component that holds the name', async () => {
    const url = `${DAY1_APP_BASE_URL}/catalog/default/component/payments-api`;
    expect(await get('payments-api')).toEqual({
      status: 200,
      body: {
        name: 'payments-api',
        available: false,
        takenBy: 'group:payments',
        entityRef: 'component:default/payments-api',
        url,
        message: `payments-api is taken by group:payments; choose another name, or open it: ${url}`,
      },
    });
  });

  it('counts a repository under the git root as taken', async () => {
    const res = await get('orders-api');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      available: false,
      message:
        'orders-api is taken by the existing repository orders-api; choose another name',
    });
  });

  it.each(['Bad_Name', '1abc', 'a%00b', `a${'b'.repeat(63)}`])(
    'answers 400 to %j',
    async name => {
      const res = await get(name);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
    },
  );

  it('answers 401 to a caller whose credentials do not check out', async () => {
    const res = await fetch(
      `${harness.base}/api/scaffolder/golden-paths/names/day1-free`,
      { headers: { authorization: mockCredentials.user.invalidHeader() } },
    );
    expect(res.status).toBe(401);
  });
});
