import { TestDatabases } from '@backstage/backend-test-utils';
import {
  ANNA,
  BEN,
  CARA,
  ownersOnlyOrg,
  useSkillExchangeBackend,
} from './__testUtils__';
import { KnexPairingStore } from './database/PairingStore';

const databases = TestDatabases.create();

const HOUR = 3_600_000;
/** Two days ahead at 14:00 UTC, plus `hours`. */
const at = (hours: number) => {
  const day = new Date(Date.now() + 2 * 24 * HOUR);
  day.setUTCHours(14, 0, 0, 0);
  return new Date(day.getTime() + hours * HOUR).toISOString();
};
const slot = (hours: number, minutes = 60) => ({
  startsAt: at(hours),
  endsAt: new Date(Date.parse(at(hours)) + minutes * 60_000).toISOString(),
});

/** Anna offers an hour of Kotlin at two times. */
const pairingInput = (extra: object = {}) => ({
  kind: 'pairing',
  title: 'An hour of Kotlin coroutines',
  mode: 'offering',
  skills: ['Kotlin'],
  durationMinutes: 60,
  slots: [slot(0), slot(2)],
  ...extra,
});

describe.each(databases.eachSupportedId())('pairing on %s', databaseId => {
  const sx = useSkillExchangeBackend(databases, databaseId, ownersOnlyOrg());
  const create = async (extra: object = {}) =>
    (
      await sx
        .call('post', '/posts', ANNA)
        .send(pairingInput(extra))
        .expect(201)
    ).body;
  const count = async (table: string) =>
    Number((await sx.knex(table).count({ n: '*' }))[0].n);
  const book = (id: number, slotId: number, who: string) =>
    sx.call('post', `/posts/${id}/booking`, who).send({ slotId });

  it('creates a pairing post with its slots and edits them while unbooked', async () => {
    const post = await create();
    expect(post).toMatchObject({
      kind: 'pairing',
      mode: 'offering',
      skills: ['Kotlin'],
      durationMinutes: 60,
      status: 'open',
      booking: null,
      slots: [
        { startsAt: at(0), endsAt: at(1) },
        { startsAt: at(2), endsAt: at(3) },
      ],
    });
    const kept = post.slots[1].id;
    const edited = await sx
      .call('put', `/posts/${post.id}`, ANNA)
      .send(
        pairingInput({
          version: post.version,
          durationMinutes: 90,
          slots: [slot(4, 90), slot(2, 90)],
        }),
      )
      .expect(200);
    expect(edited.body.durationMinutes).toBe(90);
    expect(edited.body.slots.map((s: any) => s.startsAt)).toEqual([
      at(2),
      at(4),
    ]);
    // An unchanged slot keeps its id; a stale version is a 409.
    const same = await sx
      .call('put', `/posts/${post.id}`, ANNA)
      .send(
        pairingInput({
          version: edited.body.version,
          durationMinutes: 90,
          slots: [slot(4, 90), slot(2, 90)],
        }),
      )
      .expect(200);
    expect(same.body.slots).toEqual(edited.body.slots);
    expect(kept).not.toBe(edited.body.slots[0].id);
    await sx
      .call('put', `/posts/${post.id}`, ANNA)
      .send(pairingInput({ version: post.version }))
      .expect(409);
    await sx
      .call('put', `/posts/${post.id}`, BEN)
      .send(pairingInput({ version: same.body.version }))
      .expect(403);
    const list = await sx.call('get', '/posts?kind=pairing', BEN).expect(200);
    expect(list.body.items.map((p: any) => p.id)).toContain(post.id);
  });

  it.each([
    ['no skill', { skills: [] }, 'exactly one skill'],
    ['two skills', { skills: ['Kotlin', 'Go'] }, 'exactly one skill'],
    ['50 minutes', { durationMinutes: 50 }, 'at least 60'],
    ['100 minutes', { durationMinutes: 100 }, 'steps of 15'],
    ['150 minutes', { durationMinutes: 150 }, 'at most 120'],
    ['no slot', { slots: [] }, 'at least one slot'],
    ['seven slots', { slots: [0, 2, 4, 6, 8, 10, 12].map(h => slot(h)) }, '6'],
    ['a past slot', { slots: [slot(-72)] }, 'start in the future'],
    ['a slot of the wrong length', { slots: [slot(0, 90)] }, '60 minutes'],
    ['overlapping slots', { slots: [slot(0), slot(0.5)] }, 'overlap'],
    [
      'a bad time',
      { slots: [{ startsAt: 'tomorrow', endsAt: 'later' }] },
      'date and time',
    ],
    ['a mentorship field', { capacity: 2 }, 'capacity'],
  ])('answers 400 to %s and changes nothing', async (_, extra, message) => {
    const before = [await count('posts'), await count('pairing_slots')];
    const res = await sx
      .call('post', '/posts', ANNA)
      .send(pairingInput(extra))
      .expect(400);
    expect(res.body.error.message).toContain(message);
    expect([await count('posts'), await count('pairing_slots')]).toEqual(
      before,
    );
  });

  it('lets exactly one of two racing bookers book', async () => {
    for (let round = 0; round < 4; round++) {
      const post = await create();
      const answers = await Promise.all([
        book(post.id, post.slots[0].id, BEN),
        book(post.id, post.slots[1].id, CARA),
      ]);
      expect(answers.map(a => a.status).sort()).toEqual([201, 409]);
      const booked = await sx
        .knex('pairing_slots')
        .where('post_id', post.id)
        .whereNotNull('booked_by');
      expect(booked).toHaveLength(1);
      const after = await sx.call('get', `/posts/${post.id}`, ANNA);
      expect(after.body.status).toBe('filled');
      expect(after.body.booking.user).toBe(booked[0].booked_by);
    }
  });

  it('refuses the owner, other kinds, unknown slots and interest, changing nothing', async () => {
    const post = await create();
    const other = await create();
    const res = await book(post.id, post.slots[0].id, ANNA).expect(400);
    expect(res.body.error.message).toContain('your own');
    await book(post.id, other.slots[0].id, BEN).expect(400);
    await book(post.id, 0, BEN).expect(400);
    await sx
      .call('post', `/posts/${post.id}/booking`, BEN)
      .send({ slotId: post.slots[0].id, user: CARA })
      .expect(400);
    await book(999_999, 1, BEN).expect(404);
    const hack = await sx
      .call('post', '/posts', ANNA)
      .send({ kind: 'hack', title: 'A hack' })
      .expect(201);
    await book(hack.body.id, post.slots[0].id, BEN).expect(400);
    await sx
      .call('post', `/posts/${post.id}/interests`, BEN)
      .send({})
      .expect(400);
    const closed = await sx
      .call('post', `/posts/${other.id}/status`, ANNA)
      .send({ status: 'closed', version: other.version })
      .expect(200);
    await book(other.id, other.slots[0].id, BEN).expect(409);
    const now = await sx.call('get', `/posts/${post.id}`, BEN);
    expect(now.body).toMatchObject({ status: 'open', booking: null });
    expect(closed.body.status).toBe('closed');
  });

  it('books, notifies both, locks the slots, cancels and reopens', async () => {
    const post = await create();
    sx.sent.length = 0;
    const booked = await book(post.id, post.slots[1].id, BEN).expect(201);
    expect(booked.body).toMatchObject({
      status: 'filled',
      booking: { slotId: post.slots[1].id, user: BEN },
    });
    const when = /on Kotlin, \w{3} \d{1,2} \w{3} 16:00–17:00 UTC/;
    expect(sx.sent.map(n => n.recipients.entityRef)).toEqual([ANNA, BEN]);
    expect(sx.sent[0].payload.description).toMatch(
      new RegExp(`${BEN} booked your pairing session ${when.source}`),
    );
    expect(sx.sent[1].payload.description).toMatch(when);
    expect(sx.sent[1].payload.link).toBe(`/skill-exchange/posts/${post.id}`);

    // Slots cannot change once booked; the rest of the post can.
    const locked = await sx
      .call('put', `/posts/${post.id}`, ANNA)
      .send(pairingInput({ version: booked.body.version, slots: [slot(6)] }))
      .expect(409);
    expect(locked.body.error.message).toContain('Cancel the booking first');
    const retitled = await sx
      .call('put', `/posts/${post.id}`, ANNA)
      .send(
        pairingInput({ version: booked.body.version, title: 'Coroutines!' }),
      )
      .expect(200);
    expect(retitled.body.booking.user).toBe(BEN);

    // Growth: both paired.
    for (const who of [ANNA, BEN]) {
      const growth = await sx.call(
        'get',
        `/profiles/${encodeURIComponent(who)}/activities`,
        who,
      );
      expect(
        growth.body.items
          .filter((a: any) => a.post?.id === post.id)
          .map((a: any) => a.type),
      ).toEqual(['paired']);
    }

    await sx.call('delete', `/posts/${post.id}/booking`, CARA).expect(403);
    sx.sent.length = 0;
    const cancelled = await sx
      .call('delete', `/posts/${post.id}/booking`, BEN)
      .expect(200);
    expect(cancelled.body).toMatchObject({ status: 'open', booking: null });
    expect(sx.sent).toHaveLength(1);
    expect(sx.sent[0].recipients.entityRef).toEqual([ANNA, BEN]);
    expect(sx.sent[0].payload.title).toBe('Pairing on Kotlin cancelled');
    await sx.call('delete', `/posts/${post.id}/booking`, BEN).expect(404);

    // The owner cancels a booking too.
    await book(post.id, post.slots[0].id, CARA).expect(201);
    await sx.call('delete', `/posts/${post.id}/booking`, ANNA).expect(200);
  });

  it('answers the calendar invite to the owner and the booker only', async () => {
    const post = await create();
    await sx.call('get', `/posts/${post.id}/invite.ics`, ANNA).expect(404);
    await book(post.id, post.slots[0].id, BEN).expect(201);
    await sx.call('get', `/posts/${post.id}/invite.ics`, CARA).expect(403);
    const owners = await sx
      .call('get', `/posts/${post.id}/invite.ics`, ANNA)
      .expect(200);
    expect(owners.headers['content-type']).toContain('text/calendar');
    expect(owners.headers['content-disposition']).toContain(
      `pairing-${post.id}.ics`,
    );
    const ics = owners.text.replace(/\r\n /g, '');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(
      `UID:skill-exchange-pairing-${post.id}-${post.slots[0].id}@onramp`,
    );
    expect(ics).toContain('SUMMARY:Pairing: Kotlin with BEN');
    expect(ics).toMatch(/ORGANIZER;CN="?ANNA"?:mailto:anna@example.com/);
    expect(ics).toMatch(/ATTENDEE.*CN="?BEN"?.*:MAILTO:ben@example.com/i);
    expect(ics).toContain(`/skill-exchange/posts/${post.id}`);
    const dtstart = at(0).replace(/[-:]/g, '').replace('.000', '');
    expect(ics).toContain(`DTSTART:${dtstart}`);
    const bookers = await sx
      .call('get', `/posts/${post.id}/invite.ics`, BEN)
      .expect(200);
    expect(bookers.text).toContain('SUMMARY:Pairing: Kotlin with ANNA');
    expect(bookers.text).toContain(`UID:skill-exchange-pairing-${post.id}-`);
  });

  it('lists booked sessions whose slot has ended, for retros', async () => {
    const post = await create();
    await book(post.id, post.slots[0].id, CARA).expect(201);
    const store = KnexPairingStore.create(sx.knex);
    const later = new Date(Date.parse(at(1)) + 1000);
    const ended = await store.endedSessions({ endedBefore: later });
    expect(ended).toContainEqual({
      postId: post.id,
      owner: ANNA,
      booker: CARA,
      skill: 'Kotlin',
      endsAt: at(1),
    });
    const before = await store.endedSessions({ endedBefore: new Date() });
    expect(before.map(s => s.postId)).not.toContain(post.id);
  });
});
