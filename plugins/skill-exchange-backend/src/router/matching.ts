import { InputError } from '@backstage/errors';
import {
  parseId,
  parseInput,
  requireUser,
} from '@onramp/backstage-plugin-onramp-node';
import {
  buddyCandidatesQuerySchema,
  expertsQuerySchema,
  matchesQuerySchema,
} from '@onramp/backstage-plugin-skill-exchange-common';
import Router from 'express-promise-router';
import type { RouteContext } from './context';

/** Experts by skill, onboarding buddies, people for a post, and posts for me. */
export function matchingRoutes({ services, httpAuth }: RouteContext) {
  const router = Router();

  router.get('/experts', async (req, res) => {
    await requireUser(httpAuth, req);
    const query = parseInput(expertsQuerySchema, req.query);
    res.json(await services.matching.findExperts(query));
  });

  // Golden Paths asks (service credentials) when a journey starts.
  router.get('/buddies/candidates', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const query = parseInput(buddyCandidatesQuerySchema, req.query);
    res.json(await services.matching.buddyCandidates(query));
  });

  router.get('/posts/:id/matches', async (req, res) => {
    await requireUser(httpAuth, req);
    const id = parseId(req.params.id);
    const { kind, ...page } = parseInput(matchesQuerySchema, req.query);
    if (kind) {
      throw new InputError('kind: not a filter of the matches of one post');
    }
    res.json(await services.matching.peopleForPost(id, page));
  });

  router.get('/matches/me', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const query = parseInput(matchesQuerySchema, req.query);
    res.json(await services.matching.postsForUser(caller.userEntityRef, query));
  });

  return router;
}
