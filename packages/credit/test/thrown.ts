import { expect } from 'vitest';

/** What a thrown kit error carries, for assertions. */
export interface Thrown {
  name?: string;
  code?: string;
  message?: string;
  issues?: readonly { path: (string | number)[]; code: string; message: string }[];
  details?: Record<string, unknown>;
}

/** Runs `fn` and returns what it threw (fails the test when nothing is thrown). */
export function thrown(fn: () => unknown): Thrown {
  try {
    fn();
  } catch (error) {
    return error as Thrown;
  }
  return expect.fail('expected a throw');
}

/** The dotted paths of a `ValidationError`'s issues (`['dues.0.interest']`). */
export function issuePaths(fn: () => unknown): string[] {
  const error = thrown(fn);
  expect(error.code).toBe('VALIDATION');
  return (error.issues ?? []).map((issue) => issue.path.join('.'));
}
