import { safeString } from '@onramp/backstage-plugin-onramp-common';
import {
  audited,
  parseId,
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
import type { RouteContext } from './context';

const skillsQuerySchema = z.strictObject({
  q: safeString().trim().max(60).optional(),
});

/** The skills taxonomy: anyone signed in reads it; taxonomy managers change it. */
export function skillRoutes({ services, httpAuth, auditor }: RouteContext) {
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

  router.put('/skills/:id', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const skill = await audited(
      auditor,
      req,
      audit('skill-update', req.params.id),
      () => {
        const id = parseId(req.params.id);
        const input = parseInput(skillUpdateSchema, req.body);
        return services.taxonomy.updateSkill(id, input, caller);
      },
    );
    res.json(skill);
  });

  router.post('/skills/:id/merge', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const skill = await audited(
      auditor,
      req,
      audit('skill-merge', req.params.id),
      () => {
        const id = parseId(req.params.id);
        const { into } = parseInput(skillMergeSchema, req.body);
        return services.taxonomy.mergeSkill(id, into, caller);
      },
    );
    res.json(skill);
  });

  return router;
}
