import { safeString } from '@onramp/backstage-plugin-onramp-common';
import { parseId, parseInput } from '@onramp/backstage-plugin-onramp-node';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { RouteContext } from './context';

const documentsQuerySchema = z.strictObject({
  type: z.enum(['posts', 'profiles']),
  after: safeString().max(300).default(''),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

/**
 * Documents for the Backstage search index, paged by a cursor. Only for
 * other backend plugins (the search collator), never for users.
 */
export function searchDocumentRoutes({ services, httpAuth }: RouteContext) {
  const router = Router();

  router.get('/collator/documents', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    const { type, after, limit } = parseInput(documentsQuerySchema, req.query);
    res.json(
      type === 'posts'
        ? await services.searchDocuments.posts(
            after ? parseId(after, 'after') : 0,
            limit,
          )
        : await services.searchDocuments.profiles(after, limit),
    );
  });

  return router;
}
