import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from './errors.js';

/**
 * Parses input with a zod schema; any failure becomes a `ValidationError` carrying every
 * issue with its path. Use it at every public entry point, before any work or write.
 *
 * @param schema - the exported zod schema of the entry point
 * @param value - untrusted input
 * @param label - optional name prefixed to every path (e.g. `'order'`)
 * @returns the parsed (and transformed) value
 * @example
 * const input = parseInput(drawSchema, body) // throws ValidationError naming the bad field
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, label?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: ValidationIssue[] = result.error.issues.map((issue) => ({
    path: [
      ...(label ? [label] : []),
      ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    ],
    message: issue.message,
    code: issue.code,
  }));
  throw new ValidationError(issues);
}
