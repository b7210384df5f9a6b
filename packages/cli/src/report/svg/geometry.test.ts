import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { curvedArrow } from './arrow.js';
import { fitProjection } from './geo-projection.js';
import { bandPath, linePath } from './paths.js';
import { scaleBar } from './scale-bar.js';

describe('linePath and bandPath', () => {
  it('draw polylines and closed bands', () => {
    expect(
      linePath([
        [0, 10],
        [5, 0],
        [10, 5],
      ]),
    ).toBe('M0 10L5 0L10 5');
    expect(
      linePath(
        [
          [0, 0],
          [1, 1],
        ],
        true,
      ),
    ).toBe('M0 0L1 1Z');
    expect(linePath([])).toBe('');
    expect(
      bandPath(
        [
          [0, 2],
          [10, 1],
        ],
        [
          [0, 8],
          [10, 9],
        ],
      ),
    ).toBe('M0 2L10 1L10 9L0 8Z');
    expect(bandPath([], [])).toBe('');
  });

  it('refuses a coordinate that is not finite', () => {
    expect(() => linePath([[0, Number.NaN]])).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['y'] })] }),
    );
  });
});

describe('curvedArrow', () => {
  it('bends to the left of travel and puts the label halfway along the curve', () => {
    const arrow = curvedArrow([0, 0], [100, 0], { width: 2, inset: 5 });
    // control point (50, −18): the curve's middle is (50, −9)
    expect(arrow.label).toEqual([50, -9]);
    expect(arrow.path.startsWith('M')).toBe(true);
    expect(arrow.path).toContain('Q50 -18');
    // the head's tip sits `inset` before the end, towards the control point
    const tip = arrow.head.match(/^M(-?[\d.]+) (-?[\d.]+)/)!;
    expect(Math.hypot(Number(tip[1]) - 100, Number(tip[2]))).toBeCloseTo(5, 1);
  });

  it('moves the label off the curve on the bent side', () => {
    const arrow = curvedArrow([0, 0], [100, 0], { width: 2, inset: 5, labelOffset: 10 });
    expect(arrow.label).toEqual([50, -19]);
  });

  it('never writes NaN, even for an arrow from a point to itself', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.double({ min: -1e4, max: 1e4, noNaN: true }),
          fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        ),
        fc.tuple(
          fc.double({ min: -1e4, max: 1e4, noNaN: true }),
          fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        ),
        fc.double({ min: 0, max: 20, noNaN: true }),
        (from, to, width) => {
          const arrow = curvedArrow(from, to, { width, inset: 9 });
          expect(`${arrow.path}${arrow.head}`).not.toMatch(/NaN|Infinity/);
          expect(arrow.label.every(Number.isFinite)).toBe(true);
        },
      ),
    );
    expect(curvedArrow([5, 5], [5, 5], { width: 3, inset: 4 }).label).toEqual([5, 5]);
  });
});

describe('fitProjection', () => {
  const shanghai = { lat: 31.2304, lng: 121.4737 };
  const beijing = { lat: 39.9042, lng: 116.4074 };

  it('fits the places into the box with north up and aspect kept', () => {
    const map = fitProjection([shanghai, beijing], { width: 400, height: 300, padding: 20 });
    const [sx, sy] = map.project(shanghai.lat, shanghai.lng);
    const [bx, by] = map.project(beijing.lat, beijing.lng);
    // Beijing is north-west of Shanghai.
    expect(bx).toBeLessThan(sx);
    expect(by).toBeLessThan(sy);
    // 8.67° of latitude is the longer side: it spans the 260 px between the paddings.
    expect(sy - by).toBeCloseTo(260, 6);
    expect(map.pixelsPerDegree).toBeCloseTo(260 / (39.9042 - 31.2304), 6);
    // Longitude shrinks by cos(35.57°): 5.0663° × 0.8134 × 29.98 px
    const shrink = Math.cos((((31.2304 + 39.9042) / 2) * Math.PI) / 180);
    expect(sx - bx).toBeCloseTo((121.4737 - 116.4074) * shrink * map.pixelsPerDegree, 6);
    // Centred horizontally.
    expect((sx + bx) / 2).toBeCloseTo(200, 6);
    expect(map.bounds.maxLat).toBeCloseTo(39.9042 + 20 / map.pixelsPerDegree, 6);
  });

  it('puts a single place in the middle of the box', () => {
    const map = fitProjection([shanghai], { width: 460, height: 320, padding: 24 });
    const [x, y] = map.project(shanghai.lat, shanghai.lng);
    expect(x).toBeCloseTo(230, 6);
    expect(y).toBeCloseTo(160, 6);
  });

  it('refuses no places and coordinates that are not finite', () => {
    expect(() => fitProjection([], { width: 1, height: 1, padding: 0 })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['places'] })] }),
    );
    expect(() => fitProjection([{ lat: Number.NaN, lng: 1 }], { width: 1, height: 1, padding: 0 })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['places', 0] })] }),
    );
  });

  it('draws a round-length scale bar', () => {
    // 1° of latitude = 100 px: 1.112 km per px, 90 px ≈ 100 km → the bar is 1 × 10² km (step near 140 km → 100)
    const map = fitProjection(
      [
        { lat: 30, lng: 120 },
        { lat: 31, lng: 120 },
      ],
      { width: 200, height: 100, padding: 0 },
    );
    expect(map.pixelsPerDegree).toBe(100);
    const bar = scaleBar(map, 10, 90);
    expect(bar).toContain('>100 km</text>');
    // 100 km / 1.11195 km per px = 89.93 px
    expect(bar).toContain('H99.93');
  });
});
