import { TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { skillExchangeEventCreatePermission } from '@onramp/backstage-plugin-skill-exchange-common';
import {
  ADMIN,
  adminPolicy,
  ANNA,
  BEN,
  CARA,
  catalogUser,
  TestPolicy,
  useSkillExchangeBackend,
} from './__testUtils__';
import { parseVEvents } from './__testUtils__/ical';

const databases = TestDatabases.create();

const DAY = 24 * 60 * 60 * 1000;
/** YYYY-MM-DD `n` days from today (UTC). */
const inDays = (n: number) =>
  new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
const compact = (iso: string) => iso.replace(/-/g, '');

/** The Onramp policy's decisions, where only the admin creates hack events. */
const policy: TestPolicy = {
  ...adminPolicy({ ownersOnly: false }),
  async authorize(requests, options) {
    const decisions = await adminPolicy({ ownersOnly: false }).authorize(
      requests,
      options,
    );
    const ref = (options.credentials.principal as { userEntityRef: string })
      .userEntityRef;
    return requests.map(({ permission }, i) =>
      permission.name === skillExchangeEventCreatePermission.name &&
      ref !== ADMIN
        ? { result: AuthorizeResult.DENY }
        : decisions[i],
    );
  },
};

describe.each(databases.eachSupportedId())(
  'hack events: registration, phases and calendars on %s',
  databaseId => {
    const sx = useSkillExchangeBackend(databases, databaseId, {
      policy,
      entities: ['anna', 'ben', 'cara', 'admin'].map(name => catalogUser(name)),
    });
    const upcoming = (extra: object = {}) => ({
      name: 'Winter hack days',
      description: 'Hack on anything',
      startsOn: inDays(10),
      endsOn: inDays(12),
      organisers: [CARA],
      ...extra,
    });
    const createEvent = async (extra: object = {}) =>
      (
        await sx
          .call('post', '/events', ADMIN)
          .send(upcoming(extra))
          .expect(201)
      ).body;
    const hack = (title: string, extra: object = {}) => ({
      kind: 'hack',
      title,
      skills: [],
      ...extra,
    });
    const eventNamed = async (id: number) =>
      (await sx.call('get', `/events/${id}`, BEN).expect(200)).body;

    it('lets only permitted people create events, with ordered dates', async () => {
      const before = (await sx.call('get', '/events', BEN).expect(200)).body;
      const denied = await sx
        .call('post', '/events', BEN)
        .send(upcoming())
        .expect(403);
      expect(denied.body.error.message).toMatch(/not allowed/);
      await sx
        .call('post', '/events', ADMIN)
        .send(upcoming({ registrationClosesOn: inDays(13) }))
        .expect(400);
      await sx
        .call('post', '/events', ADMIN)
        .send(
          upcoming({
            registrationOpensOn: inDays(9),
            registrationClosesOn: inDays(8),
          }),
        )
        .expect(400);
      await sx
        .call('post', '/events', ADMIN)
        .send(upcoming({ phase: 'judging' }))
        .expect(400);
      expect((await sx.call('get', '/events', BEN)).body).toEqual(before);

      const event = await createEvent();
      expect(event).toMatchObject({
        registrationOpensOn: null,
        registrationClosesOn: inDays(12),
        phase: 'planning',
        hackCount: 0,
        createdBy: ADMIN,
      });
    });

    it('lets only organisers edit dates and the phase; bad dates change nothing', async () => {
      const event = await createEvent({ registrationClosesOn: inDays(10) });
      const edit = { ...upcoming(), version: event.version };
      await sx
        .call('put', `/events/${event.id}`, BEN)
        .send({ ...edit, phase: 'hacking' })
        .expect(403);
      await sx
        .call('put', `/events/${event.id}`, CARA)
        .send({ ...edit, registrationClosesOn: inDays(20) })
        .expect(400);
      await sx
        .call('put', `/events/${event.id}`, CARA)
        .send({ ...edit, startsOn: inDays(13) })
        .expect(400);
      expect(await eventNamed(event.id)).toEqual(event);

      const moved = await sx
        .call('put', `/events/${event.id}`, CARA)
        .send({ ...edit, phase: 'hacking', registrationClosesOn: inDays(11) })
        .expect(200);
      expect(moved.body).toMatchObject({
        phase: 'hacking',
        registrationClosesOn: inDays(11),
        version: event.version + 1,
      });
      // Without a phase, an edit keeps it.
      const kept = await sx
        .call('put', `/events/${event.id}`, CARA)
        .send({ ...upcoming(), version: moved.body.version })
        .expect(200);
      expect(kept.body.phase).toBe('hacking');
    });

    it('takes hacks and members only while registration is open (409 outside)', async () => {
      const later = await createEvent({
        registrationOpensOn: inDays(3),
        registrationClosesOn: inDays(11),
      });
      const early = await sx
        .call('post', '/posts', ANNA)
        .send(hack('Too early', { eventId: later.id }))
        .expect(409);
      expect(early.body.error.message).toBe(
        `Registration for Winter hack days opens on ${inDays(
          3,
        )}; hacks can join it from then until ${inDays(11)}.`,
      );
      const mine = await sx.call('get', '/posts?owner=me', ANNA).expect(200);
      expect(mine.body.items.map((p: any) => p.title)).not.toContain(
        'Too early',
      );

      const open = await createEvent({ registrationOpensOn: inDays(0) });
      const attached = (
        await sx
          .call('post', '/posts', ANNA)
          .send(hack('On time', { eventId: open.id }))
          .expect(201)
      ).body;
      expect((await eventNamed(open.id)).hackCount).toBe(1);
      // Attaching an existing hack to an event not yet open: 409, unchanged.
      await sx
        .call('put', `/posts/${attached.id}`, ANNA)
        .send({ ...hack('On time', { eventId: later.id }), version: 1 })
        .expect(409);

      // The organiser closes registration: the event is over.
      const current = await eventNamed(open.id);
      await sx
        .call('put', `/events/${open.id}`, CARA)
        .send({
          ...upcoming(),
          startsOn: inDays(-5),
          endsOn: inDays(-2),
          registrationOpensOn: inDays(-9),
          registrationClosesOn: inDays(-4),
          version: current.version,
        })
        .expect(200);
      const late = await sx
        .call('post', `/posts/${attached.id}/members`, BEN)
        .expect(409);
      expect(late.body.error.message).toBe(
        `Registration for Winter hack days closed on ${inDays(
          -4,
        )}; hacks can no longer join it.`,
      );
      const after = await sx.call('get', `/posts/${attached.id}`, BEN);
      expect(after.body.members).toEqual([]);
      await sx
        .call('post', '/posts', ANNA)
        .send(hack('Too late', { eventId: open.id }))
        .expect(409);
      // A hack already in the event keeps it when edited.
      await sx
        .call('put', `/posts/${attached.id}`, ANNA)
        .send({
          ...hack('On time, renamed', { eventId: open.id }),
          version: attached.version,
        })
        .expect(200);
    });

    it('records a completed hack result in the results phase only', async () => {
      const event = await createEvent({ registrationOpensOn: inDays(-1) });
      const post = (
        await sx
          .call('post', '/posts', ANNA)
          .send(hack('Demo me', { eventId: event.id }))
          .expect(201)
      ).body;
      const result = {
        demoUrl: 'https://example.com/demo',
        resultSummary: 'It plays.',
      };
      const edit = (extra: object, version: number) =>
        sx.call('put', `/posts/${post.id}`, ANNA).send({
          ...hack('Demo me', { eventId: event.id }),
          ...extra,
          version,
        });
      await edit({ ...result, stage: 'in_progress' }, 1).expect(400);
      await edit(
        { demoUrl: 'ftp://example.com/demo', stage: 'completed' },
        1,
      ).expect(400);
      const planning = await edit({ ...result, stage: 'completed' }, 1).expect(
        409,
      );
      expect(planning.body.error.message).toMatch(
        /is in its planning phase; its hacks record their results once its organisers move it to results/,
      );
      expect(
        (await sx.call('get', `/posts/${post.id}`, ANNA)).body,
      ).toMatchObject({ stage: 'idea', version: 1 });

      await sx
        .call('put', `/events/${event.id}`, CARA)
        .send({ ...upcoming(), phase: 'results', version: event.version })
        .expect(200);
      const done = await edit({ ...result, stage: 'completed' }, 1).expect(200);
      expect(done.body).toMatchObject({ stage: 'completed', ...result });
      // In the results phase, registration is over.
      await sx.call('post', `/posts/${post.id}/members`, BEN).expect(409);
    });

    it('lists upcoming events first, with their hack counts', async () => {
      const past = await createEvent({
        name: 'Long gone',
        startsOn: inDays(-30),
        endsOn: inDays(-28),
        registrationClosesOn: inDays(-29),
      });
      const soon = await createEvent({
        name: 'Very soon',
        startsOn: inDays(1),
        endsOn: inDays(2),
      });
      const names = (await sx.call('get', '/events', BEN).expect(200)).body.map(
        (e: any) => e.name,
      );
      expect(names.indexOf('Very soon')).toBeLessThan(
        names.indexOf('Winter hack days'),
      );
      expect(names.indexOf('Winter hack days')).toBeLessThan(
        names.indexOf('Long gone'),
      );
      expect(names[0]).toBe('Very soon');
      expect(past.id).not.toBe(soon.id);
    });

    it("serves an event's calendar and a person's hacks calendar", async () => {
      const event = await createEvent({
        name: 'Calendar hack week',
        description: 'Build, demo; repeat',
        registrationClosesOn: inDays(11),
      });
      const other = await createEvent({ name: 'Not mine' });
      await sx.call('get', '/events/987654/calendar.ics', BEN).expect(404);
      const res = await sx
        .call('get', `/events/${event.id}/calendar.ics`, BEN)
        .expect(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(res.headers['content-disposition']).toContain(
        `hack-event-${event.id}.ics`,
      );
      const [days, deadline, ...rest] = parseVEvents(res.text);
      expect(rest).toEqual([]);
      expect(days).toMatchObject({
        UID: `skill-exchange-event-${event.id}@onramp`,
        SUMMARY: 'Calendar hack week',
        DTSTART: compact(inDays(10)),
        DTEND: compact(inDays(13)),
        URL: `http://localhost:3000/skill-exchange/events/${event.id}`,
      });
      expect(days.DESCRIPTION).toContain('Build, demo; repeat');
      expect(deadline).toMatchObject({
        UID: `skill-exchange-event-${event.id}-registration@onramp`,
        SUMMARY: 'Registration closes: Calendar hack week',
        DTSTART: compact(inDays(11)),
        DTEND: compact(inDays(12)),
      });

      // Ben owns a hack of one event and joined one of another; not the third.
      const joined = await createEvent({ name: 'Joined week' });
      await sx
        .call('post', '/posts', BEN)
        .send(hack('Ben hacks', { eventId: event.id }))
        .expect(201);
      const annas = (
        await sx
          .call('post', '/posts', ANNA)
          .send(hack('Anna hacks', { eventId: joined.id }))
          .expect(201)
      ).body;
      await sx
        .call('post', '/posts', ANNA)
        .send(hack('Not for Ben', { eventId: other.id }))
        .expect(201);
      await sx.call('post', `/posts/${annas.id}/members`, BEN).expect(201);
      const feed = await sx
        .call('get', '/profiles/me/hacks.ics', BEN)
        .expect(200);
      expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const uids = parseVEvents(feed.text).map(e => e.UID);
      expect(uids).toEqual(
        expect.arrayContaining([
          `skill-exchange-event-${event.id}@onramp`,
          `skill-exchange-event-${joined.id}@onramp`,
          `skill-exchange-event-${joined.id}-registration@onramp`,
        ]),
      );
      expect(uids.join()).not.toContain(`event-${other.id}@`);
      // Stable: a second download names the same events.
      const again = await sx.call('get', '/profiles/me/hacks.ics', BEN);
      expect(parseVEvents(again.text).map(e => e.UID)).toEqual(uids);
      const none = await sx.call('get', '/profiles/me/hacks.ics', CARA);
      expect(parseVEvents(none.text)).toEqual([]);
    });
  },
);
