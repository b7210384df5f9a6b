import { expect } from 'vitest';
import { ValidationError } from '../src/errors.js';

/**
 * Runs `fn` and returns the error it throws, which must be an instance of `type`; fails the
 * test when nothing or something else is thrown.
 */
export function thrown<E extends Error>(type: new (...args: never[]) => E, fn: () => unknown): E {
  try {
    fn();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name}`);
}

/**
 * Asserts that `fn` throws a `ValidationError` whose first issue names `field` (a name or a
 * path), with `code` when given.
 */
export function expectValidation(
  fn: () => unknown,
  field: string | (string | number)[],
  code?: string,
): void {
  const issue = thrown(ValidationError, fn).issues[0];
  expect(issue?.path).toEqual(Array.isArray(field) ? field : [field]);
  if (code !== undefined) expect(issue?.code).toBe(code);
}
