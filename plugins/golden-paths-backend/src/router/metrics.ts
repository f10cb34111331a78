import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { metricsQuerySchema } from '@onramp/backstage-plugin-golden-paths-common';
import {
  audited,
  parseInput,
  requireUser,
  sendCsv,
} from '@onramp/backstage-plugin-onramp-node';
import Router from 'express-promise-router';
import { MetricsService } from '../service/metrics';
import { metricsTable, onboardingTable } from '../service/csvTables';

/** `GET /metrics` as JSON, or `?format=csv` as an audited download. */
export function metricsRouter(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  metrics: MetricsService;
}) {
  const { httpAuth, auditor, metrics } = options;
  const router = Router();
  router.get('/metrics', async (req, res) => {
    const { format, table, ...query } = parseInput(
      metricsQuerySchema,
      req.query,
    );
    const { credentials } = await requireUser(httpAuth, req);
    const result = await metrics.get(credentials, query);
    if (format !== 'csv') {
      res.json(result);
      return;
    }
    const { header, rows } = await audited(
      auditor,
      req,
      {
        eventId: 'metrics-export',
        meta: { format: 'csv', table: table ?? 'funnels' },
      },
      async () =>
        table === 'onboarding' ? onboardingTable(result) : metricsTable(result),
    );
    sendCsv(
      res,
      table === 'onboarding'
        ? 'golden-paths-onboarding.csv'
        : 'golden-paths-metrics.csv',
      header,
      rows,
    );
  });
  return router;
}
