import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  pageQuerySchema,
  pathParamsSchema,
} from '@onramp/backstage-plugin-golden-paths-common';
import { parseInput } from '@onramp/backstage-plugin-onramp-node';
import Router from 'express-promise-router';
import { JourneyService } from '../service/JourneyService';

/** `GET /paths`, `GET /paths/:pathId`: for people and services. */
export function pathsRouter(options: {
  httpAuth: HttpAuthService;
  journeys: JourneyService;
}) {
  const { httpAuth, journeys } = options;
  const router = Router();
  router.get('/paths', async (req, res) => {
    const page = parseInput(pageQuerySchema, req.query);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const principal = credentials.principal as {
      type?: string;
      userEntityRef?: string;
    };
    const reader =
      principal.type === 'user' ? principal.userEntityRef : undefined;
    res.json(await journeys.listPaths(page, reader));
  });
  router.get('/paths/:pathId', async (req, res) => {
    const { pathId } = parseInput(pathParamsSchema, req.params);
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(journeys.getPath(pathId));
  });
  return router;
}
