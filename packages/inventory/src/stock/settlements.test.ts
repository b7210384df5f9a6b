import { describe, expect, it } from 'vitest';
import type { StockDocument } from '../store.js';
import { resolveSettlements } from './settlements.js';

const reservation: StockDocument = {
  kind: 'reservation',
  id: 'res-1',
  reference: 'order-1',
  sourceWarehouseId: null,
  createdAt: new Date('2026-03-01T00:00:00Z'),
  lines: [
    { warehouseId: 'B', sku: 'TEA', quantity: 4, open: 4 },
    { warehouseId: 'A', sku: 'TEA', quantity: 6, open: 2 },
    { warehouseId: 'A', sku: 'RICE', quantity: 5, open: 0 },
  ],
};

describe('resolveSettlements', () => {
  it('settles everything open when no lines are given', () => {
    expect(resolveSettlements(reservation)).toEqual([
      { warehouseId: 'A', sku: 'TEA', quantity: 2 },
      { warehouseId: 'B', sku: 'TEA', quantity: 4 },
    ]);
  });

  it('spreads an unpinned line over the SKU’s lines in key order', () => {
    expect(resolveSettlements(reservation, [{ sku: 'TEA', quantity: 5 }])).toEqual([
      { warehouseId: 'A', sku: 'TEA', quantity: 2 },
      { warehouseId: 'B', sku: 'TEA', quantity: 3 },
    ]);
  });

  it('settles a pinned line on its warehouse only', () => {
    expect(resolveSettlements(reservation, [{ sku: 'TEA', quantity: 4, warehouseId: 'B' }])).toEqual([
      { warehouseId: 'B', sku: 'TEA', quantity: 4 },
    ]);
  });

  it('refuses more than is open, lines the document does not have, and a closed document', () => {
    expect(() => resolveSettlements(reservation, [{ sku: 'TEA', quantity: 7 }])).toThrow(
      expect.objectContaining({
        code: 'EXCEEDS_OPEN_QUANTITY',
        details: expect.objectContaining({ requested: 7, open: 6 }),
      }),
    );
    expect(() => resolveSettlements(reservation, [{ sku: 'TEA', quantity: 3, warehouseId: 'A' }])).toThrow(
      expect.objectContaining({ code: 'EXCEEDS_OPEN_QUANTITY' }),
    );
    expect(() => resolveSettlements(reservation, [{ sku: 'RICE', quantity: 1, warehouseId: 'B' }])).toThrow(
      expect.objectContaining({
        code: 'LINE_NOT_FOUND',
        details: expect.objectContaining({ warehouseId: 'B' }),
      }),
    );
    expect(() => resolveSettlements(reservation, [{ sku: 'SALT', quantity: 1 }])).toThrow(
      expect.objectContaining({
        code: 'LINE_NOT_FOUND',
        details: expect.objectContaining({ warehouseId: null }),
      }),
    );
    const closed = { ...reservation, lines: reservation.lines.map((line) => ({ ...line, open: 0 })) };
    expect(() => resolveSettlements(closed)).toThrow(expect.objectContaining({ code: 'RESERVATION_CLOSED' }));
    expect(() => resolveSettlements({ ...closed, kind: 'transfer' })).toThrow(
      expect.objectContaining({ code: 'TRANSFER_CLOSED' }),
    );
  });
});
