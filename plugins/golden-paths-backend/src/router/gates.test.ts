import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { parse } from 'yaml';
import {
  GoldenPathsTestBackend,
  startGoldenPathsBackend,
} from '../__testUtils__/backend';
import { pathEntityYaml } from '../__testUtils__/paths';

jest.setTimeout(60_000);

const NEWCOMER = 'user:default/newcomer';
const MANAGER = 'user:default/manager';
const STRANGER = 'user:default/stranger';

/** A gated path, the newcomer in a group whose manager is MANAGER. */
const entities: Entity[] = [
  parse(
    pathEntityYaml(
      'gated',
      `    - id: sign-off
      title: Your manager signs off
      rule: { type: approval, approver: manager }
`,
    ),
  ),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'newcomer', namespace: 'default' },
    spec: {},
    relations: [{ type: 'memberOf', targetRef: 'group:default/client' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'client',
      namespace: 'default',
      annotations: { 'onramp.dev/manager': MANAGER },
    },
    spec: { type: 'discipline', children: [] },
  },
];

describe('approval gates over HTTP', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let backend: GoldenPathsTestBackend;
    beforeAll(async () => {
      backend = await startGoldenPathsBackend({
        knex: await databases.init(databaseId),
        catalogEntities: entities,
      });
    });
    afterAll(() => backend.stop());

    it('asks the manager; 403 for anyone else, 400 without a reason, then the manager approves', async () => {
      const started = await backend
        .call('post', '/journeys', NEWCOMER)
        .send({ pathId: 'gated' });
      expect(started.status).toBe(201);
      const journeyId = started.body.id;
      expect(started.body.steps[0].gate).toMatchObject({
        approver: 'manager',
        approverRef: MANAGER,
        status: 'waiting',
      });
      const waiting = await backend.call('get', '/approvals', MANAGER);
      expect(waiting.body.items).toEqual([
        expect.objectContaining({
          journeyId,
          stepId: 'sign-off',
          userEntityRef: NEWCOMER,
        }),
      ]);
      const base = `/journeys/${journeyId}/steps/sign-off`;
      for (const user of [NEWCOMER, STRANGER]) {
        const approve = await backend.call('post', `${base}/approve`, user);
        expect(approve.status).toBe(403);
        expect(approve.body.error.name).toBe('NotAllowedError');
        const decline = await backend
          .call('post', `${base}/decline`, user)
          .send({ reason: 'no' });
        expect(decline.status).toBe(403);
      }
      const noReason = await backend
        .call('post', `${base}/decline`, MANAGER)
        .send({ reason: '  ' });
      expect(noReason.status).toBe(400);
      const mine = await backend.call('get', '/journeys/me', NEWCOMER);
      expect(mine.body.items[0].steps[0]).toMatchObject({
        status: 'pending',
        gate: { status: 'waiting' },
      });

      const approved = await backend.call('post', `${base}/approve`, MANAGER);
      expect(approved.status).toBe(204);
      const after = await backend.call('get', '/journeys/me', NEWCOMER);
      expect(after.body.items[0]).toMatchObject({
        status: 'completed',
        steps: [{ status: 'completed', gate: { status: 'approved' } }],
      });
      const again = await backend.call('post', `${base}/approve`, MANAGER);
      expect(again.status).toBe(409);
      const unknown = await backend.call(
        'post',
        `/journeys/${journeyId}/steps/nope/approve`,
        MANAGER,
      );
      expect(unknown.status).toBe(404);
    });
  });
});
