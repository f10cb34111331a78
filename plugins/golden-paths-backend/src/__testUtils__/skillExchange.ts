import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';

/** A candidate as the stand-in serves it. */
export type StandInCandidate = { user: string; reason: string };

/**
 * A stand-in for the skill-exchange backend plugin: `GET
 * /buddies/candidates` for services only, answering `state.candidates`
 * without the excluded people, or `state.status` (e.g. 500) when set.
 * `state.queries` keeps each query it was asked.
 */
export function skillExchangeStandIn(candidates: StandInCandidate[]) {
  const state = {
    candidates,
    status: 200,
    queries: [] as Array<Record<string, string>>,
  };
  const plugin = createBackendPlugin({
    pluginId: 'skill-exchange',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          const router = Router();
          router.get('/buddies/candidates', async (req, res) => {
            await httpAuth.credentials(req, { allow: ['service'] });
            const query = req.query as Record<string, string>;
            state.queries.push(query);
            if (state.status !== 200) {
              res.status(state.status).json({ error: { message: 'down' } });
              return;
            }
            const exclude = (query.exclude ?? '').split(',');
            res.json({
              items: state.candidates.filter(c => !exclude.includes(c.user)),
            });
          });
          httpRouter.use(router);
        },
      });
    },
  });
  return { plugin, state };
}
