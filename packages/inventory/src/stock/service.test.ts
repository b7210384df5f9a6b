import { fixedClock, ValidationError } from '@s2b2b/core';
import { createMemoryStorage } from '@s2b2b/storage-memory';
import { describe, expect, it } from 'vitest';
import type { StockEvent } from './events.js';
import { rebuildPositions } from './rebuild-positions.js';
import { createInventoryService } from './service.js';

const NOW = '2026-03-01T08:00:00.000Z';

async function setup(options: { allowNegative?: string[] } = {}) {
  const storage = createMemoryStorage();
  const heard: StockEvent[] = [];
  let n = 0;
  const stock = createInventoryService({
    storage,
    clock: fixedClock(NOW),
    onEvent: (event) => {
      heard.push(event);
    },
    ids: () => {
      n += 1;
      return `id-${n}`;
    },
  });
  for (const id of ['SH', 'HZ', 'NJ']) {
    await stock.saveWarehouse({
      idempotencyKey: `wh-${id}`,
      warehouseId: id,
      name: `${id} hub`,
      allowNegative: options.allowNegative?.includes(id) ?? false,
    });
  }
  heard.length = 0;
  return { storage, stock, heard };
}

describe('createInventoryService: reservations across warehouses', () => {
  it('fewest-splits ships from the one warehouse that has it all', async () => {
    const { stock } = await setup();
    await stock.receive({ idempotencyKey: 'g1', warehouseId: 'SH', lines: [{ sku: 'TEA', quantity: 6 }] });
    await stock.receive({ idempotencyKey: 'g2', warehouseId: 'HZ', lines: [{ sku: 'TEA', quantity: 12 }] });
    const result = await stock.reserve({
      idempotencyKey: 'o-1',
      orderId: 'o-1',
      lines: [{ sku: 'TEA', quantity: 10 }],
      sourcing: { rule: 'fewest-splits', warehouses: [{ warehouseId: 'SH' }, { warehouseId: 'HZ' }] },
    });
    expect(result.document).toEqual({
      kind: 'reservation',
      id: 'id-6', // ids 1-5 went to the events of the warehouses and receipts

      reference: 'o-1',
      sourceWarehouseId: null,
      createdAt: new Date(NOW),
      lines: [{ warehouseId: 'HZ', sku: 'TEA', quantity: 10, open: 10 }],
    });
    expect(result.positions).toEqual([
      { warehouseId: 'HZ', sku: 'TEA', onHand: 12, reserved: 10, inTransit: 0, onOrder: 0, available: 2 },
    ]);
  });

  it('cheapest splits when the lane costs say so, and reports the events', async () => {
    const { stock, heard } = await setup();
    await stock.receive({ idempotencyKey: 'g1', warehouseId: 'SH', lines: [{ sku: 'TEA', quantity: 4 }] });
    await stock.receive({ idempotencyKey: 'g2', warehouseId: 'HZ', lines: [{ sku: 'TEA', quantity: 10 }] });
    heard.length = 0;
    // SH 4 × 0.20 + 2.00 and HZ 2 × 0.90 + 1.00 = 5.60 beats HZ alone: 6 × 0.90 + 1.00 = 6.40.
    const result = await stock.reserve({
      idempotencyKey: 'o-2',
      orderId: 'o-2',
      reservationId: 'res-o-2',
      lines: [{ sku: 'TEA', quantity: 6 }],
      sourcing: {
        rule: 'cheapest',
        warehouses: [
          { warehouseId: 'HZ', unitCost: '0.90', shipmentCost: '1.00' },
          { warehouseId: 'SH', unitCost: '0.20', shipmentCost: '2.00' },
        ],
      },
    });
    expect(result.document?.lines).toEqual([
      { warehouseId: 'HZ', sku: 'TEA', quantity: 2, open: 2 },
      { warehouseId: 'SH', sku: 'TEA', quantity: 4, open: 4 },
    ]);
    expect(heard).toEqual([
      {
        id: expect.any(String),
        type: 'stock.reserved',
        occurredAt: new Date(NOW),
        aggregateId: 'res-o-2',
        payload: {
          reservationId: 'res-o-2',
          orderId: 'o-2',
          rule: 'cheapest',
          lines: [
            { warehouseId: 'HZ', sku: 'TEA', quantity: 2 },
            { warehouseId: 'SH', sku: 'TEA', quantity: 4 },
          ],
          unmet: [],
        },
      },
    ]);
  });

  it('reserves what it can with allowPartial and names the rest; without it, nothing', async () => {
    const { storage, stock } = await setup();
    await stock.receive({ idempotencyKey: 'g1', warehouseId: 'SH', lines: [{ sku: 'TEA', quantity: 3 }] });
    const sourcing = {
      rule: 'nearest' as const,
      warehouses: [
        { warehouseId: 'SH', distance: 5 },
        { warehouseId: 'HZ', distance: 9 },
      ],
    };
    const lines = [
      { sku: 'TEA', quantity: 5 },
      { sku: 'RICE', quantity: 1 },
    ];
    await expect(
      stock.reserve({ idempotencyKey: 'o-3', orderId: 'o-3', lines, sourcing }),
    ).rejects.toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      details: {
        shortages: [
          { warehouseId: null, sku: 'TEA', requested: 5, available: 3 },
          { warehouseId: null, sku: 'RICE', requested: 1, available: 0 },
        ],
      },
    });
    expect((await stock.getPosition('SH', 'TEA'))?.reserved).toBe(0);
    const partial = await stock.reserve({
      idempotencyKey: 'o-4',
      orderId: 'o-4',
      lines,
      sourcing,
      allowPartial: true,
    });
    expect(partial.unmet).toEqual([
      { sku: 'TEA', quantity: 2 },
      { sku: 'RICE', quantity: 1 },
    ]);
    expect(partial.document?.lines).toEqual([{ warehouseId: 'SH', sku: 'TEA', quantity: 3, open: 3 }]);
    // Nothing at all available is still a refusal: a reservation with no lines is no reservation.
    await expect(
      stock.reserve({ idempotencyKey: 'o-5', orderId: 'o-5', lines, sourcing, allowPartial: true }),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    expect(rebuildPositions(await storage.inventory.listMovements())).toEqual(
      await storage.inventory.listPositions(),
    );
  });

  it('releases and fulfils pinned lines of a split reservation', async () => {
    const { stock } = await setup();
    await stock.receive({ idempotencyKey: 'g1', warehouseId: 'SH', lines: [{ sku: 'TEA', quantity: 4 }] });
    await stock.receive({ idempotencyKey: 'g2', warehouseId: 'HZ', lines: [{ sku: 'TEA', quantity: 4 }] });
    const { document } = await stock.reserve({
      idempotencyKey: 'o-6',
      orderId: 'o-6',
      lines: [{ sku: 'TEA', quantity: 7 }],
      sourcing: {
        rule: 'nearest',
        warehouses: [
          { warehouseId: 'SH', distance: 1 },
          { warehouseId: 'HZ', distance: 2 },
        ],
      },
    });
    const shipped = await stock.fulfil({
      idempotencyKey: 'f-6',
      reservationId: document!.id,
      lines: [{ sku: 'TEA', quantity: 3, warehouseId: 'HZ' }],
    });
    expect(shipped.positions).toEqual([
      { warehouseId: 'HZ', sku: 'TEA', onHand: 1, reserved: 0, inTransit: 0, onOrder: 0, available: 1 },
    ]);
    const released = await stock.release({ idempotencyKey: 'r-6', reservationId: document!.id });
    expect(released.movements.map((m) => [m.warehouseId, m.kind, m.reservedDelta])).toEqual([
      ['SH', 'release', -4],
    ]);
    await expect(
      stock.release({ idempotencyKey: 'r-6b', reservationId: document!.id }),
    ).rejects.toMatchObject({
      code: 'RESERVATION_CLOSED',
    });
    expect(await stock.getReservation(document!.id)).toMatchObject({
      lines: [
        { warehouseId: 'HZ', sku: 'TEA', quantity: 3, open: 0 },
        { warehouseId: 'SH', sku: 'TEA', quantity: 4, open: 0 },
      ],
    });
  });
});

