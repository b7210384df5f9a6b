import { describe, expect, it } from 'vitest';
import { compilePriceCurve } from '../pricing/price-curve.js';
import { standaloneCost } from './standalone.js';

const tiers = [
  { minQuantity: 1, unitPrice: '12.50' },
  { minQuantity: 100, unitPrice: '11.80' },
];

describe('standaloneCost', () => {
  it('prices its own quantity at the tier it reaches on the awarded list', () => {
    const curve = compilePriceCurve({ pricing: 'all-units', tiers }, 2);
    expect(standaloneCost(10, 600, [{ quantity: 600, curve }], 2)).toBe(12_500n);
    expect(standaloneCost(150, 600, [{ quantity: 600, curve }], 2)).toBe(177_000n);
    expect(standaloneCost(0, 600, [{ quantity: 600, curve }], 2)).toBe(0n);
  });

  it('splits its units over the suppliers as the award did, each share at its own tier', () => {
    // the award bought 80 from A and 60 from B; 70 units are 40 of A's and 30 of B's
    const a = compilePriceCurve(
      {
        pricing: 'all-units',
        tiers: [
          { minQuantity: 1, unitPrice: '60' },
          { minQuantity: 50, unitPrice: '55' },
        ],
      },
      2,
    );
    const b = compilePriceCurve(
      {
        pricing: 'all-units',
        tiers: [
          { minQuantity: 1, unitPrice: '58' },
          { minQuantity: 100, unitPrice: '56' },
        ],
      },
      2,
    );
    expect(
      standaloneCost(
        70,
        140,
        [
          { quantity: 80, curve: a },
          { quantity: 60, curve: b },
        ],
        2,
      ),
    ).toBe(414_000n);
  });

  it('rounds each share up to a whole minor unit', () => {
    const curve = compilePriceCurve(
      { pricing: 'all-units', tiers: [{ minQuantity: 1, unitPrice: '0.333' }] },
      3,
    );
    // 1 unit = 0.333 → 0.34
    expect(standaloneCost(1, 3, [{ quantity: 3, curve }], 2)).toBe(34n);
    // incremental: 1.5 units of a 10.00 list = 15.00
    const incremental = compilePriceCurve(
      {
        pricing: 'incremental',
        tiers: [
          { minQuantity: 1, unitPrice: '10' },
          { minQuantity: 3, unitPrice: '8' },
        ],
      },
      2,
    );
    expect(standaloneCost(1, 4, [{ quantity: 6, curve: incremental }], 2)).toBe(1_500n);
  });
});
