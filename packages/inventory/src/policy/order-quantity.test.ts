import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrown } from '../../test/helpers.js';
import { roundOrderQuantity } from './order-quantity.js';

describe('roundOrderQuantity', () => {
  it('packs up (default), down and nearest', () => {
    expect(roundOrderQuantity(40, { packSize: 12 })).toEqual({
      quantity: 48,
      requested: 40,
      packs: 4,
      adjustments: ['pack'],
    });
    expect(roundOrderQuantity(40, { packSize: 12, rounding: 'down' }).quantity).toBe(36);
    expect(roundOrderQuantity(40, { packSize: 12, rounding: 'nearest' }).quantity).toBe(36);
    expect(roundOrderQuantity(43, { packSize: 12, rounding: 'nearest' }).quantity).toBe(48);
    expect(roundOrderQuantity(0.7, { packSize: 0.25 }).quantity).toBe(0.75);
  });

  it('MOQ rounded up to a pack; rounding down never goes below the smallest order', () => {
    expect(roundOrderQuantity(7, { packSize: 6, moq: 15 })).toMatchObject({
      quantity: 18,
      adjustments: ['pack', 'moq'],
    });
    expect(roundOrderQuantity(5, { packSize: 12, rounding: 'down' })).toMatchObject({
      quantity: 12,
      adjustments: ['pack', 'moq'],
    });
    expect(roundOrderQuantity(3, { moq: 10 })).toMatchObject({ quantity: 10, adjustments: ['moq'] });
    expect(roundOrderQuantity(0, { moq: 10, packSize: 6 }).quantity).toBe(0);
  });

  it('caps at the maximum in whole packs, refuses when even the MOQ is above it', () => {
    expect(roundOrderQuantity(500, { packSize: 12, max: 250 })).toMatchObject({
      quantity: 240,
      adjustments: ['pack', 'max'],
    });
    const e = thrown(() => roundOrderQuantity(5, { packSize: 12, moq: 100, max: 50 }));
    expect(e.code).toBe('MOQ_ABOVE_MAXIMUM');
    expect(e.details).toMatchObject({ minimum: 108, max: 50 });
    expect(thrown(() => roundOrderQuantity(-1)).issues?.[0]?.path).toEqual(['quantity']);
    expect(thrown(() => roundOrderQuantity(1, { packSize: 0 })).issues?.[0]?.path).toEqual([
      'rules',
      'packSize',
    ]);
  });

  it('property: up never below the need, down never above it (unless the minimum order), whole packs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 48 }),
        fc.integer({ min: 0, max: 200 }),
        (q, pack, moq) => {
          const up = roundOrderQuantity(q, { packSize: pack, moq }).quantity;
          expect(up).toBeGreaterThanOrEqual(Math.max(q, moq));
          expect(up % pack).toBe(0);
          expect(up - pack).toBeLessThan(Math.max(q, moq));
          const down = roundOrderQuantity(q, { packSize: pack, moq, rounding: 'down' }).quantity;
          expect(down % pack).toBe(0);
          expect(down <= q || down === Math.ceil(Math.max(moq, 1) / pack) * pack).toBe(true);
        },
      ),
    );
  });
});
