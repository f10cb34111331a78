import { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { localCiRunsQuerySchema } from '@onramp/backstage-plugin-golden-paths-common';
import { parseId, parseInput } from '@onramp/backstage-plugin-onramp-node';
import Router from 'express-promise-router';
import { LocalCiStore } from '../database';

/**
 * `GET /local-ci/runs?repository=` (newest first, one page) and
 * `GET /local-ci/runs/:runId`: the local CI runs of the repositories under
 * the git root, with their steps and log tails, for people and services.
 */
export function localCiRouter(options: {
  httpAuth: HttpAuthService;
  store: LocalCiStore;
}) {
  const { httpAuth, store } = options;
  const router = Router();
  router.get('/local-ci/runs', async (req, res) => {
    const query = parseInput(localCiRunsQuerySchema, req.query);
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const { items, totalItems } = await store.listRuns(query.repository, query);
    res.json({ items, totalItems, limit: query.limit, offset: query.offset });
  });
  router.get('/local-ci/runs/:runId', async (req, res) => {
    const runId = parseId(req.params.runId, 'runId');
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const run = await store.getRun(runId);
    if (!run) {
      throw new NotFoundError(`No local CI run ${runId}`);
    }
    res.json(run);
  });
  return router;
}
