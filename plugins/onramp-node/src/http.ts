import type {
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  describeZodError,
  forbiddenCharacterMessage,
  toCsv,
} from '@onramp/backstage-plugin-onramp-common';
import type { Request, Response } from 'express';
import type { z } from 'zod';

/**
 * The signed-in person of a request; anything else (no token, a service) is
 * refused with 401 by `httpAuth`.
 *
 * @public
 */
export async function requireUser(
  httpAuth: HttpAuthService,
  req: Request,
): Promise<{
  credentials: BackstageCredentials<BackstageUserPrincipal>;
  userEntityRef: string;
}> {
  const credentials = await httpAuth.credentials(req, { allow: ['user'] });
  return { credentials, userEntityRef: credentials.principal.userEntityRef };
}

/**
 * Parses a body, query or path parameters with a zod schema. A mismatch is a
 * 400 (`InputError`) naming every field at fault, never a bare ZodError (500).
 *
 * @public
 */
export function parseInput<T extends z.ZodType>(
  schema: T,
  value: unknown,
): z.output<T> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    throw new InputError(describeZodError(result.error));
  }
  return result.data;
}

/**
 * A numeric id from a path parameter: a positive whole number that fits an
 * integer column, or a 400 naming the parameter.
 *
 * @public
 */
export function parseId(value: string, what = 'id'): number {
  if (!/^[1-9]\d{0,9}$/.test(value) || Number(value) > 2_147_483_647) {
    const shown = forbiddenCharacterMessage(value)
      ? JSON.stringify(value)
      : value;
    throw new InputError(
      `${what} must be a positive whole number, got '${shown}'`,
    );
  }
  return Number(value);
}

/**
 * Sends a CSV download; every text cell is neutralised against formula
 * injection by the one CSV writer.
 *
 * @public
 */
export function sendCsv(
  res: Response,
  filename: string,
  header: string[],
  rows: Array<Array<string | number | null | undefined>>,
): void {
  res.type('text/csv').attachment(filename).send(toCsv(header, rows));
}
