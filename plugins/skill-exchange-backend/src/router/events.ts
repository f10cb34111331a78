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
import type { RouteContext } from './context';

/** Hack events: anyone signed in reads them; organisers change them. */
export function eventRoutes({ services, httpAuth, auditor }: RouteContext) {
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

  router.put('/events/:id', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const meta = { eventId: req.params.id };
    const event = await audited(
      auditor,
      req,
      { eventId: 'event-update', meta },
      () => {
        const id = parseId(req.params.id);
        const input = parseInput(eventUpdateSchema, req.body);
        return services.taxonomy.updateEvent(id, input, caller);
      },
    );
    res.json(event);
  });

  router.delete('/events/:id', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    await audited(
      auditor,
      req,
      {
        eventId: 'event-delete',
        severityLevel: 'medium',
        meta: { eventId: req.params.id },
      },
      () => services.taxonomy.deleteEvent(parseId(req.params.id), caller),
    );
    res.status(204).end();
  });

  return router;
}
