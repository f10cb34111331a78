import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  asService,
  asUser,
  useGoldenPathsBackend,
} from '../__testUtils__/backend';

jest.setTimeout(60_000);

const PEOPLE = Array.from({ length: 10 }, (_, i) => `user:default/p${i}`);

describe('idempotent repeats under concurrency', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    const backend = useGoldenPathsBackend(databases, databaseId);

    /** Sends every request at once; the statuses in request order. */
    async function all(requests: Array<() => request.Test>) {
      const responses = await Promise.all(requests.map(r => r()));
      return responses;
    }

    it('starts a journey once: one 201 per person, 200 to each repeat', async () => {
      const responses = await all(
        PEOPLE.flatMap(person =>
          [1, 2, 3].map(
            () => () =>
              backend
                .call('post', '/journeys', person)
                .send({ pathId: 'backend-day-1' }),
          ),
        ),
      );
      for (const person of PEOPLE) {
        const mine = responses.filter(r => r.body.userEntityRef === person);
        expect(mine.map(r => r.status).sort()).toEqual([200, 200, 201]);
        expect(new Set(mine.map(r => r.body.id)).size).toBe(1);
      }
    });

    it('records evidence once: one 201 per evidence, 200 with the same answer to each repeat', async () => {
      const body = (person: string) => ({
        userEntityRef: person,
        key: 'deploy.healthy',
        evidenceId: `${person}:deploy`,
      });
      const responses = await all(
        PEOPLE.flatMap(person =>
          [1, 2, 3].map(
            () => () =>
              request(backend.server)
                .post('/api/golden-paths/evidence')
                .set(asService)
                .send(body(person)),
          ),
        ),
      );
      expect(responses.filter(r => r.status === 201)).toHaveLength(
        PEOPLE.length,
      );
      expect(responses.filter(r => r.status === 200)).toHaveLength(
        2 * PEOPLE.length,
      );
      for (const r of responses) {
        expect(r.body).toEqual({
          recorded: true,
          completed: [{ pathId: 'backend-day-1', stepId: 'deploy' }],
          journeys: [
            {
              pathId: 'backend-day-1',
              title: 'Backend',
              completedSteps: 1,
              totalSteps: 5,
            },
          ],
        });
      }
      const later = await request(backend.server)
        .post('/api/golden-paths/evidence')
        .set(asService)
        .send(body(PEOPLE[0]));
      expect(later.status).toBe(200);
      const journey = await request(backend.server)
        .get('/api/golden-paths/journeys/me')
        .set(asUser(PEOPLE[0]));
      expect(journey.body.items[0].completedSteps).toBe(1);
    });
  });
});
