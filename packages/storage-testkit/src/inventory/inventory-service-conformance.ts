import { ConflictError, isS2b2bError, ValidationError } from '@s2b2b/core';
import type { InventoryStorage } from '@s2b2b/inventory';
import { expect, it } from 'vitest';
import { endCursor, readAll, uniqueName } from '../fixtures.js';
import { allMovements, expectLedgerMatches, stockScenario } from './inventory-fixtures.js';

/**
 * The stock service on the storage under test: a full lifecycle with hand-computed positions,
 * events in the outbox, idempotent replays and documented errors. Registers its tests in the
 * caller's `describe`.
 *
 * @example
 * describe('my adapter: inventory', () => { inventoryServiceContract(() => storage); });
 */
export function inventoryServiceContract(storage: () => InventoryStorage): void {
  it('runs a purchase → receipt → reservation → fulfilment → release → transfer → adjustment lifecycle', async () => {
    const before = await endCursor(storage());
    const {
      service,
      warehouses: [a, b],
      sku,
      key,
      heard,
    } = await stockScenario(storage(), 2);
    const tea = sku('tea');
    const po = uniqueName('PO');
    await service.placePurchaseOrder({
      idempotencyKey: key(),
      purchaseOrderId: po,
      warehouseId: a!,
      lines: [{ sku: tea, quantity: 100 }],
    });
    const first = await service.receive({
      idempotencyKey: key(),
      warehouseId: a!,
      purchaseOrderId: po,
      lines: [{ sku: tea, quantity: 60 }],
    });
    expect(first.positions).toEqual([
      { warehouseId: a!, sku: tea, onHand: 60, reserved: 0, inTransit: 0, onOrder: 40, available: 60 },
    ]);
    // 50 more against 40 still open: the line closes and all 50 go on hand.
    const second = await service.receive({
      idempotencyKey: key(),
      warehouseId: a!,
      purchaseOrderId: po,
      lines: [{ sku: tea, quantity: 50 }],
      reference: 'GRN-2',
    });
    expect(second.positions[0]).toMatchObject({ onHand: 110, onOrder: 0 });
    expect(second.document?.lines).toEqual([{ warehouseId: a!, sku: tea, quantity: 100, open: 0 }]);
    const reserved = await service.reserve({
      idempotencyKey: key(),
      orderId: 'order-1',
      reservationId: uniqueName('res'),
      warehouseId: a!,
      lines: [{ sku: tea, quantity: 25 }],
    });
    expect(reserved.positions[0]).toMatchObject({ onHand: 110, reserved: 25, available: 85 });
    const reservationId = reserved.document!.id;
    const fulfilled = await service.fulfil({
      idempotencyKey: key(),
      reservationId,
      lines: [{ sku: tea, quantity: 10 }],
      reference: 'waybill-1',
    });
    expect(fulfilled.positions[0]).toMatchObject({ onHand: 100, reserved: 15, available: 85 });
    const released = await service.release({ idempotencyKey: key(), reservationId, reason: 'order changed' });
    expect(released.positions[0]).toMatchObject({ onHand: 100, reserved: 0, available: 100 });
    expect(released.document?.lines).toEqual([{ warehouseId: a!, sku: tea, quantity: 25, open: 0 }]);
    const transferId = uniqueName('TR');
    const out = await service.transferOut({
      idempotencyKey: key(),
      transferId,
      fromWarehouseId: a!,
      toWarehouseId: b!,
      lines: [{ sku: tea, quantity: 20 }],
    });
    expect(out.positions).toEqual([
      { warehouseId: a!, sku: tea, onHand: 80, reserved: 0, inTransit: 0, onOrder: 0, available: 80 },
      { warehouseId: b!, sku: tea, onHand: 0, reserved: 0, inTransit: 20, onOrder: 0, available: 0 },
    ]);
    const arrived = await service.transferIn({
      idempotencyKey: key(),
      transferId,
      lines: [{ sku: tea, quantity: 18 }],
      closeShort: true,
      reason: 'two cases damaged',
    });
    expect(arrived.positions).toEqual([
      { warehouseId: b!, sku: tea, onHand: 18, reserved: 0, inTransit: 0, onOrder: 0, available: 18 },
    ]);
    expect(arrived.movements.map((m) => [m.kind, m.onHandDelta, m.inTransitDelta, m.reason])).toEqual([
      ['transfer-in', 18, -18, null],
      ['transfer-loss', 0, -2, 'two cases damaged'],
    ]);
    await service.adjust({
      idempotencyKey: key(),
      warehouseId: a!,
      lines: [{ sku: tea, quantity: -5 }],
      reason: 'count',
    });
    expect(await service.getPosition(a!, tea)).toMatchObject({ onHand: 75, reserved: 0, available: 75 });

    expect((await allMovements(storage(), { warehouseId: a! })).map((m) => m.kind)).toEqual([
      'purchase-order',
      'receipt',
      'receipt',
      'reservation',
      'fulfilment',
      'release',
      'transfer-out',
      'adjustment',
    ]);
    const types = [
      'stock.ordered',
      'stock.received',
      'stock.received',
      'stock.reserved',
      'stock.fulfilled',
      'stock.released',
      'stock.transferred_out',
      'stock.transferred_in',
      'stock.adjusted',
    ];
    expect(heard.map((event) => event.type)).toEqual(types);
    const outbox = (await readAll(storage(), before)).filter((event) => heard.some((h) => h.id === event.id));
    expect(outbox.map((event) => event.type)).toEqual(types);
    expect(outbox[2]?.payload).toEqual({
      warehouseId: a!,
      purchaseOrderId: po,
      reference: 'GRN-2',
      lines: [{ sku: tea, quantity: 50, onOrderCleared: 40 }],
    });
    expect(outbox[7]?.payload).toMatchObject({ lines: [{ sku: tea, quantity: 18, lost: 2 }] });
    await expectLedgerMatches(storage(), [a!, b!]);
  });

  it('closes a purchase order: what is still on order leaves on order, once', async () => {
    const {
      service,
      warehouses: [a],
      sku,
      key,
    } = await stockScenario(storage(), 1);
    const po = uniqueName('PO');
    const rice = sku('rice');
    await service.placePurchaseOrder({
      idempotencyKey: key(),
      purchaseOrderId: po,
      warehouseId: a!,
      lines: [{ sku: rice, quantity: 50 }],
    });
    await service.receive({
      idempotencyKey: key(),
      warehouseId: a!,
      purchaseOrderId: po,
      lines: [{ sku: rice, quantity: 30 }],
    });
    const closed = await service.closePurchaseOrder({
      idempotencyKey: key(),
      purchaseOrderId: po,
      reason: 'short-shipped',
    });
    expect(closed.positions[0]).toMatchObject({ onHand: 30, onOrder: 0 });
    expect(closed.events[0]?.payload).toEqual({
      purchaseOrderId: po,
      warehouseId: a!,
      reason: 'short-shipped',
      lines: [{ sku: rice, quantity: 20 }],
    });
    await expect(
      service.closePurchaseOrder({ idempotencyKey: key(), purchaseOrderId: po }),
    ).rejects.toMatchObject({
      code: 'PURCHASE_ORDER_CLOSED',
    });
    await expect(
      service.receive({
        idempotencyKey: key(),
        warehouseId: a!,
        purchaseOrderId: po,
        lines: [{ sku: sku('salt'), quantity: 1 }],
      }),
    ).rejects.toMatchObject({ code: 'LINE_NOT_FOUND' });
    await expectLedgerMatches(storage(), [a!]);
  });

  it('replays an idempotency key: the first outcome, nothing written; another payload conflicts', async () => {
    const {
      service,
      warehouses: [a],
      sku,
      heard,
    } = await stockScenario(storage(), 1);
    const before = await endCursor(storage());
    const input = {
      idempotencyKey: uniqueName('grn'),
      warehouseId: a!,
      lines: [{ sku: sku('tea'), quantity: 12 }],
    };
    const first = await service.receive(input);
    const again = await service.receive({ ...input, lines: [{ quantity: 12, sku: sku('tea') }] });
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ ...first, replayed: true });
    expect(again.movements[0]?.occurredAt).toBeInstanceOf(Date);
    expect(await allMovements(storage(), { warehouseId: a! })).toHaveLength(1);
    expect(heard).toHaveLength(1);
    expect(await readAll(storage(), before)).toHaveLength(1);
    const conflict = service.receive({ ...input, lines: [{ sku: sku('tea'), quantity: 13 }] });
    await expect(conflict).rejects.toBeInstanceOf(ConflictError);
    await expect(conflict).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
    expect((await service.getPosition(a!, sku('tea')))?.onHand).toBe(12);
  });

  it('spends a key on a refusal: the replay is refused the same way even after stock arrived', async () => {
    const {
      service,
      warehouses: [a],
      sku,
      key,
    } = await stockScenario(storage(), 1);
    const order = {
      idempotencyKey: uniqueName('order'),
      orderId: 'o-9',
      warehouseId: a!,
      lines: [{ sku: sku('tea'), quantity: 3 }],
    };
    await expect(service.reserve(order)).rejects.toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      details: { shortages: [{ warehouseId: a!, sku: sku('tea'), requested: 3, available: 0 }] },
    });
    await service.receive({
      idempotencyKey: key(),
      warehouseId: a!,
      lines: [{ sku: sku('tea'), quantity: 10 }],
    });
    await expect(service.reserve(order)).rejects.toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      details: { replayed: true },
    });
    expect((await service.getPosition(a!, sku('tea')))?.reserved).toBe(0);
  });

  it('refuses bad input before writing, and names unknown things with their codes', async () => {
    const {
      service,
      warehouses: [a],
      sku,
      key,
    } = await stockScenario(storage(), 1);
    const before = await endCursor(storage());
    const bad = service.reserve({
      idempotencyKey: key(),
      orderId: 'o',
      warehouseId: a!,
      lines: [{ sku: sku('tea'), quantity: 0 }],
    });
    await expect(bad).rejects.toBeInstanceOf(ValidationError);
    await expect(bad).rejects.toMatchObject({ issues: [{ path: ['lines', 0, 'quantity'] }] });
    await expect(
      service.reserve({ idempotencyKey: key(), orderId: 'o', lines: [{ sku: sku('tea'), quantity: 1 }] }),
    ).rejects.toMatchObject({ issues: [{ path: ['warehouseId'] }] });
    await expect(
      service.transferOut({
        idempotencyKey: key(),
        transferId: 't',
        fromWarehouseId: a!,
        toWarehouseId: a!,
        lines: [{ sku: 'x', quantity: 1 }],
      }),
    ).rejects.toMatchObject({ issues: [{ path: ['toWarehouseId'] }] });
    await expect(
      service.receive({ idempotencyKey: '', warehouseId: a!, lines: [{ sku: 'x', quantity: 1 }] }),
    ).rejects.toMatchObject({
      issues: [{ path: ['idempotencyKey'] }],
    });
    expect(await readAll(storage(), before)).toEqual([]);
    const ghost = uniqueName('ghost');
    await expect(
      service.reserve({
        idempotencyKey: key(),
        orderId: 'o',
        warehouseId: ghost,
        lines: [{ sku: 'x', quantity: 1 }],
      }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_WAREHOUSE', details: { warehouseId: ghost } });
    await expect(
      service.receive({ idempotencyKey: key(), warehouseId: ghost, lines: [{ sku: 'x', quantity: 1 }] }),
    ).rejects.toMatchObject({
      code: 'UNKNOWN_WAREHOUSE',
    });
    await expect(service.release({ idempotencyKey: key(), reservationId: ghost })).rejects.toMatchObject({
      code: 'RESERVATION_NOT_FOUND',
    });
    await expect(service.transferIn({ idempotencyKey: key(), transferId: ghost })).rejects.toMatchObject({
      code: 'TRANSFER_NOT_FOUND',
    });
    await expect(
      service.receive({
        idempotencyKey: key(),
        warehouseId: a!,
        purchaseOrderId: ghost,
        lines: [{ sku: 'x', quantity: 1 }],
      }),
    ).rejects.toSatisfy((error: unknown) => isS2b2bError(error, 'PURCHASE_ORDER_NOT_FOUND'));
  });
}
