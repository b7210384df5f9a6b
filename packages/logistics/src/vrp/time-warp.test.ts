import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatSegments, type TimeSegment, visitSegment } from './time-warp.js';

/** Forward simulation of a sequence started at time `start`: duration and total lateness. */
function simulate(
  visits: { ready: number; due: number; service: number }[],
  travel: number[],
  start: number,
): { end: number; lateness: number } {
  let clock = start;
  let lateness = 0;
  visits.forEach((v, k) => {
    if (k > 0) clock += travel[k - 1]!;
    let s = Math.max(clock, v.ready);
    if (s > v.due) {
      lateness += s - v.due;
      s = v.due; // time warp: service happens at the due time
    }
    clock = s + v.service;
  });
  return { end: clock, lateness };
}

describe('concatSegments', () => {
  it('joins a depot and a customer by hand', () => {
    // Depot open [0, 100]; customer 10 away with window [50, 60] and 5 of service.
    const s = concatSegments(visitSegment(0, 100, 0), visitSegment(50, 60, 5), 10);
    expect(s).toEqual({ D: 15, TW: 0, E: 40, L: 50 });
  });

  it('counts time warp when the window cannot be met', () => {
    // Leaving at 0 at the earliest, 30 away, due at 20: 10 units late.
    const s = concatSegments(visitSegment(0, 100, 0), visitSegment(0, 20, 0), 30);
    expect(s.TW).toBe(10);
    expect(s.D).toBe(30);
  });

  it('counts unavoidable waiting in the duration', () => {
    // The depot closes departures at 0 (window [0, 0]); the customer opens at 50, 10 away: 40 waiting.
    const s = concatSegments(visitSegment(0, 0, 0), visitSegment(50, 60, 5), 10);
    expect(s.D).toBe(55);
    expect(s.TW).toBe(0);
    expect(s.E).toBe(0);
    expect(s.L).toBe(0);
  });

  const visit = fc.record({
    ready: fc.integer({ min: 0, max: 100 }),
    width: fc.integer({ min: 0, max: 60 }),
    service: fc.integer({ min: 0, max: 10 }),
  });

  it('is associative (the O(1) move evaluation relies on it)', () => {
    fc.assert(
      fc.property(
        fc.array(visit, { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 2, maxLength: 2 }),
        (vs, t) => {
          const [a, b, c] = vs.map((v) => visitSegment(v.ready, v.ready + v.width, v.service)) as [
            TimeSegment,
            TimeSegment,
            TimeSegment,
          ];
          const left = concatSegments(concatSegments(a, b, t[0]!), c, t[1]!);
          const right = concatSegments(a, concatSegments(b, c, t[1]!), t[0]!);
          for (const key of ['D', 'TW', 'E', 'L'] as const) expect(left[key]).toBeCloseTo(right[key], 9);
        },
      ),
    );
  });

  it('gives the time warp and duration of the best start, as a simulation over start times finds them', () => {
    fc.assert(
      fc.property(
        fc.array(visit, { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 5, maxLength: 5 }),
        (vs, travel) => {
          const visits = vs.map((v) => ({ ready: v.ready, due: v.ready + v.width, service: v.service }));
          let seg = visitSegment(visits[0]!.ready, visits[0]!.due, visits[0]!.service);
          for (let k = 1; k < visits.length; k++) {
            const v = visits[k]!;
            seg = concatSegments(seg, visitSegment(v.ready, v.due, v.service), travel[k - 1]!);
          }
          // Try every integer start in the first window: the minimum lateness equals TW, and the
          // shortest clock duration among starts with that lateness equals D − TW (D counts the
          // warped time too).
          let bestLate = Number.POSITIVE_INFINITY;
          let bestDuration = Number.POSITIVE_INFINITY;
          for (let start = visits[0]!.ready; start <= visits[0]!.due; start++) {
            const { end, lateness } = simulate(visits, travel, start);
            if (lateness < bestLate - 1e-9) {
              bestLate = lateness;
              bestDuration = end - start;
            } else if (Math.abs(lateness - bestLate) <= 1e-9)
              bestDuration = Math.min(bestDuration, end - start);
          }
          expect(seg.TW).toBeCloseTo(bestLate, 9);
          expect(seg.D - seg.TW).toBeCloseTo(bestDuration, 9);
        },
      ),
    );
  });
});
