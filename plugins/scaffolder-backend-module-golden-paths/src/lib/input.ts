import { InputError } from '@backstage/errors';
import type { TemplateActionOptions } from '@backstage/plugin-scaffolder-node';
import { z } from 'zod';
import { withoutStack } from './errors';

type DefaultInputSchema = NonNullable<
  NonNullable<TemplateActionOptions['schema']>['input']
>;

/**
 * The zod (v3) namespace the scaffolder hands to schema functions. It is
 * taken from the scaffolder's own types: another copy of zod's types would
 * not be assignable to it.
 */
export type Z = DefaultInputSchema extends {
  [key: string]: (zImpl: infer T) => any;
}
  ? T
  : never;

/** Per-field schemas, the shape createTemplateAction takes. */
export type FieldSchemas = { [key: string]: (zImpl: Z) => { _output: any } };

/** The parsed input of a set of field schemas. */
export type ParsedInput<T extends FieldSchemas> = {
  [K in keyof T]: ReturnType<T[K]>['_output'];
};

/**
 * Parses an action's input with the same per-field schemas the action
 * declares, so defaults apply and bad input fails with an InputError that
 * names every offending field (the scaffolder's JSON-schema check does
 * neither).
 */
export function parseInput<T extends FieldSchemas>(
  actionId: string,
  fields: T,
  input: unknown,
): ParsedInput<T> {
  const shape: Record<string, z.ZodTypeAny> = {};
  for (const [key, make] of Object.entries(fields)) {
    shape[key] = make(z as unknown as Z) as unknown as z.ZodTypeAny;
  }
  const result = z
    .object(shape)
    .strict()
    .safeParse(input ?? {});
  if (!result.success) {
    const problems = result.error.issues
      .map(i => `${i.path.join('.') || 'input'}: ${i.message}`)
      .join('; ');
    throw withoutStack(
      new InputError(`Invalid input to ${actionId}: ${problems}`),
    );
  }
  return result.data as ParsedInput<T>;
}

/** The service name rule shared by every action: a DNS label. */
export const serviceName = (zImpl: Z): ReturnType<Z['string']> =>
  zImpl
    .string()
    .regex(
      /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/,
      'must be a DNS label: lowercase letters, digits and dashes, starting with a letter, at most 63 characters',
    )
    .describe(
      'Service name (a DNS label): used for resource names, labels and the host name',
    );

/** The `provider` output of the actions that run a provider. */
export const providerOutput = (zImpl: Z) =>
  zImpl.string().describe('The provider that ran');
