import type {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  LocalRuntimeAction,
  serviceNameProblem,
} from '@onramp/backstage-plugin-golden-paths-common';
import { audited, requireUser } from '@onramp/backstage-plugin-onramp-node';
import express, { Request } from 'express';
import { LOCAL_RUNTIME_TITLE } from '../providers/deploy/local';
import { GoldenPathsSettings } from './config';
import { readDesiredServices } from './localRuntime/desired';
import { LocalRuntime } from './localRuntime/runtime';
import { decideForService, ServiceAccess } from './serviceAccess';
import { runtimeView } from './runtimeView';

const ACTIONS: LocalRuntimeAction[] = ['restart', 'stop', 'start'];

/**
 * The Runtime card's API, under /api/scaffolder:
 * - GET  /golden-paths/runtime/:name: status, URL, commit, uptime, restarts,
 *   last health check (asked now when the process runs), the last 50 log
 *   lines without this machine's paths, and the caller's allowed actions;
 *   for any signed-in user.
 * - POST /golden-paths/runtime/:name/{restart,stop,start}: for the owner of
 *   the service's Component and admins (403 for anyone else), audited;
 *   answers the new state.
 * Every route answers 404 with a sentence when the deploy provider is not
 * the local runtime, or when the runtime has no such service.
 */
export function createRuntimeRouter(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  settings: GoldenPathsSettings;
  /** The deploy provider in use (goldenPaths.providers.deploy). */
  deployProvider: string;
  runtime: LocalRuntime;
  access: ServiceAccess;
}) {
  const { httpAuth, auditor, settings, deployProvider, runtime, access } =
    options;
  const router = express.Router();

  async function serviceOf(req: Request) {
    const { credentials, userEntityRef } = await requireUser(httpAuth, req);
    const { name } = req.params;
    const problem = serviceNameProblem(name);
    if (problem) {
      throw new InputError(`Invalid service name '${name}': ${problem}`);
    }
    if (deployProvider !== 'local') {
      throw new NotFoundError(
        `Day-1 services here are deployed by the '${deployProvider}' provider, not the ${LOCAL_RUNTIME_TITLE}: there is no runtime to show for ${name}`,
      );
    }
    if (!(await runtime.status(name))) {
      throw new NotFoundError(
        `${name} does not run on the ${LOCAL_RUNTIME_TITLE}: it was never deployed here, or it was torn down`,
      );
    }
    return { name, credentials, userEntityRef };
  }

  /** Restart and stop are for the owner of the service's Component and admins. */
  const decide = (
    name: string,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ) =>
    decideForService(access, {
      name,
      credentials,
      verb: `restart or stop ${name}`,
    });

  async function view(
    name: string,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ) {
    await runtime.checkHealthNow(name);
    const state = await runtime.status(name);
    if (!state) {
      throw new NotFoundError(
        `${name} was torn down on the ${LOCAL_RUNTIME_TITLE}`,
      );
    }
    return runtimeView({
      settings,
      name,
      state,
      logLines: await runtime.logTail(name, 50),
      access: await decide(name, credentials),
    });
  }

  /** Starts the service again: the same build when this backend has it, else the desired commit. */
  async function start(name: string, reason: string) {
    if (await runtime.restart(name, reason)) return;
    const desired = (await readDesiredServices(settings)).find(
      d => d.name === name,
    );
    if (!desired) {
      throw new NotFoundError(
        `The deploy repository ${settings.deploy.repository} no longer says ${name} should run; deploy it again`,
      );
    }
    await runtime.run(desired);
  }

  router.get('/golden-paths/runtime/:name', async (req, res, next) => {
    try {
      const { name, credentials } = await serviceOf(req);
      res.json(await view(name, credentials));
    } catch (e) {
      next(e);
    }
  });

  router.post('/golden-paths/runtime/:name/:action', async (req, res, next) => {
    try {
      const action = req.params.action as LocalRuntimeAction;
      if (!ACTIONS.includes(action)) {
        throw new NotFoundError(
          `Unknown runtime action '${req.params.action}'; one of ${ACTIONS.join(
            ', ',
          )}`,
        );
      }
      const { name, credentials, userEntityRef } = await serviceOf(req);
      await audited(
        auditor,
        req,
        {
          eventId: `local-runtime-${action}`,
          severityLevel: 'medium',
          meta: { service: name, action },
        },
        async () => {
          const decision = await decide(name, credentials);
          if (!decision.allowed) throw new NotAllowedError(decision.reason);
          const reason = `${action} asked by ${userEntityRef}`;
          if (action === 'stop') {
            await runtime.stop(name, reason);
          } else if (
            action === 'restart' ||
            !(await runtime.status(name))?.running
          ) {
            await start(name, reason);
          }
        },
      );
      res.json(await view(name, credentials));
    } catch (e) {
      next(e);
    }
  });
  return router;
}
