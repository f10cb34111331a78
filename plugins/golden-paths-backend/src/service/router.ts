import {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  completeStepRequestSchema,
  createCohortRequestSchema,
  goldenPathsCohortManagePermission,
  goldenPathsMetricsReadPermission,
  metricsQuerySchema,
  myJourneysQuerySchema,
  pageQuerySchema,
  recordEvidenceRequestSchema,
  startJourneyRequestSchema,
  updateCohortRequestSchema,
} from '@onramp/backstage-plugin-golden-paths-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { CohortRow, GoldenPathsStore } from '../database/GoldenPathsStore';
import { MetricsStore } from '../database/MetricsStore';
import { GoldenPathsService } from './GoldenPathsService';
import { computeMetrics, metricsToCsv } from './metrics';
import { GoldenPathRegistry } from './paths';

function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues
      .map(issue => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
      .join('; ');
    throw new InputError(`Invalid request: ${issues}`);
  }
  return result.data;
}

function cohortToJson(row: CohortRow) {
  return {
    ...row,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export type RouterOptions = {
  logger: LoggerService;
  auditor: AuditorService;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  config: RootConfigService;
  service: GoldenPathsService;
  store: GoldenPathsStore;
  metricsStore: MetricsStore;
  paths: GoldenPathRegistry;
  /** Whether an SCM source feeds "time to 10th merged PR". */
  pullRequests?: boolean;
  clock?: () => number;
};

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, userInfo, permissions, config, service, store, paths } =
    options;
  const clock = options.clock ?? Date.now;
  const viewers = (
    config.getOptionalStringArray('goldenPaths.metrics.viewers') ?? []
  ).map(ref => ref.toLocaleLowerCase());
  const deployEvidenceKey =
    config.getOptionalString('goldenPaths.metrics.deployEvidenceKey') ??
    'deploy.healthy';

  /** Runs a change (or a sensitive read) as an audit event. */
  async function audited<T>(
    req: Request,
    eventId: string,
    meta: Record<string, string | undefined>,
    fn: () => Promise<T>,
    severityLevel: 'low' | 'medium' = 'medium',
  ): Promise<T> {
    const cleanMeta = Object.fromEntries(
      Object.entries(meta).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
    const event = await options.auditor.createEvent({
      eventId,
      severityLevel,
      request: req,
      meta: cleanMeta,
    });
    try {
      const result = await fn();
      await event.success();
      return result;
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  }

  const router = Router();
  router.use(express.json({ limit: '256kb' }));

  async function me(req: Request) {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    return { credentials, userEntityRef: credentials.principal.userEntityRef };
  }

  /**
   * Metrics and cohorts are for members of `goldenPaths.metrics.viewers`,
   * and the permission policy may narrow that further.
   */
  async function requireViewer(
    req: Request,
    permission:
      | typeof goldenPathsMetricsReadPermission
      | typeof goldenPathsCohortManagePermission,
  ) {
    const { credentials } = await me(req);
    const info = await userInfo.getUserInfo(credentials);
    const refs = [info.userEntityRef, ...info.ownershipEntityRefs].map(ref =>
      ref.toLocaleLowerCase(),
    );
    if (!refs.some(ref => viewers.includes(ref))) {
      throw new NotAllowedError(
        'Onboarding metrics are for members of goldenPaths.metrics.viewers',
      );
    }
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
  }

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/paths', async (req, res) => {
    const page = parse(pageQuerySchema, req.query);
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const all = service.listPaths();
    res.json({
      items: all.slice(page.offset, page.offset + page.limit),
      totalCount: all.length,
      ...page,
    });
  });

  router.get('/paths/:pathId', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(service.getPath(req.params.pathId));
  });

  router.post('/journeys', async (req, res) => {
    const { userEntityRef } = await me(req);
    const body = parse(startJourneyRequestSchema, req.body ?? {});
    const { journey, created } = await audited(
      req,
      'journey-start',
      { pathId: body.pathId },
      () => service.startJourney(userEntityRef, body.pathId),
    );
    res.status(created ? 201 : 200).json(journey);
  });

  router.get('/journeys/me', async (req, res) => {
    const query = parse(myJourneysQuerySchema, req.query);
    const { userEntityRef } = await me(req);
    res.json(await service.getMyJourneysPage(userEntityRef, query));
  });

  router.get('/journeys/:journeyId', async (req, res) => {
    const { userEntityRef } = await me(req);
    const journey = await service.getJourneyById(req.params.journeyId);
    if (
      journey.userEntityRef.toLocaleLowerCase() !==
      userEntityRef.toLocaleLowerCase()
    ) {
      throw new NotAllowedError('You can only see your own journeys');
    }
    res.json(journey);
  });

  router.post('/journeys/:pathId/steps/:stepId/complete', async (req, res) => {
    const { userEntityRef } = await me(req);
    const body = parse(completeStepRequestSchema, req.body ?? {});
    const journey = await audited(
      req,
      'step-complete',
      {
        pathId: req.params.pathId,
        stepId: req.params.stepId,
        checkId: body.checkId,
      },
      () =>
        service.completeManualStep(
          userEntityRef,
          req.params.pathId,
          req.params.stepId,
          body,
        ),
    );
    res.json(journey);
  });

  router.post('/evidence', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    const body = parse(recordEvidenceRequestSchema, req.body);
    res.json(
      await audited(
        req,
        'evidence-record',
        {
          userEntityRef: body.userEntityRef,
          key: body.key,
          evidenceId: body.evidenceId,
          pathId: body.pathId,
          stepId: body.stepId,
        },
        () => service.recordEvidence(body),
      ),
    );
  });

  router.get('/metrics', async (req, res) => {
    const query = parse(metricsQuerySchema, req.query);
    await requireViewer(req, goldenPathsMetricsReadPermission);
    if (query.pathId && !paths.get(query.pathId)) {
      throw new NotFoundError(`No golden path "${query.pathId}"`);
    }
    const { format, ...filters } = query;
    const metrics = await computeMetrics({
      store: options.metricsStore,
      paths,
      query: filters,
      deployEvidenceKey,
      pullRequests: options.pullRequests,
      now: clock(),
    });
    if (format === 'csv') {
      await audited(
        req,
        'metrics-export',
        { format: 'csv' },
        async () => undefined,
        'low',
      );
      res
        .status(200)
        .type('text/csv')
        .setHeader(
          'Content-Disposition',
          'attachment; filename="golden-paths-metrics.csv"',
        )
        .send(metricsToCsv(metrics));
      return;
    }
    res.json(metrics);
  });

  router.get('/cohorts', async (req, res) => {
    const page = parse(pageQuerySchema, req.query);
    await requireViewer(req, goldenPathsMetricsReadPermission);
    const { rows, totalCount } = await store.listCohortsPage(page);
    res.json({ items: rows.map(cohortToJson), totalCount, ...page });
  });

  router.post('/cohorts', async (req, res) => {
    const body = parse(createCohortRequestSchema, req.body);
    await requireViewer(req, goldenPathsCohortManagePermission);
    const cohort = await audited(
      req,
      'cohort-create',
      { cohortId: body.id },
      () => store.createCohort(body, clock()),
    );
    res.status(201).json(cohortToJson(cohort));
  });

  router.put('/cohorts/:cohortId', async (req, res) => {
    const body = parse(updateCohortRequestSchema, req.body);
    await requireViewer(req, goldenPathsCohortManagePermission);
    const cohort = await audited(
      req,
      'cohort-update',
      { cohortId: req.params.cohortId },
      () => store.updateCohort(req.params.cohortId, body, clock()),
    );
    res.json(cohortToJson(cohort));
  });

  return router;
}
