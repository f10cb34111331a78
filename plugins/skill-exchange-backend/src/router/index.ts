import express from 'express';
import Router from 'express-promise-router';
import { approvalRoutes } from './approvals';
import type { RouteContext } from './context';
import { eventRoutes } from './events';
import { evidenceRoutes } from './evidence';
import { hackRoutes } from './hacks';
import { insightsRoutes } from './insights';
import { interestRoutes } from './interests';
import { learningRoutes } from './learning';
import { matchingRoutes } from './matching';
import { pairingRoutes } from './pairing';
import { postRoutes } from './posts';
import { profileRoutes } from './profiles';
import { reportRoutes } from './reports';
import { retroRoutes } from './retros';
import { searchDocumentRoutes } from './searchDocuments';
import { skillRoutes } from './skills';
import { teamRoutes } from './teams';

/** The REST API at /api/skill-exchange: one file per resource. */
export function createRouter(context: RouteContext): express.Router {
  const router = Router();
  router.use(express.json({ limit: '64kb' }));
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  for (const routes of [
    skillRoutes,
    postRoutes,
    reportRoutes,
    interestRoutes,
    approvalRoutes,
    hackRoutes,
    pairingRoutes,
    eventRoutes,
    learningRoutes,
    retroRoutes,
    evidenceRoutes,
    profileRoutes,
    teamRoutes,
    matchingRoutes,
    insightsRoutes,
    searchDocumentRoutes,
  ]) {
    router.use(routes(context));
  }
  return router;
}

export type { RouteContext } from './context';
