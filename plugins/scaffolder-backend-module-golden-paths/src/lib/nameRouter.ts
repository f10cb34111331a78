import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { serviceNameProblem } from '@onramp/backstage-plugin-golden-paths-common';
import express from 'express';
import { ServiceNameChecker } from './nameCheck';

/**
 * GET /golden-paths/names/:name: whether a Day-1 service name is free
 * (a `ServiceNameCheck`), for the template form's name field. Asks the
 * catalog with the caller's credentials.
 */
export function createNameRouter(options: {
  httpAuth: HttpAuthService;
  check: ServiceNameChecker;
}) {
  const { httpAuth, check } = options;
  const router = express.Router();
  router.get('/golden-paths/names/:name', async (req, res, next) => {
    try {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const { name } = req.params;
      const problem = serviceNameProblem(name);
      if (problem) {
        throw new InputError(`Invalid service name '${name}': ${problem}`);
      }
      res.json(await check(name, credentials));
    } catch (e) {
      next(e);
    }
  });
  return router;
}
