import { ValidationError } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standingsSchema } from './schemas.js';
import { DEFAULT_STANDINGS, standingFor } from './standings.js';

describe('standings', () => {
  it('cover 0-100: the boundaries fall in the higher standing, 0 and 100 included', () => {
    expect([0, 29.9, 30, 49.9, 50, 79.9, 80, 99.9, 100].map((s) => standingFor(s).name)).toEqual([
      'Very Poor',
      'Very Poor',
      'Poor',
      'Poor',
      'Average',
      'Average',
      'Excellent',
      'Excellent',
      'Excellent',
    ]);
    expect(standingFor(0).blocksAwards).toBe(true);
    expect(standingFor(30).blocksAwards).toBe(false);
  });

  it('every score in [0, 100] is in exactly one standing (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (score) => {
        const holding = DEFAULT_STANDINGS.filter(
          (s, i) =>
            score >= s.min && (score < s.max || (i === DEFAULT_STANDINGS.length - 1 && score <= s.max)),
        );
        expect(holding).toHaveLength(1);
        expect(standingFor(score).name).toBe(holding[0]!.name);
      }),
    );
  });

  it('refuses standings with a gap, an overlap, or not reaching 0 and 100', () => {
    const cases: [unknown, (string | number)[]][] = [
      [
        [
          { name: 'Low', min: 0, max: 40 },
          { name: 'High', min: 50, max: 100 },
        ],
        [1, 'min'],
      ],
      [
        [
          { name: 'Low', min: 0, max: 60 },
          { name: 'High', min: 50, max: 100 },
        ],
        [1, 'min'],
      ],
      [
        [
          { name: 'Low', min: 10, max: 50 },
          { name: 'High', min: 50, max: 100 },
        ],
        [0, 'min'],
      ],
      [
        [
          { name: 'Low', min: 0, max: 50 },
          { name: 'High', min: 50, max: 99 },
        ],
        [1, 'max'],
      ],
      [
        [
          { name: 'Empty', min: 0, max: 0 },
          { name: 'All', min: 0, max: 100 },
        ],
        [0, 'max'],
      ],
    ];
    for (const [standings, path] of cases) {
      const result = standingsSchema.safeParse(standings);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
    }
    expect(() => standingFor(50, [{ name: 'Half', min: 0, max: 50, warn: false }])).toThrow(ValidationError);
    expect(() => standingFor(101)).toThrow(ValidationError);
    expect(() => standingFor(Number.NaN)).toThrow(ValidationError);
  });
});
