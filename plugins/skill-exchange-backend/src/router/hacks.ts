import {
  audited,
  parseId,
  parseInput,
  requireUser,
} from '@onramp/backstage-plugin-onramp-node';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { RouteContext } from './context';

const RELATIONS = { follow: 'follows', save: 'saves' } as const;

/**
 * Joining and leaving hacks, following hacks and saving posts. Joining,
 * following and saving are idempotent: 201 to the request that created the
 * row, 200 with the same post to any repeat.
 */
export function hackRoutes({ services, httpAuth, auditor }: RouteContext) {
  const router = Router();

  router.post('/posts/:id/members', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const meta = { postId: req.params.id };
    const { value, created } = await audited(
      auditor,
      req,
      { eventId: 'hack-join', meta },
      () => {
        const id = parseId(req.params.id);
        parseInput(z.strictObject({}), req.body);
        return services.posts.join(id, caller);
      },
    );
    res.status(created ? 201 : 200).json(value);
  });

  router.delete('/posts/:id/members/me', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const meta = { postId: req.params.id };
    const post = await audited(
      auditor,
      req,
      { eventId: 'hack-leave', meta },
      () => services.posts.leave(parseId(req.params.id), caller),
    );
    res.json(post);
  });

  for (const [relation, table] of Object.entries(RELATIONS)) {
    const description = (req: { params: { id: string } }, action: string) => ({
      eventId: 'post-relation',
      meta: { postId: req.params.id, relation, action },
    });
    router.put(`/posts/:id/${relation}`, async (req, res) => {
      const caller = await requireUser(httpAuth, req);
      const { value, created } = await audited(
        auditor,
        req,
        description(req, 'add'),
        () => services.posts.relate(table, parseId(req.params.id), caller),
      );
      res.status(created ? 201 : 200).json(value);
    });
    router.delete(`/posts/:id/${relation}`, async (req, res) => {
      const caller = await requireUser(httpAuth, req);
      await audited(auditor, req, description(req, 'remove'), () =>
        services.posts.unrelate(table, parseId(req.params.id), caller),
      );
      res.status(204).end();
    });
  }

  return router;
}
