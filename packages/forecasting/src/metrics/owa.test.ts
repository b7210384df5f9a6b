import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { owa } from './owa.js';

describe('owa', () => {
  it('matches hand-computed values', () => {
    // (12/15 + 1.5/2)/2 = (0.8 + 0.75)/2 = 0.775
    expect(owa(12, 1.5, 15, 2)).toBeCloseTo(0.775, 12);
    // Naive2 against itself is 1
    expect(owa(14.74, 1.665, 14.74, 1.665)).toBe(1);
    // M4 Theta total: sMAPE 12.309, MASE 1.696 vs Naive2 13.564, 1.912 → 0.897
    expect(owa(12.309, 1.696, 13.564, 1.912)).toBeCloseTo(0.897, 3);
  });

  it('validates its arguments', () => {
    expect(() => owa(1, 1, 0, 1)).toThrow(/naive2Smape/);
    expect(() => owa(1, 1, 1, 0)).toThrow(/naive2Mase/);
    expect(() => owa(Number.NaN, 1, 1, 1)).toThrow(/smapeValue/);
    expect(() => owa(1, -1, 1, 1)).toThrow(ValidationError);
  });
});
