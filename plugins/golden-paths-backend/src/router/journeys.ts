import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import {
  completeStepRequestSchema,
  journeyParamsSchema,
  myJourneysQuerySchema,
  startJourneyRequestSchema,
  stepParamsSchema,
} from '@onramp/backstage-plugin-golden-paths-common';
import {
  audited,
  parseInput,
  requireUser,
} from '@onramp/backstage-plugin-onramp-node';
import Router from 'express-promise-router';
import { JourneyService } from '../service/JourneyService';

/** A person's own journeys: start, read, complete self-attested steps. */
export function journeysRouter(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  journeys: JourneyService;
}) {
  const { httpAuth, auditor, journeys } = options;
  const router = Router();

  router.post('/journeys', async (req, res) => {
    const { userEntityRef } = await requireUser(httpAuth, req);
    const body = parseInput(startJourneyRequestSchema, req.body);
    const { journey, created } = await audited(
      auditor,
      req,
      {
        eventId: 'journey-start',
        severityLevel: 'medium',
        meta: { pathId: body.pathId },
      },
      () => journeys.startJourney(userEntityRef, body.pathId),
    );
    res.status(created ? 201 : 200).json(journey);
  });

  router.get('/journeys/me', async (req, res) => {
    const query = parseInput(myJourneysQuerySchema, req.query);
    const { userEntityRef } = await requireUser(httpAuth, req);
    res.json(await journeys.getMyJourneysPage(userEntityRef, query));
  });

  router.get('/journeys/:journeyId', async (req, res) => {
    const { journeyId } = parseInput(journeyParamsSchema, req.params);
    const { userEntityRef } = await requireUser(httpAuth, req);
    res.json(await journeys.getOwnJourney(userEntityRef, journeyId));
  });

  router.post('/journeys/:pathId/steps/:stepId/complete', async (req, res) => {
    const { userEntityRef } = await requireUser(httpAuth, req);
    const body = parseInput(completeStepRequestSchema, req.body);
    const { pathId, stepId } = parseInput(stepParamsSchema, req.params);
    const journey = await audited(
      auditor,
      req,
      {
        eventId: 'step-complete',
        severityLevel: 'medium',
        meta: { pathId, stepId, checkId: body.checkId },
      },
      () => journeys.completeManualStep(userEntityRef, pathId, stepId, body),
    );
    res.json(journey);
  });

  return router;
}
