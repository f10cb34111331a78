import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';

/** Merged pull requests by user ref, as the stand-in serves them. */
export type PullRequestsByUser = Record<
  string,
  Array<{ repository: string; mergedAt: string }>
>;

/**
 * A stand-in for the golden-paths backend plugin: `GET /pull-requests` for
 * services only, paged like the real one, from `pullRequests` (which a test
 * may change between refreshes). `calls` counts the requests it served.
 */
export function goldenPathsStandIn(pullRequests: PullRequestsByUser) {
  const calls = { count: 0 };
  const plugin = createBackendPlugin({
    pluginId: 'golden-paths',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          const router = Router();
          router.get('/pull-requests', async (req, res) => {
            await httpAuth.credentials(req, { allow: ['service'] });
            calls.count += 1;
            const all = pullRequests[String(req.query.user)] ?? [];
            const limit = Number(req.query.limit ?? 100);
            const offset = Number(req.query.offset ?? 0);
            res.json({
              items: all.slice(offset, offset + limit),
              totalItems: all.length,
              limit,
              offset,
            });
          });
          httpRouter.use(router);
        },
      });
    },
  });
  return { plugin, calls };
}
