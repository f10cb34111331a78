import {
  audited,
  parseInput,
  requireUser,
} from '@onramp/backstage-plugin-onramp-node';
import { safeString } from '@onramp/backstage-plugin-skill-exchange-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { RouteContext } from './context';

const learningQuerySchema = z.strictObject({
  skill: safeString().trim().min(1).max(60).optional(),
});

/**
 * Learning resources and the caller's completions. Marking one done is
 * idempotent: 201 to the request that created it, 200 to a repeat; 404 for
 * an id that is not configured. There is no user in the path: only the
 * signed-in person's own learning is read or written.
 */
export function learningRoutes({ services, httpAuth, auditor }: RouteContext) {
  const router = Router();

  router.get('/learning', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const { skill } = parseInput(learningQuerySchema, req.query);
    res.json(await services.learning.list(skill, caller));
  });

  router.get('/profiles/me/learning', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    res.json(await services.learning.goals(caller));
  });

  const description = (req: { params: { id: string } }, action: string) => ({
    eventId: 'learning-completion',
    meta: { resourceId: req.params.id, action },
  });

  router.put('/learning/:id/completion', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const { value, created } = await audited(
      auditor,
      req,
      description(req, 'add'),
      () => {
        parseInput(z.strictObject({}), req.body ?? {});
        return services.learning.complete(req.params.id, caller);
      },
    );
    res.status(created ? 201 : 200).json(value);
  });

  router.delete('/learning/:id/completion', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const resource = await audited(
      auditor,
      req,
      description(req, 'remove'),
      () => services.learning.uncomplete(req.params.id, caller),
    );
    res.json(resource);
  });

  return router;
}
