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
import { changeById, deleteById } from './byId';
import type { RouteContext } from './context';

/** Posts: list, read, create, edit, change status, delete. */
export function postRoutes(ctx: RouteContext) {
  const { services, httpAuth, auditor } = ctx;
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

  router.put(
    '/posts/:id',
    changeById(
      ctx,
      postId => ({ eventId: 'post-update', meta: { postId } }),
      postUpdateSchema,
      (id, { version, ...input }, caller) =>
        services.posts.update(id, input, version, caller),
    ),
  );

  router.post(
    '/posts/:id/status',
    changeById(
      ctx,
      postId => ({ eventId: 'post-status', meta: { postId } }),
      postStatusSchema,
      (id, { status, version }, caller) =>
        services.posts.setStatus(id, status, version, caller),
    ),
  );

  router.delete(
    '/posts/:id',
    deleteById(
      ctx,
      postId => ({
        eventId: 'post-delete',
        severityLevel: 'medium',
        meta: { postId },
      }),
      (id, caller) => services.posts.delete(id, caller),
    ),
  );

  return router;
}
