import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import {
  assignPathRequestSchema,
  cohortParamsSchema,
  nudgeRequestSchema,
  personSettingsSchema,
} from '@onramp/backstage-plugin-golden-paths-common';
import {
  audited,
  parseInput,
  requireUser,
} from '@onramp/backstage-plugin-onramp-node';
import Router from 'express-promise-router';
import { BootcampStore } from '../database';
import { BootcampService } from '../service/BootcampService';
import { TeamService } from '../service/TeamService';

/**
 * Bootcamps and managers: `GET /cohorts/mine`, a cohort's board
 * (`GET /cohorts/:cohortId/board`) and nudges (`POST .../nudges`,
 * `POST .../nudges/stuck`) for cohort managers; `GET /me` and
 * `PUT /me/settings`; `GET /team/onboarding` and
 * `POST /team/onboarding/assignments` for managers.
 */
export function bootcampsRouter(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  bootcamps: BootcampService;
  team: TeamService;
  settings: BootcampStore;
  clock?: () => number;
}) {
  const { httpAuth, auditor, bootcamps, team, settings } = options;
  const router = Router();

  router.get('/cohorts/mine', async (req, res) => {
    const { userEntityRef } = await requireUser(httpAuth, req);
    res.json({ items: await bootcamps.myCohorts(userEntityRef) });
  });

  router.get('/cohorts/:cohortId/board', async (req, res) => {
    const { credentials } = await requireUser(httpAuth, req);
    const { cohortId } = parseInput(cohortParamsSchema, req.params);
    res.json(await bootcamps.board(credentials, cohortId));
  });

  router.post('/cohorts/:cohortId/nudges', async (req, res) => {
    const { credentials, userEntityRef } = await requireUser(httpAuth, req);
    const { cohortId } = parseInput(cohortParamsSchema, req.params);
    const body = parseInput(nudgeRequestSchema, req.body);
    await audited(
      auditor,
      req,
      {
        eventId: 'cohort-nudge',
        severityLevel: 'low',
        meta: { cohortId, member: body.userEntityRef },
      },
      () =>
        bootcamps.nudge(
          credentials,
          userEntityRef,
          cohortId,
          body.userEntityRef,
        ),
    );
    res.status(204).end();
  });

  router.post('/cohorts/:cohortId/nudges/stuck', async (req, res) => {
    const { credentials, userEntityRef } = await requireUser(httpAuth, req);
    const { cohortId } = parseInput(cohortParamsSchema, req.params);
    const result = await audited(
      auditor,
      req,
      {
        eventId: 'cohort-nudge-stuck',
        severityLevel: 'low',
        meta: { cohortId },
      },
      () => bootcamps.nudgeStuck(credentials, userEntityRef, cohortId),
    );
    res.json(result);
  });

  router.get('/me', async (req, res) => {
    const { credentials, userEntityRef } = await requireUser(httpAuth, req);
    res.json({
      userEntityRef,
      settings: {
        shareSkillExchange: await settings.getSharing(userEntityRef),
      },
      canManageCohorts: await bootcamps.canManage(credentials),
    });
  });

  router.put('/me/settings', async (req, res) => {
    const body = parseInput(personSettingsSchema, req.body);
    const { userEntityRef } = await requireUser(httpAuth, req);
    const now = (options.clock ?? Date.now)();
    await settings.setSharing(userEntityRef, body.shareSkillExchange, now);
    res.json(body);
  });

  router.get('/team/onboarding', async (req, res) => {
    const { userEntityRef } = await requireUser(httpAuth, req);
    res.json(await team.onboarding(userEntityRef));
  });

  router.post('/team/onboarding/assignments', async (req, res) => {
    const body = parseInput(assignPathRequestSchema, req.body);
    const { userEntityRef } = await requireUser(httpAuth, req);
    const journey = await audited(
      auditor,
      req,
      {
        eventId: 'team-assign-path',
        severityLevel: 'medium',
        meta: { member: body.userEntityRef, pathId: body.pathId },
      },
      () => team.assign(userEntityRef, body),
    );
    res.status(201).json(journey);
  });

  return router;
}
