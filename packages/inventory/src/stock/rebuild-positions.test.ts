import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rebuildPositions } from './rebuild-positions.js';

const row = (
  warehouseId: string,
  sku: string,
  onHandDelta: number,
  reservedDelta = 0,
  inTransitDelta = 0,
  onOrderDelta = 0,
) => ({
  warehouseId,
  sku,
  onHandDelta,
  reservedDelta,
  inTransitDelta,
  onOrderDelta,
});

describe('rebuildPositions', () => {
  it('sums each position’s movements (hand-checked ledger)', () => {
    const ledger = [
      row('WH-SH', 'TEA', 0, 0, 0, 500), // purchase order
      row('WH-SH', 'TEA', 480, 0, 0, -480), // receipt against it
      row('WH-SH', 'TEA', 0, 30), // reservation
      row('WH-SH', 'TEA', -20, -20), // fulfilment
      row('WH-SH', 'TEA', -100), // transfer out
      row('WH-HZ', 'TEA', 0, 0, 100), // ... in transit at the destination
      row('WH-HZ', 'TEA', 96, 0, -96), // transfer in
      row('WH-HZ', 'TEA', 0, 0, -4), // written off
      row('WH-SH', 'RICE', -2), // adjustment in a warehouse allowing negative stock
    ];
    expect(rebuildPositions(ledger)).toEqual([
      { warehouseId: 'WH-HZ', sku: 'TEA', onHand: 96, reserved: 0, inTransit: 0, onOrder: 0, available: 96 },
      { warehouseId: 'WH-SH', sku: 'RICE', onHand: -2, reserved: 0, inTransit: 0, onOrder: 0, available: -2 },
      {
        warehouseId: 'WH-SH',
        sku: 'TEA',
        onHand: 360,
        reserved: 10,
        inTransit: 0,
        onOrder: 20,
        available: 350,
      },
    ]);
    expect(rebuildPositions([])).toEqual([]);
  });

  it('does not depend on the order of the rows, and agrees with a running fold', () => {
    const movement = fc.record({
      warehouseId: fc.constantFrom('A', 'B'),
      sku: fc.constantFrom('x', 'y', 'z'),
      onHandDelta: fc.integer({ min: -50, max: 50 }),
      reservedDelta: fc.integer({ min: -50, max: 50 }),
      inTransitDelta: fc.integer({ min: -50, max: 50 }),
      onOrderDelta: fc.integer({ min: -50, max: 50 }),
    });
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 80 }), fc.infiniteStream(fc.nat()), (ledger, noise) => {
        const shuffled = [...ledger].sort(() => (noise.next().value % 3) - 1);
        const rebuilt = rebuildPositions(ledger);
        expect(rebuildPositions(shuffled)).toEqual(rebuilt);
        for (const position of rebuilt) {
          const mine = ledger.filter((m) => m.warehouseId === position.warehouseId && m.sku === position.sku);
          expect(position.onHand).toBe(mine.reduce((s, m) => s + m.onHandDelta, 0));
          expect(position.reserved).toBe(mine.reduce((s, m) => s + m.reservedDelta, 0));
          expect(position.available).toBe(position.onHand - position.reserved);
        }
        expect(rebuilt).toHaveLength(new Set(ledger.map((m) => `${m.warehouseId}/${m.sku}`)).size);
      }),
    );
  });
});
