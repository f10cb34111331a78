import {
  audited,
  parseId,
  parseInput,
  requireUser,
} from '@onramp/backstage-plugin-onramp-node';
import {
  eventInputSchema,
  eventUpdateSchema,
} from '@onramp/backstage-plugin-skill-exchange-common';
import Router from 'express-promise-router';
import { changeById, deleteById } from './byId';
import type { RouteContext } from './context';

/**
 * Hack events: anyone signed in reads them (and their iCalendar files);
 * organisers change them.
 */
export function eventRoutes(ctx: RouteContext) {
  const { services, httpAuth, auditor } = ctx;
  const router = Router();

  router.get('/events', async (req, res) => {
    await requireUser(httpAuth, req);
    res.json(await services.taxonomy.listEvents());
  });

  router.post('/events', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const event = await audited(auditor, req, { eventId: 'event-create' }, () =>
      services.taxonomy.createEvent(
        parseInput(eventInputSchema, req.body),
        caller,
      ),
    );
    res.status(201).json(event);
  });

  router.get('/events/:id', async (req, res) => {
    await requireUser(httpAuth, req);
    res.json(await services.taxonomy.getEvent(parseId(req.params.id)));
  });

  router.put(
    '/events/:id',
    changeById(
      ctx,
      eventId => ({ eventId: 'event-update', meta: { eventId } }),
      eventUpdateSchema,
      (id, input, caller) => services.taxonomy.updateEvent(id, input, caller),
    ),
  );

  router.delete(
    '/events/:id',
    deleteById(
      ctx,
      eventId => ({
        eventId: 'event-delete',
        severityLevel: 'medium',
        meta: { eventId },
      }),
      (id, caller) => services.taxonomy.deleteEvent(id, caller),
    ),
  );

  router.get('/events/:id/calendar.ics', async (req, res) => {
    await requireUser(httpAuth, req);
    const id = parseId(req.params.id);
    const calendar = await services.calendars.eventCalendar(id);
    res
      .type('text/calendar; charset=utf-8')
      .attachment(`hack-event-${id}.ics`)
      .send(calendar);
  });

  router.get('/profiles/me/hacks.ics', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    res
      .type('text/calendar; charset=utf-8')
      .attachment('my-hacks.ics')
      .send(await services.calendars.hackerCalendar(caller));
  });

  return router;
}
