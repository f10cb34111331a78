import { TestDatabases } from '@backstage/backend-test-utils';
import {
  ANNA,
  BEN,
  CARA,
  ownersOnlyOrg,
  useSkillExchangeBackend,
} from './__testUtils__';

const databases = TestDatabases.create();

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A pairing session is a stint too: once its booked slot has ended, its
 * owner and booker are asked for their retro, and the one who gave the
 * session has it as evidence (`sessions_given`).
 */
describe.each(databases.eachSupportedId())(
  'retros and evidence of pairing sessions on %s',
  databaseId => {
    const sx = useSkillExchangeBackend(databases, databaseId, ownersOnlyOrg());

    it('asks both people once the slot has ended, and counts the session for the one who gave it', async () => {
      const start = Date.now() + 48 * HOUR;
      const post = (
        await sx
          .call('post', '/posts', ANNA)
          .send({
            kind: 'pairing',
            title: 'An hour of Rust',
            mode: 'offering',
            skills: ['Rust'],
            durationMinutes: 60,
            slots: [{ startsAt: iso(start), endsAt: iso(start + HOUR) }],
          })
          .expect(201)
      ).body;
      await sx
        .call('post', `/posts/${post.id}/booking`, BEN)
        .send({ slotId: post.slots[0].id })
        .expect(201);

      const early = await sx
        .call('post', `/posts/${post.id}/retro`, BEN)
        .send({ skills: ['Rust'], usefulness: 5 })
        .expect(409);
      expect(early.body.error.message).toBe(
        'This pairing session has not taken place yet: its retro opens when its slot ends',
      );
      await sx
        .call('post', `/posts/${post.id}/retro`, CARA)
        .send({ skills: [], usefulness: 3 })
        .expect(403);

      // The session took place an hour ago.
      await sx
        .knex('pairing_slots')
        .where('post_id', post.id)
        .update({
          starts_at: new Date(Date.now() - 2 * HOUR),
          ends_at: new Date(Date.now() - HOUR),
        });
      const job = sx.tasks.get('skill-exchange-retro-asks')!;
      await job();
      await job();
      const asked = sx.sent
        .filter(
          n =>
            n.payload.topic === 'skill-exchange:retro-due' &&
            n.payload.link === `/skill-exchange/posts/${post.id}#retro`,
        )
        .flatMap(n => [n.recipients.entityRef].flat());
      expect(asked.sort()).toEqual([ANNA, BEN]);

      await sx
        .call('post', `/posts/${post.id}/retro`, BEN)
        .send({ skills: ['Rust'], usefulness: 5 })
        .expect(201);
      expect((await sx.call('get', '/retros/due', ANNA)).body).toEqual([
        expect.objectContaining({ postId: post.id, role: 'owner' }),
      ]);

      // Anna gave the session: it supports Rust for her, not for Ben.
      const anna = (
        await sx
          .call('post', '/profiles/me/evidence/refresh', ANNA)
          .send({})
          .expect(200)
      ).body;
      expect(anna.find((s: any) => s.skill === 'Rust').evidence.items).toEqual([
        expect.objectContaining({
          kind: 'sessions_given',
          count: 1,
          text: expect.stringMatching(/^1 pairing session given, latest /),
        }),
      ]);
      const ben = (await sx.call('get', '/profiles/me/suggestions', BEN)).body;
      expect(
        ben
          .find((s: any) => s.skill === 'Rust')
          .evidence.items.map((i: any) => i.kind),
      ).toEqual(['practised']);
    });
  },
);
