import { describe, expect, it } from 'vitest';
import { buildTimeline, firstAtOrAfter, instantAt, lastAtOrBefore, positionOf } from './timeline.js';

// Two days of 100 ms; day 0 works [10, 20) and [30, 50); day 1 is off; range [0, 200).
const timeline = buildTimeline(
  [0, 100, 200],
  [
    [
      [10, 20],
      [30, 50],
    ],
    [],
  ],
);

describe('timeline', () => {
  it('keeps prefix sums of working time', () => {
    expect(Array.from(timeline.before)).toEqual([0, 10, 30]);
    expect(timeline.total).toBe(30);
    expect(Array.from(timeline.workdays)).toEqual([0]);
    expect(Array.from(timeline.workdaysBefore)).toEqual([0, 1, 1]);
  });

  it('positions instants: flat outside intervals, linear inside', () => {
    expect([0, 10, 15, 20, 25, 30, 49, 50, 150].map((t) => positionOf(timeline, t))).toEqual([
      0, 0, 5, 10, 10, 10, 29, 30, 30,
    ]);
  });

  it('maps a position to the earliest instant that reaches it', () => {
    expect([1, 10, 11, 30].map((p) => instantAt(timeline, p))).toEqual([11, 20, 31, 50]);
  });

  it('binary-searches both ways', () => {
    const values = Float64Array.of(1, 5, 5, 9);
    expect(lastAtOrBefore(values, 0)).toBe(-1);
    expect(lastAtOrBefore(values, 5)).toBe(2);
    expect(firstAtOrAfter(values, 5)).toBe(1);
    expect(firstAtOrAfter(values, 10)).toBe(4);
  });
});
