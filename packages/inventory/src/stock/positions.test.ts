import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkMovement,
  compareCodePoints,
  comparePositionKeys,
  MAX_STOCK_QUANTITY,
  toStockPosition,
  uniquePositionKeys,
} from './positions.js';

const counts = (onHand: number, reserved = 0, inTransit = 0, onOrder = 0) => ({
  onHand,
  reserved,
  inTransit,
  onOrder,
});
const delta = (onHandDelta: number, reservedDelta = 0, inTransitDelta = 0, onOrderDelta = 0) => ({
  onHandDelta,
  reservedDelta,
  inTransitDelta,
  onOrderDelta,
});

describe('compareCodePoints', () => {
  it('orders as the UTF-8 bytes do (PostgreSQL COLLATE "C"), not as UTF-16 units', () => {
    expect(compareCodePoints('a', 'b')).toBe(-1);
    expect(compareCodePoints('ab', 'a')).toBe(1);
    expect(compareCodePoints('same', 'same')).toBe(0);
    // U+FFFF is one UTF-16 unit 0xFFFF; U+1F600 is the pair 0xD83D 0xDE00: `<` gets this wrong.
    expect('\uFFFF' < '😀').toBe(false);
    expect(compareCodePoints('\uFFFF', '😀')).toBe(-1);
    expect(compareCodePoints('仓', 'A')).toBe(1);
  });

  it('agrees with Buffer.compare of the UTF-8 encodings on any strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(compareCodePoints(a, b)).toBe(Buffer.compare(Buffer.from(a), Buffer.from(b)));
      }),
    );
  });
});

describe('position keys', () => {
  it('sorts by warehouse, then SKU, and dedupes', () => {
    const keys = [
      { warehouseId: 'B', sku: 'x' },
      { warehouseId: 'A', sku: 'y' },
      { warehouseId: 'A', sku: 'x' },
      { warehouseId: 'B', sku: 'x' },
    ];
    expect(uniquePositionKeys(keys)).toEqual([
      { warehouseId: 'A', sku: 'x' },
      { warehouseId: 'A', sku: 'y' },
      { warehouseId: 'B', sku: 'x' },
    ]);
    expect(comparePositionKeys({ warehouseId: 'A', sku: 'z' }, { warehouseId: 'B', sku: 'a' })).toBe(-1);
  });

  it('derives available as on hand minus reserved', () => {
    expect(toStockPosition({ warehouseId: 'W', sku: 'S' }, counts(10, 3, 4, 5))).toEqual({
      warehouseId: 'W',
      sku: 'S',
      onHand: 10,
      reserved: 3,
      inTransit: 4,
      onOrder: 5,
      available: 7,
    });
  });
});

describe('checkMovement', () => {
  it('lets a reservation take exactly what is available, not one more', () => {
    expect(checkMovement(counts(10, 8), delta(0, 2), false)).toBeNull();
    expect(checkMovement(counts(10, 8), delta(0, 3), false)).toEqual({
      rule: 'available',
      counter: 'available',
      current: 2,
      change: -3,
    });
  });

  it('never lets a reservation exceed on hand, even where negative stock is allowed', () => {
    expect(checkMovement(counts(10, 8), delta(0, 3), true)).toMatchObject({ rule: 'available' });
    expect(checkMovement(counts(-4, 0), delta(0, 1), true)).toMatchObject({ rule: 'available', current: -4 });
  });

  it('keeps outbound stock off reserved units unless the warehouse allows negative stock', () => {
    // 10 on hand, 8 reserved: shipping 3 unreserved units would eat into reserved stock.
    expect(checkMovement(counts(10, 8), delta(-3), false)).toEqual({
      rule: 'available',
      counter: 'available',
      current: 2,
      change: -3,
    });
    expect(checkMovement(counts(10, 8), delta(-2), false)).toBeNull();
    expect(checkMovement(counts(10, 8), delta(-15), true)).toBeNull();
  });

  it('allows movements that do not lower available, whatever the state', () => {
    expect(checkMovement(counts(5, 5), delta(-5, -5), false)).toBeNull(); // fulfilment
    expect(checkMovement(counts(-3, 0), delta(2), false)).toBeNull(); // receipt into a negative position
    expect(checkMovement(counts(5, 5), delta(0, -5), false)).toBeNull(); // release
  });

  it('refuses to take reserved, in transit or on order below zero', () => {
    expect(checkMovement(counts(5, 2), delta(0, -3), false)).toEqual({
      rule: 'underflow',
      counter: 'reserved',
      current: 2,
      change: -3,
    });
    expect(checkMovement(counts(5, 0, 1), delta(2, 0, -2), true)).toMatchObject({ counter: 'inTransit' });
    expect(checkMovement(counts(5, 0, 0, 4), delta(5, 0, 0, -5), false)).toMatchObject({
      counter: 'onOrder',
    });
  });

  it('refuses counters beyond 2^53 - 1', () => {
    expect(checkMovement(counts(MAX_STOCK_QUANTITY - 1), delta(1), false)).toBeNull();
    expect(checkMovement(counts(MAX_STOCK_QUANTITY), delta(1), false)).toMatchObject({
      rule: 'overflow',
      counter: 'onHand',
    });
  });

  it('keeps 0 <= reserved <= on hand for any accepted sequence in a warehouse without negative stock', () => {
    const step = fc.record({
      onHandDelta: fc.integer({ min: -20, max: 20 }),
      reservedDelta: fc.integer({ min: -20, max: 20 }),
      inTransitDelta: fc.constant(0),
      onOrderDelta: fc.constant(0),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let state = counts(0);
        for (const d of steps) {
          if (checkMovement(state, d, false)) continue;
          state = counts(state.onHand + d.onHandDelta, state.reserved + d.reservedDelta);
          expect(state.reserved).toBeGreaterThanOrEqual(0);
          expect(state.reserved).toBeLessThanOrEqual(state.onHand);
        }
      }),
    );
  });
});
