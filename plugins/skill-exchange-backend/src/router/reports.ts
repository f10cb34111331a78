import {
  audited,
  parseId,
  parseInput,
  requireUser,
} from '@onramp/backstage-plugin-onramp-node';
import {
  reportInputSchema,
  reportResolutionSchema,
  reportsQuerySchema,
} from '@onramp/backstage-plugin-skill-exchange-common';
import Router from 'express-promise-router';
import { changeById } from './byId';
import type { RouteContext } from './context';

/** Reports of posts: anyone signed in files one; moderators list and resolve them. */
export function reportRoutes(ctx: RouteContext) {
  const { services, httpAuth, auditor } = ctx;
  const router = Router();

  router.post('/posts/:id/reports', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    await audited(
      auditor,
      req,
      { eventId: 'post-report', meta: { postId: req.params.id } },
      () =>
        services.moderation.report(
          parseId(req.params.id),
          parseInput(reportInputSchema, req.body),
          caller,
        ),
    );
    res.status(204).end();
  });

  router.get('/reports', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const query = parseInput(reportsQuerySchema, req.query);
    res.json(await services.moderation.list(query, caller));
  });

  router.post(
    '/reports/:id/resolve',
    changeById(
      ctx,
      postId => ({
        eventId: 'post-moderate',
        severityLevel: 'medium',
        meta: { postId },
      }),
      reportResolutionSchema,
      (id, resolution, caller) =>
        services.moderation.resolve(id, resolution, caller),
    ),
  );

  return router;
}
