import { safeParse, type $ZodType } from 'zod/v4/core';

/** Any zod v4 schema (classic or mini). */
export type ZodSchema = $ZodType;

/** Whether `schema` accepts `value`. */
export function accepts(schema: ZodSchema, value: unknown): boolean {
  return safeParse(schema, value).success;
}

/** A schema's definition: its `type` and what that type holds. */
export type Def = Record<string, any> & { type: string };

export function defOf(schema: ZodSchema): Def {
  return (schema as any)._zod.def as Def;
}

/** The bounds and patterns a schema's checks declare. */
export interface Bounds {
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer: boolean;
  format?: string;
  patterns: RegExp[];
}

export function boundsOf(schema: ZodSchema): Bounds {
  const def = defOf(schema);
  const bounds: Bounds = { integer: false, patterns: [] };
  const all = [def, ...(def.checks ?? []).map((c: any) => c._zod.def)];
  for (const check of all) {
    const format: string | undefined = check.format;
    if (format && /int/.test(format)) bounds.integer = true;
    else if (format && format !== 'regex') bounds.format = format;
    if (check.pattern instanceof RegExp) bounds.patterns.push(check.pattern);
    switch (check.check) {
      case 'min_length':
        bounds.min = Math.max(bounds.min ?? 0, check.minimum);
        break;
      case 'max_length':
        bounds.max = Math.min(bounds.max ?? Infinity, check.maximum);
        break;
      case 'length_equals':
        bounds.min = check.length;
        bounds.max = check.length;
        break;
      case 'greater_than':
        bounds.min = check.value;
        bounds.minExclusive = !check.inclusive;
        break;
      case 'less_than':
        bounds.max = check.value;
        bounds.maxExclusive = !check.inclusive;
        break;
      default:
    }
  }
  return bounds;
}

/** Whether `schema` accepts a missing value. */
export function isOptional(schema: ZodSchema): boolean {
  return accepts(schema, undefined);
}
