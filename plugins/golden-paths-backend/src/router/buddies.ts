import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import {
  buddyChoiceSchema,
  journeyParamsSchema,
} from '@onramp/backstage-plugin-golden-paths-common';
import {
  audited,
  parseInput,
  requireUser,
} from '@onramp/backstage-plugin-onramp-node';
import Router from 'express-promise-router';
import { BuddyService } from '../service/BuddyService';

/** Onboarding buddies: a journey's buddy, confirm or decline, my people. */
export function buddiesRouter(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  buddies: BuddyService;
}) {
  const { httpAuth, auditor, buddies } = options;
  const router = Router();

  router.get('/buddies/me', async (req, res) => {
    const { userEntityRef } = await requireUser(httpAuth, req);
    res.json(await buddies.listMyPeople(userEntityRef));
  });

  router.get('/journeys/:journeyId/buddy', async (req, res) => {
    const { journeyId } = parseInput(journeyParamsSchema, req.params);
    const { userEntityRef } = await requireUser(httpAuth, req);
    res.json(await buddies.getJourneyBuddy(userEntityRef, journeyId));
  });

  for (const action of ['confirm', 'decline'] as const) {
    router.post(`/journeys/:journeyId/buddy/${action}`, async (req, res) => {
      const { journeyId } = parseInput(journeyParamsSchema, req.params);
      const { userEntityRef } = await requireUser(httpAuth, req);
      const { buddyRef } = parseInput(buddyChoiceSchema, req.body);
      const view = await audited(
        auditor,
        req,
        {
          eventId: `buddy-${action}`,
          severityLevel: 'medium',
          meta: { journeyId, buddyRef },
        },
        () => buddies[action](userEntityRef, journeyId, buddyRef),
      );
      res.json(view);
    });
  }

  return router;
}