describe('createInventoryService: stock movements', () => {
  it('lets a warehouse that allows negative stock ship below zero, but never reserve below it', async () => {
    const { stock } = await setup({ allowNegative: ['NJ'] });
    const adjusted = await stock.adjust({
      idempotencyKey: 'a1',
      warehouseId: 'NJ',
      lines: [{ sku: 'TEA', quantity: -3 }],
      reason: 'shipped before the receipt was booked',
    });
    expect(adjusted.positions[0]).toMatchObject({ onHand: -3, available: -3 });
    await expect(
      stock.reserve({
        idempotencyKey: 'o',
        orderId: 'o',
        warehouseId: 'NJ',
        lines: [{ sku: 'TEA', quantity: 1 }],
      }),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    await expect(
      stock.adjust({
        idempotencyKey: 'a2',
        warehouseId: 'SH',
        lines: [{ sku: 'TEA', quantity: -1 }],
        reason: 'x',
      }),
    ).rejects.toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      details: { shortages: [{ warehouseId: 'SH', sku: 'TEA', requested: 1, available: 0 }] },
    });
  });

  it('receives a whole transfer when no lines are given', async () => {
    const { stock } = await setup();
    await stock.receive({
      idempotencyKey: 'g',
      warehouseId: 'SH',
      lines: [
        { sku: 'TEA', quantity: 9 },
        { sku: 'RICE', quantity: 2 },
      ],
    });
    await stock.transferOut({
      idempotencyKey: 't',
      transferId: 'T-1',
      fromWarehouseId: 'SH',
      toWarehouseId: 'HZ',
      lines: [
        { sku: 'TEA', quantity: 9 },
        { sku: 'RICE', quantity: 2 },
      ],
    });
    expect(await stock.getTransfer('T-1')).toMatchObject({ sourceWarehouseId: 'SH' });
    const arrived = await stock.transferIn({ idempotencyKey: 't-in', transferId: 'T-1' });
    expect(arrived.positions.map((p) => [p.sku, p.onHand, p.inTransit])).toEqual([
      ['RICE', 2, 0],
      ['TEA', 9, 0],
    ]);
    expect(arrived.events[0]?.payload).toEqual({
      transferId: 'T-1',
      fromWarehouseId: 'SH',
      toWarehouseId: 'HZ',
      reason: null,
      lines: [
        { sku: 'RICE', quantity: 2, lost: 0 },
        { sku: 'TEA', quantity: 9, lost: 0 },
      ],
    });
    await expect(stock.transferIn({ idempotencyKey: 't-in-2', transferId: 'T-1' })).rejects.toMatchObject({
      code: 'TRANSFER_CLOSED',
    });
  });

  it('writes every change as a movement with the command that made it', async () => {
    const { storage, stock } = await setup();
    await stock.receive({
      idempotencyKey: 'grn-7',
      warehouseId: 'SH',
      lines: [{ sku: 'TEA', quantity: 5 }],
      reference: 'GRN-7',
    });
    expect(await storage.inventory.listMovements()).toEqual([
      {
        sequence: 1,
        warehouseId: 'SH',
        sku: 'TEA',
        kind: 'receipt',
        onHandDelta: 5,
        reservedDelta: 0,
        inTransitDelta: 0,
        onOrderDelta: 0,
        documentKind: null,
        documentId: null,
        reference: 'GRN-7',
        reason: null,
        commandScope: 'inventory.receive',
        commandKey: 'grn-7',
        occurredAt: new Date(NOW),
      },
    ]);
  });
});

