import fc from 'fast-check';
import { accepts, boundsOf, defOf, isOptional, ZodSchema } from './zodSchema';

const wrongTypes = fc.constantFrom<unknown>(null, 42, 'text', true, [], {});

/**
 * Values just outside what `schema` accepts (none where there is no such
 * value); `validOf` gives the valid values of a schema, to change.
 */
export function nearMissArbitraries(
  schema: ZodSchema,
  validOf: (schema: ZodSchema) => fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown>[] {
  const def = defOf(schema);
  const valid = () => validOf(schema);
  switch (def.type) {
    case 'string': {
      const b = boundsOf(schema);
      const misses: fc.Arbitrary<unknown>[] = [
        fc.constantFrom(42, null, ['a']),
      ];
      if (b.max !== undefined && b.max < 100_000) {
        misses.push(fc.constant('a'.repeat(b.max + 1)));
      }
      if (b.min) misses.push(fc.constant('a'.repeat(b.min - 1)));
      if (b.patterns.length || b.format) {
        misses.push(valid().map(s => `${s} !`));
      }
      return misses;
    }
    case 'number':
    case 'int': {
      const b = boundsOf(schema);
      const misses: fc.Arbitrary<unknown>[] = [
        fc.constantFrom('3', null, true),
      ];
      if (b.min !== undefined)
        misses.push(fc.constant(b.min - (b.integer ? 1 : 0.001)));
      if (b.max !== undefined)
        misses.push(fc.constant(b.max + (b.integer ? 1 : 0.001)));
      if (b.integer) misses.push(fc.constantFrom(1.5, 2 ** 53 + 1));
      return misses;
    }
    case 'boolean':
      return [fc.constantFrom('true', 1, null)];
    case 'enum':
    case 'literal': {
      const values: unknown[] =
        def.type === 'enum' ? Object.values(def.entries) : def.values;
      return [
        fc.constantFrom(...values).map(v => `${String(v).toUpperCase()} `),
        fc.constantFrom(1, null),
      ];
    }
    case 'array': {
      const b = boundsOf(schema);
      const element = validOf(def.element);
      const misses: fc.Arbitrary<unknown>[] = [
        element,
        fc.constantFrom(null, {}),
      ];
      if (b.max !== undefined && b.max <= 2000) {
        misses.push(
          fc.array(element, { minLength: b.max + 1, maxLength: b.max + 1 }),
        );
      }
      if (b.min) {
        misses.push(
          fc.array(element, { minLength: b.min - 1, maxLength: b.min - 1 }),
        );
      }
      return misses;
    }
    case 'object': {
      const shape = def.shape as Record<string, ZodSchema>;
      const required = Object.keys(shape).filter(k => !isOptional(shape[k]));
      const misses: fc.Arbitrary<unknown>[] = [fc.constantFrom(null, [], 'x')];
      if (required.length) {
        misses.push(
          fc
            .tuple(valid(), fc.constantFrom(...required))
            .map(([value, key]) => {
              const { [key]: _dropped, ...rest } = value as Record<
                string,
                unknown
              >;
              return rest;
            }),
        );
      }
      if (def.catchall && defOf(def.catchall).type === 'never') {
        misses.push(
          valid().map(value => ({ ...(value as object), unexpectedKey: 'x' })),
        );
      }
      return misses;
    }
    case 'union': {
      const discriminator: string | undefined = def.discriminator;
      const options = def.options as ZodSchema[];
      if (!discriminator || options.length < 2) return [wrongTypes];
      // A valid value of one option under another option's tag.
      const tags = options.flatMap(o => [
        ...((o as any)._zod.propValues?.[discriminator] ?? []),
      ]);
      return [
        wrongTypes,
        fc.tuple(valid(), fc.constantFrom(...tags)).map(([value, tag]) => ({
          ...(value as object),
          [discriminator]: tag,
        })),
      ];
    }
    case 'record':
    case 'tuple':
      return [wrongTypes];
    case 'optional':
    case 'default':
    case 'prefault':
      return accepts(schema, null) ? [] : [fc.constant(null)];
    default:
      return [];
  }
}
