import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import {
  pulseAnswerRequestSchema,
  pulseInsightsQuerySchema,
  pulseParamsSchema,
} from '@onramp/backstage-plugin-golden-paths-common';
import {
  audited,
  parseInput,
  requireUser,
  sendCsv,
} from '@onramp/backstage-plugin-onramp-node';
import Router from 'express-promise-router';
import { PulseService } from '../service/PulseService';
import { pulseTable } from '../service/pulseCsv';

/**
 * Pulse surveys: a person's own pulses (`/pulse/me`) and, for metrics
 * viewers, their insights (`/insights/pulse`, `.csv`).
 */
export function pulseRouter(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  pulse: PulseService;
}) {
  const { httpAuth, auditor, pulse } = options;
  const router = Router();

  router.get('/pulse/me', async (req, res) => {
    const { userEntityRef } = await requireUser(httpAuth, req);
    res.json(await pulse.getOwn(userEntityRef));
  });

  router.put('/pulse/me/:day', async (req, res) => {
    const { userEntityRef } = await requireUser(httpAuth, req);
    const { day } = parseInput(pulseParamsSchema, req.params);
    const body = parseInput(pulseAnswerRequestSchema, req.body);
    const answer = await audited(
      auditor,
      req,
      { eventId: 'pulse-answer', meta: { day } },
      () => pulse.answer(userEntityRef, day, body),
    );
    res.json(answer);
  });

  router.get('/insights/pulse', async (req, res) => {
    const query = parseInput(pulseInsightsQuerySchema, req.query);
    const { credentials } = await requireUser(httpAuth, req);
    res.json(await pulse.insights(credentials, query));
  });

  router.get('/insights/pulse.csv', async (req, res) => {
    const query = parseInput(pulseInsightsQuerySchema, req.query);
    const { credentials } = await requireUser(httpAuth, req);
    const insights = await pulse.insights(credentials, query);
    const { header, rows } = await audited(
      auditor,
      req,
      { eventId: 'pulse-export', meta: { format: 'csv', day: query.day } },
      async () => pulseTable(insights),
    );
    sendCsv(res, 'golden-paths-pulse.csv', header, rows);
  });

  return router;
}
