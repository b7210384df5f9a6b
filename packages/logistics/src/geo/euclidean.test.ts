import { describe, expect, it } from 'vitest';
import { applyConvention, euclidean } from './euclidean.js';

describe('euclidean', () => {
  it('is the straight-line distance', () => {
    expect(euclidean({ x: 0, y: 0 }, { x: 3, y: 4 })).toBe(5);
    expect(euclidean({ x: 82, y: 76 }, { x: 96, y: 44 })).toBeCloseTo(Math.sqrt(14 * 14 + 32 * 32), 12);
  });

  it('applies the three benchmark conventions', () => {
    // A-n32-k5 depot (82,76) to customer 2 (96,44): √1220 = 34.928...
    const d = euclidean({ x: 82, y: 76 }, { x: 96, y: 44 });
    expect(applyConvention(d, 'exact')).toBe(d);
    expect(applyConvention(d, 'nint')).toBe(35);
    expect(applyConvention(d, 'trunc1')).toBe(34.9);
    expect(applyConvention(2.5, 'nint')).toBe(3); // TSPLIB nint rounds halves up
    expect(applyConvention(3, 'trunc1')).toBe(3);
  });
});
