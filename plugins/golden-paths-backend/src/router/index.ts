import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import {
  BootcampStore,
  LocalCiStore,
  MergedPullRequestStore,
} from '../database';
import { GoldenPathsServices } from '../service';
import { buddiesRouter } from './buddies';
import { bootcampsRouter } from './bootcamps';
import { cohortsRouter } from './cohorts';
import { evidenceRouter } from './evidence';
import { gatesRouter } from './gates';
import { journeysRouter } from './journeys';
import { localCiRouter } from './localCi';
import { metricsRouter } from './metrics';
import { pathsRouter } from './paths';
import { pullRequestsRouter } from './pullRequests';
import { pulseRouter } from './pulse';

/** The REST API: one router per resource, each talking to its service. */
export function createRouter(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  services: GoldenPathsServices;
  localCi: LocalCiStore;
  mergedPullRequests: MergedPullRequestStore;
  /** The person settings (`PUT /me/settings`). */
  settings: BootcampStore;
  /** Brings the paths read from the catalog up to date (cached briefly). */
  freshPaths?: () => Promise<void>;
}): express.Router {
  const { httpAuth, auditor, services } = options;
  const router = Router();
  router.use(express.json({ limit: '256kb' }));
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.use(async (_req, _res, next) => {
    await options.freshPaths?.();
    next();
  });
  router.use(pathsRouter({ httpAuth, journeys: services.journeys }));
  router.use(gatesRouter({ httpAuth, auditor, gates: services.gates }));
  router.use(
    journeysRouter({ httpAuth, auditor, journeys: services.journeys }),
  );
  router.use(
    evidenceRouter({ httpAuth, auditor, evidence: services.evidence }),
  );
  router.use(metricsRouter({ httpAuth, auditor, metrics: services.metrics }));
  router.use(
    bootcampsRouter({
      httpAuth,
      auditor,
      bootcamps: services.bootcamps,
      team: services.team,
      settings: options.settings,
    }),
  );
  router.use(cohortsRouter({ httpAuth, auditor, cohorts: services.cohorts }));
  router.use(buddiesRouter({ httpAuth, auditor, buddies: services.buddies }));
  router.use(pulseRouter({ httpAuth, auditor, pulse: services.pulse }));
  router.use(localCiRouter({ httpAuth, store: options.localCi }));
  router.use(
    pullRequestsRouter({ httpAuth, store: options.mergedPullRequests }),
  );
  return router;
}
