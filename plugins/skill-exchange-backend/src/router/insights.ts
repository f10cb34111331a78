import {
  audited,
  parseInput,
  requireUser,
  sendCsv,
} from '@onramp/backstage-plugin-onramp-node';
import { insightsQuerySchema } from '@onramp/backstage-plugin-skill-exchange-common';
import Router from 'express-promise-router';
import type { RouteContext } from './context';

/** Supply and demand per skill, as JSON and as an (audited) CSV export. */
export function insightsRoutes({ services, httpAuth, auditor }: RouteContext) {
  const router = Router();

  router.get('/insights', async (req, res) => {
    await requireUser(httpAuth, req);
    const query = parseInput(insightsQuerySchema, req.query);
    res.json(await services.matching.insights(query));
  });

  router.get('/insights.csv', async (req, res) => {
    await requireUser(httpAuth, req);
    const { header, rows } = await audited(
      auditor,
      req,
      { eventId: 'insights-export' },
      () =>
        services.matching.insightsTable(
          parseInput(insightsQuerySchema, req.query),
        ),
    );
    sendCsv(res, 'skill-exchange-insights.csv', header, rows);
  });

  return router;
}
