import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { metricsQuerySchema } from '@onramp/backstage-plugin-golden-paths-common';
import {
  audited,
  parseInput,
  requireUser,
  sendCsv,
} from '@onramp/backstage-plugin-onramp-node';
import Router from 'express-promise-router';
import { metricsTable, MetricsService } from '../service/metrics';

/** `GET /metrics` as JSON, or `?format=csv` as an audited download. */
export function metricsRouter(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  metrics: MetricsService;
}) {
  const { httpAuth, auditor, metrics } = options;
  const router = Router();
  router.get('/metrics', async (req, res) => {
    const { format, ...query } = parseInput(metricsQuerySchema, req.query);
    const { credentials } = await requireUser(httpAuth, req);
    const result = await metrics.get(credentials, query);
    if (format !== 'csv') {
      res.json(result);
      return;
    }
    const { header, rows } = await audited(
      auditor,
      req,
      { eventId: 'metrics-export', meta: { format: 'csv' } },
      async () => metricsTable(result),
    );
    sendCsv(res, 'golden-paths-metrics.csv', header, rows);
  });
  return router;
}
