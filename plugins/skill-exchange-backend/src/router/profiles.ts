import { InputError } from '@backstage/errors';
import {
  audited,
  parseInput,
  requireUser,
} from '@onramp/backstage-plugin-onramp-node';
import {
  activitiesQuerySchema,
  profileInputSchema,
} from '@onramp/backstage-plugin-skill-exchange-common';
import Router from 'express-promise-router';
import type { RouteContext } from './context';

/** A user ref from the path, lower-cased; anything else is a 400. */
function userRefParam(value: string): string {
  const ref = value.toLocaleLowerCase();
  if (!/^user:[a-z0-9._-]+\/[a-z0-9._-]+$/.test(ref)) {
    throw new InputError(
      `Not a user entity ref: '${JSON.stringify(value).slice(1, -1)}'`,
    );
  }
  return ref;
}

/** Skill profiles: your own to edit, anyone's to read, and what people did to grow. */
export function profileRoutes({ services, httpAuth, auditor }: RouteContext) {
  const router = Router();

  router.get('/profiles/me', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    res.json(
      await services.profiles.get(caller.userEntityRef, caller.userEntityRef),
    );
  });

  router.put('/profiles/me', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const profile = await audited(
      auditor,
      req,
      { eventId: 'profile-update' },
      () =>
        services.profiles.save(
          parseInput(profileInputSchema, req.body),
          caller,
        ),
    );
    res.json(profile);
  });

  router.get('/profiles/:ref', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    res.json(
      await services.profiles.get(
        userRefParam(req.params.ref),
        caller.userEntityRef,
      ),
    );
  });

  router.get('/profiles/:ref/activities', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const ref =
      req.params.ref === 'me'
        ? caller.userEntityRef
        : userRefParam(req.params.ref);
    const page = parseInput(activitiesQuerySchema, req.query);
    res.json(await services.profiles.activities(ref, page, caller));
  });

  return router;
}
