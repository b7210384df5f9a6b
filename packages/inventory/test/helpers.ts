import { expect } from 'vitest';

/** Asserts |actual − expected| <= tolerance·|expected| (absolute when expected is 0). */
export function expectRelative(actual: number, expected: number, tolerance: number): void {
  const scale = expected === 0 ? 1 : Math.abs(expected);
  const error = Math.abs(actual - expected) / scale;
  if (!(error <= tolerance)) {
    expect.fail(
      `expected ${actual} to be within ${tolerance} (relative) of ${expected}; relative error ${error}`,
    );
  }
}

/** Runs `fn` and returns the thrown error (fails when nothing is thrown). */
export function thrown(fn: () => unknown): {
  code?: string;
  issues?: readonly { path: (string | number)[]; code: string }[];
  details?: Record<string, unknown>;
} {
  try {
    fn();
  } catch (error) {
    return error as { code?: string };
  }
  return expect.fail('expected a throw');
}
