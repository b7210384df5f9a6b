import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModelFit } from '../models/types.js';
import { adida } from './adida.js';
import { classifyDemand } from './classify.js';
import { croston, crostonOptimized } from './croston.js';
import { imapa } from './imapa.js';
import { sba } from './sba.js';
import { tsb } from './tsb.js';

type Method = { name: string; run: (y: number[], h: number) => ModelFit };
const methods: Method[] = [
  { name: 'croston', run: (y, h) => croston(y, h) },
  { name: 'crostonOptimized', run: (y, h) => crostonOptimized(y, h) },
  { name: 'sba', run: (y, h) => sba(y, h) },
  { name: 'tsb', run: (y, h) => tsb(y, h) },
  { name: 'adida', run: (y, h) => adida(y, h) },
  { name: 'imapa', run: (y, h) => imapa(y, h) },
];

// demand series: mostly zeros, some sizes (integers or reals)
const demand = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 1000 }) },
    // Real sizes from a millionth of a unit up; subnormal doubles are not demand.
    { weight: 1, arbitrary: fc.double({ min: 1e-6, max: 1e6, noNaN: true, noDefaultInfinity: true }) },
  ),
  { minLength: 1, maxLength: 80 },
);
const integerDemand = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1000 })), {
  minLength: 1,
  maxLength: 80,
});
const horizon = fc.integer({ min: 1, max: 30 });
const params = { numRuns: 80 };

describe.each(methods)('$name properties', ({ run }) => {
  it('gives `horizon` flat, finite, non-negative forecasts no larger than the largest demand', () => {
    fc.assert(
      fc.property(demand, horizon, (y, h) => {
        const mean = run(y, h).mean;
        expect(mean).toHaveLength(h);
        const max = Math.max(...y);
        for (const v of mean) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(max * (1 + 1e-12));
          expect(v).toBe(mean[0]);
        }
      }),
      params,
    );
  });

  it('forecasts 0 for an all-zero series', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), horizon, (n, h) => {
        expect(run(new Array<number>(n).fill(0), h).mean).toEqual(new Array<number>(h).fill(0));
      }),
      params,
    );
  });

  it('ignores leading zeros', () => {
    fc.assert(
      fc.property(demand, fc.integer({ min: 1, max: 20 }), (y, k) => {
        const a = run(y, 1).mean[0] as number;
        const b = run([...new Array<number>(k).fill(0), ...y], 1).mean[0] as number;
        expect(b).toBeCloseTo(a, 9);
      }),
      params,
    );
  });
});

describe('method relations', () => {
  it('SBA ≤ Croston (equal only at 0)', () => {
    fc.assert(
      fc.property(demand, (y) => {
        const c = croston(y, 1).mean[0] as number;
        const s = sba(y, 1).mean[0] as number;
        expect(s).toBeLessThanOrEqual(c);
        expect(s).toBeCloseTo(0.95 * c, 9);
      }),
      params,
    );
  });

  it('croston and tsb with fixed weights scale with the data', () => {
    fc.assert(
      fc.property(integerDemand, fc.double({ min: 0.01, max: 100, noNaN: true }), (y, c) => {
        const scaled = y.map((v) => v * c);
        const a = croston(y, 1).mean[0] as number;
        expect(croston(scaled, 1).mean[0]).toBeCloseTo(a * c, 6);
        const o = { alphaProbability: 0.2, alphaSize: 0.1 };
        expect(tsb(scaled, 1, o).mean[0]).toBeCloseTo((tsb(y, 1, o).mean[0] as number) * c, 6);
      }),
      params,
    );
  });

  it('classification is finite for any series with a demand and consistent with the cut-offs', () => {
    fc.assert(
      fc.property(demand, (y) => {
        const r = classifyDemand(y);
        if (r.demands === 0) {
          expect(r.adi).toBe(Number.POSITIVE_INFINITY);
          return;
        }
        expect(Number.isFinite(r.adi) && Number.isFinite(r.cv2)).toBe(true);
        expect(r.adi).toBeGreaterThanOrEqual(1);
        expect(r.cv2).toBeGreaterThanOrEqual(0);
        expect(r.class === 'intermittent' || r.class === 'lumpy').toBe(r.adi > 1.32);
        expect(r.class === 'erratic' || r.class === 'lumpy').toBe(r.cv2 > 0.49);
      }),
      params,
    );
  });
});
