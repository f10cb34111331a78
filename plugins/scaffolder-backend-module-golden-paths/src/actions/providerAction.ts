import { FieldSchemas, providerOutput } from '../lib/input';
import { ProviderActionOptions } from '../providers/builtIn';

/**
 * The options of an action that runs one provider.
 * @public
 */
export type OneProviderActionOptions<P> = ProviderActionOptions & {
  /** The provider to run; default: the built-in one the settings name. */
  provider?: P;
};

/**
 * What every provider-running action declares: dry-run support, its input
 * fields, and the `provider` that ran ahead of its own `output` fields.
 */
export function providerActionSchema<
  I extends FieldSchemas,
  O extends FieldSchemas,
>(input: I, output: O) {
  return {
    supportsDryRun: true as const,
    schema: { input, output: { provider: providerOutput, ...output } },
  };
}
