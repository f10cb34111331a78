import {
  AuditDescription,
  audited,
  parseId,
  parseInput,
  requireUser,
} from '@onramp/backstage-plugin-onramp-node';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { RouteContext } from './context';

type Caller = Awaited<ReturnType<typeof requireUser>>;
type Deps = Pick<RouteContext, 'httpAuth' | 'auditor'>;

/**
 * A route that changes the resource `:id` as the signed-in caller, in one
 * audit event (`audit(req.params.id)`): `change` gets the id (1 to
 * 2147483647, else a 400) and the body parsed with `schema` (else a 400);
 * what it returns is the answer.
 */
export function changeById<S extends z.ZodType, T>(
  { httpAuth, auditor }: Deps,
  audit: (id: string) => AuditDescription,
  schema: S,
  change: (id: number, input: z.output<S>, caller: Caller) => Promise<T>,
) {
  return async (req: Request, res: Response) => {
    const caller = await requireUser(httpAuth, req);
    const result = await audited(auditor, req, audit(req.params.id), () =>
      change(parseId(req.params.id), parseInput(schema, req.body), caller),
    );
    res.json(result);
  };
}

/**
 * A route that deletes the resource `:id` as the signed-in caller, in one
 * audit event (`audit(req.params.id)`), answering 204.
 */
export function deleteById(
  { httpAuth, auditor }: Deps,
  audit: (id: string) => AuditDescription,
  remove: (id: number, caller: Caller) => Promise<unknown>,
) {
  return async (req: Request, res: Response) => {
    const caller = await requireUser(httpAuth, req);
    await audited(auditor, req, audit(req.params.id), () =>
      remove(parseId(req.params.id), caller),
    );
    res.status(204).end();
  };
}
