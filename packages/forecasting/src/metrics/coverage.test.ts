import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { coverage } from './coverage.js';

describe('coverage', () => {
  it('matches hand-computed values', () => {
    // 1 ∈ [0, 2], 5 ∉ [0, 4], 9 ∈ [0, 10], 3 ∈ [3, 3] → 3/4
    expect(coverage([1, 5, 9, 3], [0, 0, 0, 3], [2, 4, 10, 3])).toBe(0.75);
    expect(coverage([1], [2], [3])).toBe(0);
  });

  it('validates its arguments', () => {
    expect(() => coverage([1], [2], [1])).toThrow(/upper/);
    expect(() => coverage([1, 2], [0], [3])).toThrow(/lower/);
    expect(() => coverage([1], [0], [Number.NaN])).toThrow(ValidationError);
  });
});
