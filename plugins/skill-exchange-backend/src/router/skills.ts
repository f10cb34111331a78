import { safeString } from '@onramp/backstage-plugin-onramp-common';
import {
  audited,
  parseInput,
  requireUser,
} from '@onramp/backstage-plugin-onramp-node';
import {
  skillInputSchema,
  skillMergeSchema,
  skillUpdateSchema,
} from '@onramp/backstage-plugin-skill-exchange-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { changeById } from './byId';
import type { RouteContext } from './context';

const skillsQuerySchema = z.strictObject({
  q: safeString().trim().max(60).optional(),
});

/** The skills taxonomy: anyone signed in reads it; taxonomy managers change it. */
export function skillRoutes(ctx: RouteContext) {
  const { services, httpAuth, auditor } = ctx;
  const router = Router();
  const audit = (eventId: string, skillId?: string) => ({
    eventId,
    severityLevel: 'medium' as const,
    meta: { skillId },
  });

  router.get('/skills', async (req, res) => {
    await requireUser(httpAuth, req);
    const { q } = parseInput(skillsQuerySchema, req.query);
    res.json(await services.taxonomy.listSkills(q));
  });

  router.post('/skills', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const skill = await audited(auditor, req, audit('skill-create'), () =>
      services.taxonomy.addSkill(
        parseInput(skillInputSchema, req.body),
        caller,
      ),
    );
    res.status(201).json(skill);
  });

  router.put(
    '/skills/:id',
    changeById(
      ctx,
      id => audit('skill-update', id),
      skillUpdateSchema,
      (id, input, caller) => services.taxonomy.updateSkill(id, input, caller),
    ),
  );

  router.post(
    '/skills/:id/merge',
    changeById(
      ctx,
      id => audit('skill-merge', id),
      skillMergeSchema,
      (id, { into }, caller) => services.taxonomy.mergeSkill(id, into, caller),
    ),
  );

  return router;
}
