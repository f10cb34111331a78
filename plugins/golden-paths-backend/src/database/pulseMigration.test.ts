import { TestDatabases } from '@backstage/backend-test-utils';
import path from 'node:path';

const directory = path.resolve(__dirname, '../../migrations');
const PULSE = '20261214040000_pulse_surveys.js';

/** Whether the pulse migration is among the applied ones. */
async function applied(knex: import('knex').Knex) {
  const [completed] = await knex.migrate.list({ directory });
  return completed.some((m: { name?: string }) => (m.name ?? m) === PULSE);
}

/**
 * `gp_pulse_asks` and `gp_pulse_answers`: one ask per (person, day), an
 * answer only to an ask and with scores 1 to 5; `down` drops both and the
 * start-date index natively and leaves `gp_people` alone.
 */
describe.each(TestDatabases.create().eachSupportedId())(
  'the pulse surveys migration on %s',
  databaseId => {
    const databases = TestDatabases.create();
    it('keeps one ask per person and day, and goes back down', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      const ask = {
        user_entity_ref: 'user:default/ann',
        day: 7,
        due_at: 1,
        asked_at: 2,
      };
      await knex('gp_pulse_asks').insert(ask);
      await expect(
        knex('gp_pulse_asks').insert(ask).then(),
      ).rejects.toMatchObject({
        message: expect.stringMatching(/UNIQUE|duplicate key/),
      });
      const answer = {
        user_entity_ref: 'user:default/ann',
        day: 7,
        onboarded: 3,
        productive: 4,
        answered_at: 3,
        updated_at: 3,
      };
      await expect(
        knex('gp_pulse_answers')
          .insert({ ...answer, onboarded: 6 })
          .then(),
      ).rejects.toMatchObject({
        message: expect.stringMatching(/CHECK|check/),
      });
      await knex('gp_pulse_answers').insert(answer);
      await knex('gp_people').insert({
        user_entity_ref: 'user:default/ann',
        start_date: '2026-11-02',
        start_at: 0,
        synced_at: 0,
      });

      while (await applied(knex)) {
        await knex.migrate.down({ directory });
      }
      expect(await knex.schema.hasTable('gp_pulse_asks')).toBe(false);
      expect(await knex.schema.hasTable('gp_pulse_answers')).toBe(false);
      expect(await knex('gp_people').count({ n: '*' })).toEqual([
        { n: expect.anything() },
      ]);
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable('gp_pulse_answers')).toBe(true);
      expect(Number((await knex('gp_pulse_asks').count({ n: '*' }))[0].n)).toBe(
        0,
      );
    });
  },
);
