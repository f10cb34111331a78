import {
  audited,
  parseId,
  parseInput,
  requireUser,
  sendCsv,
} from '@onramp/backstage-plugin-onramp-node';
import { retroInputSchema } from '@onramp/backstage-plugin-skill-exchange-common';
import Router from 'express-promise-router';
import type { RouteContext } from './context';

/**
 * Retros after stints. Only the signed-in person's own retros are read or
 * written; others see them only counted in `/insights/retros`, in groups of
 * at least `skillExchange.retros.minimumGroupSize`.
 */
export function retroRoutes({ services, httpAuth, auditor }: RouteContext) {
  const router = Router();

  router.get('/retros/due', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    res.json(await services.retros.due(caller));
  });

  router.get('/posts/:id/retro', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    res.json(await services.retros.state(parseId(req.params.id), caller));
  });

  router.post('/posts/:id/retro', async (req, res) => {
    const caller = await requireUser(httpAuth, req);
    const state = await audited(
      auditor,
      req,
      { eventId: 'retro-write', meta: { postId: req.params.id } },
      () =>
        services.retros.write(
          parseId(req.params.id),
          parseInput(retroInputSchema, req.body),
          caller,
        ),
    );
    res.status(201).json(state);
  });

  router.get('/insights/retros', async (req, res) => {
    await requireUser(httpAuth, req);
    res.json(await services.retros.insights());
  });

  router.get('/insights/retros.csv', async (req, res) => {
    await requireUser(httpAuth, req);
    const insights = await audited(
      auditor,
      req,
      { eventId: 'insights-export', meta: { table: 'retros' } },
      () => services.retros.insights(),
    );
    const rows = [
      ...insights.byKind.map(o => ['kind', o] as const),
      ...insights.bySkill.map(o => ['skill', o] as const),
    ].map(([by, o]) => [
      by,
      o.group,
      o.answers,
      o.meanUsefulness,
      ...o.distribution,
    ]);
    sendCsv(
      res,
      'skill-exchange-retros.csv',
      [
        'by',
        'group',
        'answers',
        'mean_usefulness',
        'u1',
        'u2',
        'u3',
        'u4',
        'u5',
      ],
      rows,
    );
  });

  return router;
}
