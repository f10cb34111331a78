import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import {
  AMARA,
  LARS,
  SOFIA,
  startGoldenPathsBackend,
} from '../__testUtils__/backend';

jest.setTimeout(60_000);

const DAY = 24 * 60 * 60 * 1000;

/** Asks `user` their pulse of `day`, as the scheduled task would have. */
async function ask(knex: Knex, user: string, day: number) {
  await knex('gp_pulse_asks').insert({
    user_entity_ref: user,
    day,
    due_at: Date.now() - DAY,
    asked_at: Date.now() - DAY,
  });
}

describe('the pulse routes', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let backend: Awaited<ReturnType<typeof startGoldenPathsBackend>>;
    beforeAll(async () => {
      knex = await databases.init(databaseId);
      backend = await startGoldenPathsBackend({ knex });
    });
    afterAll(() => backend.stop());
    beforeEach(async () => {
      await knex('gp_pulse_answers').delete();
      await knex('gp_pulse_asks').delete();
    });

    it('lets a person answer and change only their own asked pulses', async () => {
      await ask(knex, SOFIA, 30);
      await ask(knex, LARS, 30);
      const due = await backend.call('get', '/pulse/me', SOFIA);
      expect(due.status).toBe(200);
      expect(due.body).toMatchObject({
        due: [30],
        items: [{ day: 30, answer: null }],
      });

      const put = (user: string, day: number | string, body: object) =>
        backend.call('put', `/pulse/me/${day}`, user).send(body);
      expect(
        (await put(SOFIA, 30, { onboarded: 3, productive: 2 })).status,
      ).toBe(200);
      const changed = await put(SOFIA, 30, {
        onboarded: 4,
        productive: 4,
        comment: 'Much better',
      });
      expect(changed.body.answer).toMatchObject({
        onboarded: 4,
        productive: 4,
        comment: 'Much better',
      });
      // Lars answers his own pulse; Sofia's stays hers.
      expect(
        (await put(LARS, 30, { onboarded: 1, productive: 1 })).status,
      ).toBe(200);
      expect(
        (await backend.call('get', '/pulse/me', SOFIA)).body,
      ).toMatchObject({
        due: [],
        items: [{ day: 30, answer: { onboarded: 4, productive: 4 } }],
      });

      // A day not asked: 404; bad input: 400; nothing changes.
      expect(
        (await put(SOFIA, 7, { onboarded: 2, productive: 2 })).status,
      ).toBe(404);
      for (const [day, body] of [
        [30, { onboarded: 6, productive: 2 }],
        [30, { onboarded: 0, productive: 2 }],
        [30, { onboarded: 2.5, productive: 2 }],
        [30, { onboarded: 2 }],
        [30, { onboarded: 2, productive: 2, userEntityRef: LARS }],
        [30, { onboarded: 2, productive: 2, comment: 'x'.repeat(2001) }],
        [31, { onboarded: 2, productive: 2 }],
        ['day', { onboarded: 2, productive: 2 }],
      ] as const) {
        const res = await put(SOFIA, day, body);
        expect([day, res.status]).toEqual([day, 400]);
      }
      const rows = await knex('gp_pulse_answers').orderBy('user_entity_ref');
      expect(
        rows.map(r => [r.user_entity_ref, Number(r.onboarded), r.comment]),
      ).toEqual([
        [LARS, 1, null],
        [SOFIA, 4, 'Much better'],
      ]);
    });

    it('shows insights and their CSV to metrics viewers only', async () => {
      for (let i = 0; i < 5; i++) {
        const user = `user:default/p${i}`;
        await ask(knex, user, 7);
        await backend
          .call('put', '/pulse/me/7', user)
          .send({ onboarded: i + 1, productive: 5 });
      }
      expect((await backend.call('get', '/insights/pulse', SOFIA)).status).toBe(
        403,
      );
      expect(
        (await backend.call('get', '/insights/pulse.csv', SOFIA)).status,
      ).toBe(403);
      expect(
        (await backend.call('get', '/insights/pulse?day=8', AMARA)).status,
      ).toBe(400);

      const insights = await backend.call('get', '/insights/pulse', AMARA);
      expect(insights.status).toBe(200);
      expect(insights.body.byDay).toEqual([
        {
          day: 7,
          answers: 5,
          people: 5,
          onboarded: { distribution: [1, 1, 1, 1, 1], mean: 3 },
          productive: { distribution: [0, 0, 0, 0, 5], mean: 5 },
          suppressed: false,
        },
      ]);
      const csv = await backend.call('get', '/insights/pulse.csv?day=7', AMARA);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-disposition']).toContain(
        'golden-paths-pulse.csv',
      );
      const lines = csv.text.split('\r\n');
      expect(lines[0]).toBe(
        'scope,group,day_filter,suppressed,answers,people,onboarded_1,onboarded_2,onboarded_3,onboarded_4,onboarded_5,onboarded_mean,productive_1,productive_2,productive_3,productive_4,productive_5,productive_mean',
      );
      expect(lines).toContain('day,7,7,false,5,5,1,1,1,1,1,3,0,0,0,0,5,5');
      expect(backend.auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({ eventId: 'pulse-export' }),
      );
    });

    it('hides a group of four answers', async () => {
      for (let i = 0; i < 4; i++) {
        const user = `user:default/q${i}`;
        await ask(knex, user, 60);
        await backend
          .call('put', '/pulse/me/60', user)
          .send({ onboarded: 2, productive: 2 });
      }
      const insights = await backend.call('get', '/insights/pulse', AMARA);
      expect(insights.body.overall).toMatchObject({
        suppressed: true,
        answers: null,
        onboarded: { distribution: null, mean: null },
      });
      expect(insights.body.byDay).toMatchObject([
        { day: 60, suppressed: true },
      ]);
      const csv = await backend.call('get', '/insights/pulse.csv', AMARA);
      expect(csv.text).toContain('day,60,,true,,,,,,,,,,,,,,');
    });
  });
});
