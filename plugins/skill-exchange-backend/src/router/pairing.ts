import {
  audited,
  parseId,
  parseInput,
  requireUser,
} from '@onramp/backstage-plugin-onramp-node';
import { bookingInputSchema } from '@onramp/backstage-plugin-skill-exchange-common';
import Router from 'express-promise-router';
import type { RouteContext } from './context';

/**
 * Pairing sessions: booking a slot (201; 409 when someone else booked
 * first), cancelling the booking (the booker or the owner), and the
 * calendar invite of a booked session (its owner and booker only).
 */
export function pairingRoutes({ services, httpAuth, auditor }: RouteContext) {
  const router = Router();
  const meta = (req: { params: { id: string } }) => ({
    postId: req.params.id,
  });

  router.post('/posts/:id/booking', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const post = await audited(
      auditor,
      req,
      { eventId: 'pairing-book', meta: meta(req) },
      () => {
        const id = parseId(req.params.id);
        const { slotId } = parseInput(bookingInputSchema, req.body);
        return services.pairing.book(id, slotId, caller);
      },
    );
    res.status(201).json(post);
  });

  router.delete('/posts/:id/booking', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const post = await audited(
      auditor,
      req,
      { eventId: 'pairing-cancel', meta: meta(req) },
      () => services.pairing.cancel(parseId(req.params.id), caller),
    );
    res.json(post);
  });

  router.get('/posts/:id/invite.ics', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const id = parseId(req.params.id);
    const invite = await services.pairing.invite(id, caller);
    res
      .type('text/calendar; charset=utf-8')
      .attachment(`pairing-${id}.ics`)
      .send(invite);
  });

  return router;
}
