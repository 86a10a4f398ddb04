import type * as z from 'zod';
import { type FieldError, ValidationError } from './errors.js';

/** Turns zod issues into field errors with dotted paths; unknown keys get one error each. */
export function fieldErrors(issues: z.core.$ZodIssue[], prefix = ''): FieldError[] {
  return issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: 'is not a known field' }));
    }
    return [{ path: base || '(body)', message: issue.message }];
  });
}

/**
 * Parses input with a schema or throws a ValidationError that lists every bad field.
 * @example parseWith(commentBodySchema, {body: 'hi', visibility: 'public'})
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(fieldErrors(result.error.issues, prefix));
  return result.data;
}
