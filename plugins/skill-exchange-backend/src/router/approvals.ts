import {
  audited,
  parseId,
  parseInput,
  requireUser,
} from '@onramp/backstage-plugin-onramp-node';
import { approvalAnswerSchema } from '@onramp/backstage-plugin-skill-exchange-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { RouteContext } from './context';

/**
 * Manager approval of embeds: the applicant asks (201, or 200 with the same
 * request to a repeat), the manager asked answers, and lists what was put
 * to them. `GET /settings` tells the frontend the portal's policy.
 */
export function approvalRoutes({ services, httpAuth, auditor }: RouteContext) {
  const router = Router();

  router.get('/settings', async (req, res) => {
    await requireUser(httpAuth, req);
    res.json(services.approvals.settings());
  });

  router.get('/approvals', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    res.json(await services.approvals.list(caller));
  });

  router.post('/interests/:id/approval', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const meta = { interestId: req.params.id };
    const { value, created } = await audited(
      auditor,
      req,
      { eventId: 'approval-request', meta },
      () => {
        parseInput(z.strictObject({}), req.body);
        return services.approvals.request(parseId(req.params.id), caller);
      },
    );
    res.status(created ? 201 : 200).json(value);
  });

  router.post(
    '/interests/:id/approval/:answer(approve|decline)',
    async (req, res) => {
      const caller = await requireUser(httpAuth, req);
      const { answer } = req.params;
      const meta = { interestId: req.params.id, answer };
      const interest = await audited(
        auditor,
        req,
        { eventId: 'approval-answer', meta },
        () => {
          const { reason } = parseInput(approvalAnswerSchema, req.body);
          return services.approvals.answer(
            parseId(req.params.id),
            answer === 'approve',
            reason || undefined,
            caller,
          );
        },
      );
      res.json(interest);
    },
  );

  return router;
}
