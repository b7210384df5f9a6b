import { describe, expect, it } from 'vitest';
import { StockModel } from './stock-model.js';

describe('StockModel (the serial oracle of the inventory conformance suite)', () => {
  it('follows a hand-computed day of one warehouse', () => {
    const model = new StockModel({ A: false, B: false });
    expect(model.placePurchaseOrder('po', 'A', 'T', 10)).toEqual({ ok: true });
    expect(model.receive('A', 'T', 12, 'po')).toEqual({ ok: true }); // clears the 10 on order
    expect(model.reserve('r1', [{ warehouseId: 'A', sku: 'T', quantity: 9 }])).toEqual({ ok: true });
    expect(model.reserve('r2', [{ warehouseId: 'A', sku: 'T', quantity: 4 }])).toEqual({
      ok: false,
      code: 'INSUFFICIENT_STOCK',
    });
    expect(model.adjust('A', 'T', -4)).toEqual({ ok: false, code: 'INSUFFICIENT_STOCK' }); // would take reserved units
    expect(model.settleReservation('r1', true, { sku: 'T', quantity: 5 })).toEqual({ ok: true });
    expect(model.transferOut('t1', 'A', 'B', 'T', 3)).toEqual({ ok: true });
    expect(model.transferIn('t1', 2, true)).toEqual({ ok: true }); // 1 lost
    expect(model.settleReservation('r1', false)).toEqual({ ok: true });
    expect(model.settleReservation('r1', false)).toEqual({ ok: false, code: 'RESERVATION_CLOSED' });
    expect(model.positions()).toEqual([
      { warehouseId: 'A', sku: 'T', onHand: 4, reserved: 0, inTransit: 0, onOrder: 0, available: 4 },
      { warehouseId: 'B', sku: 'T', onHand: 2, reserved: 0, inTransit: 0, onOrder: 0, available: 2 },
    ]);
  });

  it('allows negative stock where the warehouse does, but no reservation beyond on hand', () => {
    const model = new StockModel({ N: true });
    expect(model.adjust('N', 'T', -3)).toEqual({ ok: true });
    expect(model.reserveNearest('r', ['N'], 'T', 1)).toEqual({ ok: false, code: 'INSUFFICIENT_STOCK' });
    expect(model.transferIn('missing', undefined, false)).toEqual({ ok: false, code: 'TRANSFER_NOT_FOUND' });
    expect(model.closePurchaseOrder('missing')).toEqual({ ok: false, code: 'PURCHASE_ORDER_NOT_FOUND' });
    expect(model.positions()).toEqual([
      { warehouseId: 'N', sku: 'T', onHand: -3, reserved: 0, inTransit: 0, onOrder: 0, available: -3 },
    ]);
  });
});
