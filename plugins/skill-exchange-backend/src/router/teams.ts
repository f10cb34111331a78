import { parseInput, requireUser } from '@onramp/backstage-plugin-onramp-node';
import { teamSkillsQuerySchema } from '@onramp/backstage-plugin-skill-exchange-common';
import Router from 'express-promise-router';
import type { RouteContext } from './context';

/** How a group's members cover skills, and the gaps its open posts show. */
export function teamRoutes({ services, httpAuth }: RouteContext) {
  const router = Router();

  router.get('/teams/skills', async (req, res) => {
    await requireUser(httpAuth, req);
    const { group } = parseInput(teamSkillsQuerySchema, req.query);
    res.json(await services.profiles.teamSkills(group));
  });

  return router;
}
