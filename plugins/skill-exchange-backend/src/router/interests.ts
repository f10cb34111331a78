import {
  audited,
  parseId,
  parseInput,
  requireUser,
} from '@onramp/backstage-plugin-onramp-node';
import { interestInputSchema } from '@onramp/backstage-plugin-skill-exchange-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { RouteContext } from './context';

/**
 * Interest in embeds and mentorships. Expressing it is idempotent: 201 to
 * the request that created it, 200 with the same interest to a repeat, 409
 * when it was declined.
 */
export function interestRoutes({ services, httpAuth, auditor }: RouteContext) {
  const router = Router();

  router.post('/posts/:id/interests', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const meta = { postId: req.params.id };
    const { value, created } = await audited(
      auditor,
      req,
      { eventId: 'interest-create', meta },
      () => {
        const id = parseId(req.params.id);
        const { message } = parseInput(interestInputSchema, req.body);
        return services.interests.express(id, message, caller);
      },
    );
    res.status(created ? 201 : 200).json(value);
  });

  router.get('/posts/:id/interests', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    res.json(await services.interests.list(parseId(req.params.id), caller));
  });

  router.post(
    '/interests/:id/:answer(accept|decline|withdraw)',
    async (req, res) => {
      const caller = await requireUser(httpAuth, req);
      const { answer } = req.params;
      const meta = { interestId: req.params.id, answer };
      const interest = await audited(
        auditor,
        req,
        { eventId: 'interest-answer', meta },
        () => {
          const id = parseId(req.params.id);
          parseInput(z.strictObject({}), req.body);
          return answer === 'withdraw'
            ? services.interests.withdraw(id, caller)
            : services.interests.answer(id, answer === 'accept', caller);
        },
      );
      res.json(interest);
    },
  );

  return router;
}
