import {
  audited,
  parseInput,
  requireUser,
} from '@onramp/backstage-plugin-onramp-node';
import {
  acceptSuggestionSchema,
  safeString,
} from '@onramp/backstage-plugin-skill-exchange-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { RouteContext } from './context';

const skillParamsSchema = z.strictObject({
  skill: safeString().trim().min(1).max(60),
});

/**
 * Suggested skills (from evidence) of the signed-in person, and refreshing
 * their evidence. There is no user in the path: suggestions are only ever
 * the caller's own. Mounted before `/profiles/:ref`.
 */
export function evidenceRoutes({ services, httpAuth, auditor }: RouteContext) {
  const router = Router();

  router.get('/profiles/me/suggestions', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    res.json(await services.evidence.suggestions(caller));
  });

  router.post('/profiles/me/evidence/refresh', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    parseInput(z.strictObject({}), req.body ?? {});
    await services.evidence.refresh([caller.userEntityRef]);
    res.json(await services.evidence.suggestions(caller));
  });

  router.post('/profiles/me/suggestions/:skill/accept', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const profile = await audited(
      auditor,
      req,
      {
        eventId: 'skill-suggestion',
        meta: { skill: req.params.skill, action: 'accept' },
      },
      async () => {
        const { skill } = parseInput(skillParamsSchema, req.params);
        const input = parseInput(acceptSuggestionSchema, req.body);
        await services.evidence.accept(caller, skill, input);
        return services.profiles.get(
          caller.userEntityRef,
          caller.userEntityRef,
        );
      },
    );
    res.json(profile);
  });

  router.post('/profiles/me/suggestions/:skill/reject', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const remaining = await audited(
      auditor,
      req,
      {
        eventId: 'skill-suggestion',
        meta: { skill: req.params.skill, action: 'reject' },
      },
      () => {
        const { skill } = parseInput(skillParamsSchema, req.params);
        parseInput(z.strictObject({}), req.body ?? {});
        return services.evidence.reject(caller, skill);
      },
    );
    res.json(remaining);
  });

  return router;
}
