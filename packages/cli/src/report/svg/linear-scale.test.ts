import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandScale } from './band-scale.js';
import { linearScale } from './linear-scale.js';

describe('linearScale', () => {
  it('maps the domain onto the range, backwards too', () => {
    const y = linearScale([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(25)).toBe(150);
    expect(y(100)).toBe(0);
    expect(y(150)).toBe(-100);
    const x = linearScale([-20, 40], [50, 650]);
    // (0 − −20) / 60 × 600 + 50
    expect(x(0)).toBe(250);
    expect(x.domain).toEqual([-20, 40]);
    expect(x.range).toEqual([50, 650]);
  });

  it('puts everything in the middle of the range for an empty domain', () => {
    const scale = linearScale([5, 5], [0, 10]);
    expect(scale(5)).toBe(5);
    expect(scale(1000)).toBe(5);
  });

  it('refuses ends that are not finite', () => {
    expect(() => linearScale([0, Number.NaN], [0, 1])).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['domain'] })] }),
    );
    expect(() => linearScale([0, 1], [0, Number.POSITIVE_INFINITY])).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['range'] })] }),
    );
  });

  it('keeps every value of the domain inside the range', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (start, span, t) => {
          const value = Math.min(start + span, start + span * t);
          const pixel = linearScale([start, start + span], [800, 0])(value);
          expect(pixel).toBeGreaterThanOrEqual(-1e-6);
          expect(pixel).toBeLessThanOrEqual(800 + 1e-6);
        },
      ),
    );
  });
});

describe('bandScale', () => {
  it('spaces bands evenly with padding between them and half of it at the ends', () => {
    const bands = bandScale(4, 0, 100, 0.2);
    expect(bands.step).toBe(25);
    expect(bands.bandwidth).toBe(20);
    expect(bands.start(0)).toBe(2.5);
    expect(bands.start(1)).toBe(27.5);
    expect(bands.center(1)).toBe(37.5);
    expect(bands.start(3) + bands.bandwidth).toBe(97.5);
  });

  it('has no bands for a count of zero and refuses bad counts and paddings', () => {
    expect(bandScale(0, 0, 100).bandwidth).toBe(0);
    expect(() => bandScale(1.5, 0, 100)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['count'] })] }),
    );
    expect(() => bandScale(3, 0, 100, 1)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['padding'] })] }),
    );
  });
});