describe('createInventoryService: events, replays and input', () => {
  it('calls onEvent after the commit; a listener that throws fails the call, and the retry replays', async () => {
    const storage = createMemoryStorage();
    let calls = 0;
    const stock = createInventoryService({
      storage,
      clock: fixedClock(NOW),
      onEvent: () => {
        calls += 1;
        throw new Error('bus down');
      },
    });
    await expect(stock.saveWarehouse({ idempotencyKey: 'wh', warehouseId: 'SH' })).rejects.toThrow(
      'bus down',
    );
    expect(await stock.getWarehouse('SH')).toEqual({ id: 'SH', name: null, allowNegative: false });
    const replay = await stock.saveWarehouse({ idempotencyKey: 'wh', warehouseId: 'SH' });
    expect(replay).toMatchObject({ replayed: true, warehouse: { id: 'SH' } });
    expect(calls).toBe(1);
    expect((await storage.events.since(null)).events.map((e) => e.type)).toEqual(['stock.warehouse_saved']);
  });

  it('checks its options and its reads', async () => {
    expect(() => createInventoryService({ storage: {} as never })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['storage'] })] }),
    );
    expect(() => createInventoryService({ storage: createMemoryStorage(), clock: {} as never })).toThrow(
      ValidationError,
    );
    expect(() => createInventoryService({ storage: createMemoryStorage(), onEvent: 1 as never })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['onEvent'] })] }),
    );
    const { stock } = await setup();
    await expect(stock.getPosition('', 'TEA')).rejects.toMatchObject({ issues: [{ path: ['warehouseId'] }] });
    await expect(stock.listPositions({ limit: 0 })).rejects.toMatchObject({ issues: [{ path: ['limit'] }] });
    await expect(stock.getReservation(42 as never)).rejects.toMatchObject({
      issues: [{ path: ['reservationId'] }],
    });
    expect(await stock.getPurchaseOrder('none')).toBeNull();
    expect((await stock.listWarehouses()).map((w) => w.id)).toEqual(['HZ', 'NJ', 'SH']);
  });

  it('rejects malformed commands with the field named, whatever the garbage', async () => {
    const { stock, storage } = await setup();
    const cases: [() => Promise<unknown>, (string | number)[]][] = [
      [() => stock.receive(null as never), []],
      [() => stock.receive({ idempotencyKey: 'k', warehouseId: 'SH', lines: [] }), ['lines']],
      [
        () =>
          stock.receive({ idempotencyKey: 'k', warehouseId: 'SH', lines: [{ sku: 'T', quantity: 1e13 }] }),
        ['lines', 0, 'quantity'],
      ],
      [
        () =>
          stock.adjust({
            idempotencyKey: 'k',
            warehouseId: 'SH',
            lines: [{ sku: 'T', quantity: 0 }],
            reason: 'r',
          }),
        ['lines', 0, 'quantity'],
      ],
      [
        () =>
          stock.adjust({
            idempotencyKey: 'k',
            warehouseId: 'SH',
            lines: [{ sku: 'T', quantity: 1 }],
          } as never),
        ['reason'],
      ],
      [
        () =>
          stock.reserve({
            idempotencyKey: 'k',
            orderId: 'o',
            warehouseId: 'SH',
            sourcing: { rule: 'nearest', warehouses: [{ warehouseId: 'SH', distance: 1 }] },
            lines: [{ sku: 'T', quantity: 1 }],
          }),
        ['sourcing'],
      ],
      [
        () =>
          stock.reserve({
            idempotencyKey: 'k',
            orderId: 'o',
            sourcing: { rule: 'cheapest', warehouses: [{ warehouseId: 'SH' }] },
            lines: [{ sku: 'T', quantity: 1 }],
          }),
        ['sourcing', 'warehouses', 0, 'unitCost'],
      ],
      [
        () =>
          stock.release({
            idempotencyKey: 'k',
            reservationId: 'r',
            lines: [
              { sku: 'T', quantity: 1 },
              { sku: 'T', quantity: 1, warehouseId: 'SH' },
            ],
          }),
        ['lines', 1, 'sku'],
      ],
      [
        () =>
          stock.receive({ idempotencyKey: 'k', warehouseId: 'S\u0000H', lines: [{ sku: 'T', quantity: 1 }] }),
        ['warehouseId'],
      ],
    ];
    for (const [run, path] of cases) {
      const attempt = run();
      await expect(attempt).rejects.toBeInstanceOf(ValidationError);
      await expect(attempt).rejects.toMatchObject({
        issues: expect.arrayContaining([expect.objectContaining({ path })]),
      });
    }
    expect(await storage.inventory.listMovements()).toEqual([]);
  });
});
