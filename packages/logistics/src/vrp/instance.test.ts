import { parseInput } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { buildMatrices, compileInstance } from './instance.js';
import { vrpProblemSchema } from './schemas.js';

describe('compileInstance', () => {
  it('builds the matrix under each convention', () => {
    const points = { depot: { x: 0, y: 0 }, customers: [{ id: 1, x: 1, y: 1 }], vehicles: { capacity: 1 } };
    const at = (distance: 'euclidean' | 'euclidean-rounded' | 'euclidean-truncated') =>
      buildMatrices(parseInput(vrpProblemSchema, { ...points, distance })).dist[1];
    expect(at('euclidean')).toBeCloseTo(Math.SQRT2, 15);
    expect(at('euclidean-rounded')).toBe(1);
    expect(at('euclidean-truncated')).toBe(1.4);
    const timed = buildMatrices(parseInput(vrpProblemSchema, { ...points, speed: 2 }));
    expect(timed.time[1]).toBeCloseTo(Math.SQRT2 / 2, 15);
  });

  it('sets aside customers no vehicle can serve alone, with the reason, and renumbers the rest', () => {
    const problem = parseInput(vrpProblemSchema, {
      depot: { x: 0, y: 0, timeWindow: [0, 100] },
      customers: [
        { id: 'big', x: 1, y: 0, demand: 9 },
        { id: 'ok', x: 2, y: 0, demand: 1 },
        { id: 'late', x: 30, y: 0, timeWindow: [0, 20] },
        { id: 'far', x: 45, y: 0 },
        { id: 'slow', x: 5, y: 0, serviceTime: 40 },
      ],
      vehicles: [
        { capacity: 5, maxDistance: 80 },
        { capacity: 8, maxDuration: 45 },
      ],
    });
    const { instance, excluded } = compileInstance(problem);
    expect(excluded).toEqual([
      { inputIndex: 0, reason: 'DEMAND_EXCEEDS_CAPACITY' },
      { inputIndex: 2, reason: 'TIME_WINDOW_UNREACHABLE' },
      // Round trip 90: over type 0's distance limit, over type 1's duration limit.
      { inputIndex: 3, reason: 'MAX_DURATION_EXCEEDED' },
    ]);
    // 'slow' lasts 50 alone, too long for type 1 but fine for type 0, which has no duration limit.
    expect(instance.n).toBe(2);
    expect(Array.from(instance.inputIndex)).toEqual([-1, 1, 4]);
    expect(instance.service[2]).toBe(40);
  });
});
