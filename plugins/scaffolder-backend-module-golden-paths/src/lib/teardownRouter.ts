import type {
  AuditorService,
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  DiscoveryService,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ResponseError,
} from '@backstage/errors';
import {
  CREATED_BY_TASK_ANNOTATION,
  isDay1PracticeRun,
  PRACTICE_RUN_ANNOTATION,
  serviceNameProblem,
  TEARDOWN_TEMPLATE_REF,
  TeardownPlanView,
  TeardownStarted,
} from '@onramp/backstage-plugin-golden-paths-common';
import { audited, requireUser } from '@onramp/backstage-plugin-onramp-node';
import express, { Request } from 'express';
import { GoldenPathsSettings } from './config';
import { decideForService, ServiceAccess } from './serviceAccess';
import { describeTeardown } from './teardownDescription';

/**
 * The teardown of a Day-1 practice run from the portal:
 * - GET /golden-paths/teardown/:name: what it removes and whether you may;
 * - POST /golden-paths/teardown/:name: starts it as a scaffolder task
 *   (template `golden-path-teardown`, action `goldenpath:teardown`) on
 *   behalf of the signed-in user, audited (`golden-path-teardown`); 202 with
 *   the task. 403 unless the user owns the service's Component or is an
 *   admin, 404 when the catalog has no such Component for them, 409 when it
 *   is not a Day-1 practice run.
 */
export function createTeardownRouter(options: {
  settings: GoldenPathsSettings;
  httpAuth: HttpAuthService;
  auth: AuthService;
  discovery: DiscoveryService;
  auditor: AuditorService;
  access: ServiceAccess;
}) {
  const { settings, httpAuth, auth, discovery, auditor, access } = options;

  /** The service's Component and why this user may not tear it down. */
  async function decide(
    name: string,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ) {
    const decision = await decideForService(access, {
      name,
      credentials,
      verb: 'tear it down',
      nameCaller: true,
    });
    const { entity, entityRef, reason: refusal } = decision;
    if (!entity) {
      throw new NotFoundError(
        `The catalog has no Component ${name}: nothing to tear down`,
      );
    }
    const practiceRun = isDay1PracticeRun(entity);
    const notPractice = practiceRun
      ? undefined
      : `${entityRef} is not a practice run of the Day-1 template (${PRACTICE_RUN_ANNOTATION} is not "true"), so the portal does not tear it down; remove it as you would any service`;
    return { entity, entityRef, refusal, notPractice, practiceRun };
  }

  const nameOf = (req: Request) => {
    const { name } = req.params;
    const problem = serviceNameProblem(name);
    if (problem) {
      throw new InputError(`Invalid service name '${name}': ${problem}`);
    }
    return name;
  };

  async function startTask(
    credentials: BackstageCredentials,
    values: Record<string, string | undefined>,
  ) {
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'scaffolder',
    });
    const created = await fetch(
      `${await discovery.getBaseUrl('scaffolder')}/v2/tasks`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ templateRef: TEARDOWN_TEMPLATE_REF, values }),
      },
    );
    if (!created.ok) throw await ResponseError.fromResponse(created);
    return ((await created.json()) as { id: string }).id;
  }

  const router = express.Router();
  router.get('/golden-paths/teardown/:name', async (req, res, next) => {
    try {
      const { credentials } = await requireUser(httpAuth, req);
      const name = nameOf(req);
      const d = await decide(name, credentials);
      const reason = d.refusal ?? d.notPractice;
      const view: TeardownPlanView = {
        entityRef: d.entityRef,
        practiceRun: d.practiceRun,
        allowed: !reason,
        ...(reason ? { reason } : {}),
        removes: describeTeardown(settings, name),
      };
      res.json(view);
    } catch (e) {
      next(e);
    }
  });
  router.post('/golden-paths/teardown/:name', async (req, res, next) => {
    try {
      const { credentials } = await requireUser(httpAuth, req);
      const name = nameOf(req);
      const started = await audited(
        auditor,
        req,
        {
          eventId: 'golden-path-teardown',
          severityLevel: 'medium',
          meta: { entityRef: `component:default/${name}` },
        },
        async (): Promise<TeardownStarted> => {
          const d = await decide(name, credentials);
          if (d.refusal) throw new NotAllowedError(d.refusal);
          if (d.notPractice) throw new ConflictError(d.notPractice);
          const taskId = await startTask(credentials, {
            name,
            createdByTask:
              d.entity.metadata.annotations?.[CREATED_BY_TASK_ANNOTATION],
          });
          return {
            taskId,
            entityRef: d.entityRef,
            taskUrl: `/create/tasks/${encodeURIComponent(taskId)}`,
          };
        },
      );
      res.status(202).json(started);
    } catch (e) {
      next(e);
    }
  });
  return router;
}
