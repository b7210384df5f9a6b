import { DomainError, ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { expandBundle, priceBundle } from './bundles.js';

const BREAKFAST = {
  bundleId: 'BREAKFAST',
  name: '早餐包',
  components: [
    { sku: 'TEA', quantity: 1 },
    { sku: 'CUP', quantity: 2 },
  ],
};
const LISTS = {
  TEA: {
    tiers: [
      { minQuantity: 1, unitPrice: '12.50' },
      { minQuantity: 50, unitPrice: '11.80' },
    ],
  },
  CUP: {
    tiers: [
      { minQuantity: 1, unitPrice: '1.20' },
      { minQuantity: 100, unitPrice: '0.95' },
    ],
  },
};

describe('bundles', () => {
  it('expands into component lines', () => {
    expect(expandBundle({ bundle: BREAKFAST, quantity: 5 })).toEqual([
      { sku: 'TEA', quantity: 5 },
      { sku: 'CUP', quantity: 10 },
    ]);
  });

  it('prices from the components, each at the tier the bundles need of it', () => {
    // 60 bundles: 60 TEA at 11.80 = 708.00, 120 CUP at 0.95 = 114.00
    const price = priceBundle({ bundle: BREAKFAST, quantity: 60, priceLists: LISTS });
    expect(price.amount.toString()).toBe('822.00 CNY');
    expect(price.unitPrice.toString()).toBe('13.70 CNY');
    expect(price.components.map((c) => [c.sku, c.quantity, c.tier, c.amount.toString()])).toEqual([
      ['TEA', 60, 1, '708.00 CNY'],
      ['CUP', 120, 1, '114.00 CNY'],
    ]);
    // 10 bundles stay on the first tiers: 125.00 + 24.00
    expect(priceBundle({ bundle: BREAKFAST, quantity: 10, priceLists: LISTS }).unitPrice.toString()).toBe(
      '14.90 CNY',
    );
    // 3 bundles of a 3-for-10.00 component: the unit price to 6 decimals
    const odd = priceBundle({
      bundle: { bundleId: 'X', components: [{ sku: 'A', quantity: 1 }] },
      quantity: 3,
      priceLists: { A: { tiers: [{ minQuantity: 1, unitPrice: '3.333333' }] } },
    });
    expect(odd.unitPrice.toDecimalString()).toBe('3.333333');
  });

  it('refuses a missing price list, duplicate components and bad quantities', () => {
    expect(() => priceBundle({ bundle: BREAKFAST, quantity: 1, priceLists: { TEA: LISTS.TEA } })).toThrow(
      expect.objectContaining({ code: 'MISSING_PRICE_LIST', details: { bundleId: 'BREAKFAST', sku: 'CUP' } }),
    );
    expect(() =>
      expandBundle({
        bundle: {
          bundleId: 'B',
          components: [
            { sku: 'A', quantity: 1 },
            { sku: 'A', quantity: 2 },
          ],
        },
        quantity: 1,
      }),
    ).toThrow(ValidationError);
    expect(() => expandBundle({ bundle: BREAKFAST, quantity: 0 })).toThrow(ValidationError);
    expect(() =>
      expandBundle({
        bundle: { bundleId: 'B', components: [{ sku: 'A', quantity: 1_000_000 }] },
        quantity: 10_000,
      }),
    ).toThrow(DomainError);
  });
});
