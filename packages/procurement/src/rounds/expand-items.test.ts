import { describe, expect, it } from 'vitest';
import { expandItems } from './expand-items.js';

const ROUND = {
  roundId: 'R-1',
  skus: ['TEA', 'CUP', 'MILK'].map((sku) => ({ sku, name: null, requiredDocuments: [] })),
  bundles: [
    {
      bundleId: 'SET',
      name: null,
      components: [
        { sku: 'TEA', quantity: 1 },
        { sku: 'CUP', quantity: 2 },
      ],
    },
  ],
};

describe('expandItems', () => {
  it('expands bundles, merges equal SKUs and sorts by SKU', () => {
    expect(
      expandItems(
        [
          { sku: 'TEA', quantity: 2 },
          { bundleId: 'SET', quantity: 3 },
        ],
        ROUND,
      ),
    ).toEqual([
      { sku: 'CUP', quantity: 6 },
      { sku: 'TEA', quantity: 5 },
    ]);
  });

  it('names the unknown SKU or bundle', () => {
    expect(() => expandItems([{ sku: 'RICE', quantity: 1 }], ROUND)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_SKU', details: { roundId: 'R-1', sku: 'RICE', item: 0 } }),
    );
    expect(() =>
      expandItems(
        [
          { sku: 'TEA', quantity: 1 },
          { bundleId: 'GIFT', quantity: 1 },
        ],
        ROUND,
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'UNKNOWN_BUNDLE',
        details: { roundId: 'R-1', bundleId: 'GIFT', item: 1 },
      }),
    );
    expect(() =>
      expandItems(
        [
          { sku: 'TEA', quantity: 999_999_999 },
          { bundleId: 'SET', quantity: 2 },
        ],
        ROUND,
      ),
    ).toThrow(expect.objectContaining({ code: 'QUANTITY_TOO_LARGE' }));
  });
});
