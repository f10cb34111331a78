import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import {
  cohortParamsSchema,
  createCohortRequestSchema,
  pageQuerySchema,
  updateCohortRequestSchema,
} from '@onramp/backstage-plugin-golden-paths-common';
import {
  audited,
  parseInput,
  requireUser,
} from '@onramp/backstage-plugin-onramp-node';
import Router from 'express-promise-router';
import { CohortService } from '../service/CohortService';

/** Cohorts, for metrics viewers; changes guarded by their version (409). */
export function cohortsRouter(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  cohorts: CohortService;
}) {
  const { httpAuth, auditor, cohorts } = options;
  const router = Router();

  router.get('/cohorts', async (req, res) => {
    const page = parseInput(pageQuerySchema, req.query);
    const { credentials } = await requireUser(httpAuth, req);
    res.json(await cohorts.list(credentials, page));
  });

  router.post('/cohorts', async (req, res) => {
    const body = parseInput(createCohortRequestSchema, req.body);
    const { credentials } = await requireUser(httpAuth, req);
    const cohort = await audited(
      auditor,
      req,
      {
        eventId: 'cohort-create',
        severityLevel: 'medium',
        meta: { cohortId: body.id },
      },
      () => cohorts.create(credentials, body),
    );
    res.status(201).json(cohort);
  });

  router.put('/cohorts/:cohortId', async (req, res) => {
    const body = parseInput(updateCohortRequestSchema, req.body);
    const { credentials } = await requireUser(httpAuth, req);
    const { cohortId } = parseInput(cohortParamsSchema, req.params);
    const cohort = await audited(
      auditor,
      req,
      { eventId: 'cohort-update', severityLevel: 'medium', meta: { cohortId } },
      () => cohorts.update(credentials, cohortId, body),
    );
    res.json(cohort);
  });

  return router;
}
