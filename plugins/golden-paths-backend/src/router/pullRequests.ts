import { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { pullRequestsQuerySchema } from '@onramp/backstage-plugin-golden-paths-common';
import { parseInput } from '@onramp/backstage-plugin-onramp-node';
import Router from 'express-promise-router';
import { MergedPullRequestStore } from '../database';

/**
 * `GET /pull-requests?user=&since=`: one person's merged pull requests
 * (repository, mergedAt), newest first, one page. For services (e.g. the
 * Skill Exchange's evidence) and for the person themself; anyone else 403.
 */
export function pullRequestsRouter(options: {
  httpAuth: HttpAuthService;
  store: MergedPullRequestStore;
}) {
  const { httpAuth, store } = options;
  const router = Router();
  router.get('/pull-requests', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { user, ...query } = parseInput(pullRequestsQuerySchema, req.query);
    const ref = user.toLocaleLowerCase();
    if (
      'userEntityRef' in credentials.principal &&
      credentials.principal.userEntityRef.toLocaleLowerCase() !== ref
    ) {
      throw new NotAllowedError('You may only read your own pull requests');
    }
    res.json(await store.listForUser(ref, query));
  });
  return router;
}
