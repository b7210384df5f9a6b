import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { findTier, priceQuantity, tierRanges } from './price-quantity.js';

const TEA = {
  tiers: [
    { minQuantity: 1, unitPrice: '12.50' },
    { minQuantity: 100, unitPrice: '11.80' },
    { minQuantity: 500, unitPrice: '10.90' },
  ],
};

describe('tier lookup', () => {
  it('maps every quantity to exactly one tier, boundaries included', () => {
    expect([1, 99, 100, 101, 499, 500, 501, 1_000_000_000].map((q) => findTier(TEA, q))).toEqual([
      0, 0, 1, 1, 1, 2, 2, 2,
    ]);
    expect(tierRanges(TEA)).toEqual([
      { tier: 0, minQuantity: 1, maxQuantity: 99, unitPrice: '12.50' },
      { tier: 1, minQuantity: 100, maxQuantity: 499, unitPrice: '11.80' },
      { tier: 2, minQuantity: 500, maxQuantity: null, unitPrice: '10.90' },
    ]);
    expect(findTier({ tiers: [{ minQuantity: 1, unitPrice: '3' }] }, 7)).toBe(0);
  });

  it('rejects quantities that are not whole positive numbers', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, 1e10]) {
      expect(() => findTier(TEA, bad)).toThrow(ValidationError);
    }
    try {
      findTier(TEA, 0);
    } catch (error) {
      expect((error as ValidationError).issues[0]?.path).toEqual(['quantity']);
    }
  });

  it('rejects price lists that would leave a gap, overlap or raise the price', () => {
    const cases: [unknown, (string | number)[]][] = [
      [[{ minQuantity: 10, unitPrice: '5' }], ['tiers', 0, 'minQuantity']],
      [
        [
          { minQuantity: 1, unitPrice: '5' },
          { minQuantity: 1, unitPrice: '4' },
        ],
        ['tiers', 1, 'minQuantity'],
      ],
      [
        [
          { minQuantity: 1, unitPrice: '5' },
          { minQuantity: 50, unitPrice: '5.01' },
        ],
        ['tiers', 1, 'unitPrice'],
      ],
      [[{ minQuantity: 1, unitPrice: '5.1234567' }], ['tiers', 0, 'unitPrice']],
      [[{ minQuantity: 1, unitPrice: '-1' }], ['tiers', 0, 'unitPrice']],
      [[], ['tiers']],
    ];
    for (const [tiers, path] of cases) {
      try {
        tierRanges({ tiers } as never);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues.map((issue) => issue.path)).toContainEqual(path);
      }
    }
  });
});

describe('priceQuantity', () => {
  it('all-units: the tier reached prices every unit', () => {
    const p = priceQuantity(TEA, 120);
    expect([p.tier, p.unitPrice.toString(), p.amount.toString(), p.averageUnitPrice.toString()]).toEqual([
      1,
      '11.80 CNY',
      '1416.00 CNY',
      '11.80 CNY',
    ]);
    // the drop at a boundary: 99 units cost more than 100
    expect(priceQuantity(TEA, 99).amount.toString()).toBe('1237.50 CNY');
    expect(priceQuantity(TEA, 100).amount.toString()).toBe('1180.00 CNY');
  });

  it('incremental: each tier prices its own units', () => {
    const p = priceQuantity({ ...TEA, pricing: 'incremental' }, 600);
    // 99 × 12.50 + 400 × 11.80 + 101 × 10.90 = 1237.50 + 4720.00 + 1100.90
    expect(p.amount.toString()).toBe('7058.40 CNY');
    expect(p.bands.map((b) => [b.tier, b.quantity, b.amount.toString()])).toEqual([
      [0, 99, '1237.50 CNY'],
      [1, 400, '4720.00 CNY'],
      [2, 101, '1100.90 CNY'],
    ]);
    expect(p.unitPrice.toString()).toBe('10.90 CNY');
    expect(p.averageUnitPrice.toString()).toBe('11.764 CNY');
    expect(priceQuantity({ ...TEA, pricing: 'incremental' }, 120).amount.toString()).toBe('1485.30 CNY');
  });

  it('keeps sub-cent unit prices exact', () => {
    const p = priceQuantity({ tiers: [{ minQuantity: 1, unitPrice: '0.123456' }] }, 7);
    expect(p.amount.toDecimalString()).toBe('0.864192');
    expect(p.amount.roundToMinor('half-even').toString()).toBe('0.86 CNY');
    expect(
      priceQuantity({ currency: 'USD', tiers: [{ minQuantity: 1, unitPrice: '2' }] }, 3).amount.toString(),
    ).toBe('6.00 USD');
  });
});
