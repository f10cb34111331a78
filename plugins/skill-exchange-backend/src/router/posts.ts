import {
  audited,
  parseId,
  parseInput,
  requireUser,
} from '@onramp/backstage-plugin-onramp-node';
import {
  listPostsQuerySchema,
  postInputSchema,
  postStatusSchema,
  postUpdateSchema,
} from '@onramp/backstage-plugin-skill-exchange-common';
import Router from 'express-promise-router';
import type { RouteContext } from './context';

/** Posts: list, read, create, edit, change status, delete. */
export function postRoutes({ services, httpAuth, auditor }: RouteContext) {
  const router = Router();

  router.get('/posts', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const query = parseInput(listPostsQuerySchema, req.query);
    res.json(await services.posts.list(query, caller));
  });

  router.post('/posts', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const post = await audited(auditor, req, { eventId: 'post-create' }, () =>
      services.posts.create(parseInput(postInputSchema, req.body), caller),
    );
    res.status(201).json(post);
  });

  router.get('/posts/:id', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    res.json(await services.posts.get(parseId(req.params.id), caller));
  });

  router.put('/posts/:id', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const meta = { postId: req.params.id };
    const post = await audited(
      auditor,
      req,
      { eventId: 'post-update', meta },
      () => {
        const id = parseId(req.params.id);
        const { version, ...input } = parseInput(postUpdateSchema, req.body);
        return services.posts.update(id, input, version, caller);
      },
    );
    res.json(post);
  });

  router.post('/posts/:id/status', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const meta = { postId: req.params.id };
    const post = await audited(
      auditor,
      req,
      { eventId: 'post-status', meta },
      () => {
        const id = parseId(req.params.id);
        const { status, version } = parseInput(postStatusSchema, req.body);
        return services.posts.setStatus(id, status, version, caller);
      },
    );
    res.json(post);
  });

  router.delete('/posts/:id', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    await audited(
      auditor,
      req,
      {
        eventId: 'post-delete',
        severityLevel: 'medium',
        meta: { postId: req.params.id },
      },
      () => services.posts.delete(parseId(req.params.id), caller),
    );
    res.status(204).end();
  });

  return router;
}
