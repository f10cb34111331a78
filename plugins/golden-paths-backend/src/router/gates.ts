import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import {
  declineStepRequestSchema,
  gateParamsSchema,
} from '@onramp/backstage-plugin-golden-paths-common';
import {
  audited,
  parseInput,
  requireUser,
} from '@onramp/backstage-plugin-onramp-node';
import Router from 'express-promise-router';
import { GateService } from '../service/GateService';

/**
 * Approval steps: `GET /approvals` (what waits for me),
 * `POST /journeys/:journeyId/steps/:stepId/approve` and `.../decline`
 * (`{ reason }`), for the step's approver only (403 for anyone else).
 */
export function gatesRouter(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  gates: GateService;
}) {
  const { httpAuth, auditor, gates } = options;
  const router = Router();

  router.get('/approvals', async (req, res) => {
    const { userEntityRef } = await requireUser(httpAuth, req);
    const items = await gates.listMyApprovals(userEntityRef);
    res.json({ items, totalItems: items.length, limit: 500, offset: 0 });
  });

  router.post(
    '/journeys/:journeyId/steps/:stepId/approve',
    async (req, res) => {
      const { userEntityRef } = await requireUser(httpAuth, req);
      const { journeyId, stepId } = parseInput(gateParamsSchema, req.params);
      await audited(
        auditor,
        req,
        {
          eventId: 'gate-approve',
          severityLevel: 'medium',
          meta: { journeyId, stepId },
        },
        () => gates.approve(userEntityRef, journeyId, stepId),
      );
      res.status(204).end();
    },
  );

  router.post(
    '/journeys/:journeyId/steps/:stepId/decline',
    async (req, res) => {
      const { userEntityRef } = await requireUser(httpAuth, req);
      const { journeyId, stepId } = parseInput(gateParamsSchema, req.params);
      const { reason } = parseInput(declineStepRequestSchema, req.body);
      await audited(
        auditor,
        req,
        {
          eventId: 'gate-decline',
          severityLevel: 'medium',
          meta: { journeyId, stepId },
        },
        () => gates.decline(userEntityRef, journeyId, stepId, reason),
      );
      res.status(204).end();
    },
  );

  return router;
}
