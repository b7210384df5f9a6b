import { isS2b2bError, ValidationError } from '@s2b2b/core';
import type { InventoryStorage, MovementDraft, StockDocument } from '@s2b2b/inventory';
import { expect, it } from 'vitest';
import { uniqueName } from '../fixtures.js';
import { draft, expectLedgerMatches, STOCK_NOW, stockScenario } from './inventory-fixtures.js';

/**
 * The port contract of `tx.inventory` / `storage.inventory`, called directly (no service):
 * registers its tests in the caller's `describe`.
 *
 * @example
 * describe('my adapter: inventory', () => { inventoryPortContract(() => storage); });
 */
export function inventoryPortContract(storage: () => InventoryStorage): void {
  const apply = (drafts: MovementDraft[]) =>
    storage().transaction((tx) => tx.inventory.applyMovements(drafts));

  it('saves, reads, lists and replaces warehouses', async () => {
    const id = uniqueName('wh-port');
    expect(await storage().inventory.getWarehouse(id)).toBeNull();
    const saved = await storage().transaction((tx) =>
      tx.inventory.saveWarehouse({ id, name: '上海中心仓', allowNegative: false }),
    );
    expect(saved).toEqual({ id, name: '上海中心仓', allowNegative: false });
    await storage().transaction((tx) => tx.inventory.saveWarehouse({ id, name: null, allowNegative: true }));
    expect(await storage().inventory.getWarehouse(id)).toEqual({ id, name: null, allowNegative: true });
    const listed = await storage().inventory.listWarehouses();
    expect(listed).toContainEqual({ id, name: null, allowNegative: true });
    const ids = listed.map((warehouse) => warehouse.id);
    expect(ids).toEqual([...ids].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
  });

  it('applies movements: positions change, ledger rows keep every field, sequences rise in draft order', async () => {
    const {
      warehouses: [a],
      sku,
    } = await stockScenario(storage(), 1);
    const tea = { warehouseId: a!, sku: sku('tea') };
    const rice = { warehouseId: a!, sku: sku('rice') };
    const drafts = [
      draft(rice, { kind: 'receipt', onHandDelta: 7, reference: 'GRN-1' }),
      draft(tea, { kind: 'receipt', onHandDelta: 10, onOrderDelta: 0 }),
      draft(tea, {
        kind: 'reservation',
        reservedDelta: 4,
        documentKind: 'reservation',
        documentId: 'res-x',
        reason: null,
      }),
    ];
    const { movements, positions } = await apply(drafts);
    expect(movements.map(({ sequence: _sequence, ...rest }) => rest)).toEqual(drafts);
    expect(movements[0]!.sequence).toBeLessThan(movements[1]!.sequence);
    expect(movements[1]!.sequence).toBeLessThan(movements[2]!.sequence);
    expect(positions).toEqual([
      { ...rice, onHand: 7, reserved: 0, inTransit: 0, onOrder: 0, available: 7 },
      { ...tea, onHand: 10, reserved: 4, inTransit: 0, onOrder: 0, available: 6 },
    ]);
    expect(await storage().inventory.getPosition(a!, tea.sku)).toEqual(positions[1]);
    expect(await storage().inventory.getPosition(a!, sku('none'))).toBeNull();
    const ledger = await storage().inventory.listMovements({ warehouseId: a!, sku: tea.sku });
    expect(ledger).toEqual(movements.slice(1));
    expect(ledger[0]!.occurredAt).toEqual(STOCK_NOW);
    expect(
      await storage().inventory.listMovements({
        documentKind: 'reservation',
        documentId: 'res-x',
        warehouseId: a!,
      }),
    ).toEqual([movements[2]]);
    await expectLedgerMatches(storage(), [a!]);
  });

  it('is all-or-none: a refused draft undoes the batch even when the transaction goes on and commits', async () => {
    const {
      warehouses: [a, b],
      sku,
    } = await stockScenario(storage(), 2);
    const tea = sku('tea');
    await apply([draft({ warehouseId: a!, sku: tea }, { kind: 'receipt', onHandDelta: 5 })]);
    const caught = await storage().transaction(async (tx) => {
      try {
        await tx.inventory.applyMovements([
          draft({ warehouseId: a!, sku: tea }, { kind: 'adjustment', onHandDelta: 3 }),
          draft({ warehouseId: b!, sku: tea }, { kind: 'reservation', reservedDelta: 1 }),
        ]);
        return null;
      } catch (error) {
        return error;
      }
    });
    expect(caught).toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      details: { shortages: [{ warehouseId: b!, sku: tea, requested: 1, available: 0 }] },
    });
    expect((await storage().inventory.getPosition(a!, tea))?.onHand).toBe(5);
    expect(await storage().inventory.getPosition(b!, tea)).toBeNull();
    expect(await storage().inventory.listMovements({ warehouseId: a!, sku: tea })).toHaveLength(1);
    await expectLedgerMatches(storage(), [a!, b!]);
  });

  it('refuses an unknown warehouse and leaves no position behind', async () => {
    const ghost = uniqueName('ghost');
    await expect(
      apply([draft({ warehouseId: ghost, sku: 'x' }, { kind: 'receipt', onHandDelta: 1 })]),
    ).rejects.toMatchObject({
      code: 'UNKNOWN_WAREHOUSE',
      details: { warehouseId: ghost },
    });
    expect(await storage().inventory.getPosition(ghost, 'x')).toBeNull();
  });

  it('enforces the invariant on every movement', async () => {
    const {
      warehouses: [normal, negative],
      sku,
    } = await stockScenario(storage(), 2, [1]);
    const tea = sku('tea');
    const at = (warehouseId: string) => ({ warehouseId, sku: tea });
    await apply([
      draft(at(normal!), { kind: 'receipt', onHandDelta: 10 }),
      draft(at(normal!), { kind: 'reservation', reservedDelta: 8 }),
      draft(at(negative!), { kind: 'receipt', onHandDelta: 10 }),
      draft(at(negative!), { kind: 'reservation', reservedDelta: 8 }),
    ]);
    const refused = async (drafts: MovementDraft[], code: string) => {
      const attempt = apply(drafts);
      await expect(attempt).rejects.toSatisfy((error: unknown) => isS2b2bError(error, code));
    };
    // A reservation never takes more than is available, in any warehouse.
    await refused([draft(at(normal!), { kind: 'reservation', reservedDelta: 3 })], 'INSUFFICIENT_STOCK');
    await refused([draft(at(negative!), { kind: 'reservation', reservedDelta: 3 })], 'INSUFFICIENT_STOCK');
    // Outbound stock never takes reserved units — unless negative stock is allowed.
    await refused([draft(at(normal!), { kind: 'adjustment', onHandDelta: -3 })], 'INSUFFICIENT_STOCK');
    await apply([draft(at(negative!), { kind: 'adjustment', onHandDelta: -15 })]);
    expect(await storage().inventory.getPosition(negative!, tea)).toMatchObject({
      onHand: -5,
      reserved: 8,
      available: -13,
    });
    await refused([draft(at(negative!), { kind: 'reservation', reservedDelta: 1 })], 'INSUFFICIENT_STOCK');
    // Counters never fall below zero.
    await refused([draft(at(normal!), { kind: 'release', reservedDelta: -9 })], 'COUNTER_UNDERFLOW');
    await refused(
      [draft(at(normal!), { kind: 'transfer-in', onHandDelta: 1, inTransitDelta: -1 })],
      'COUNTER_UNDERFLOW',
    );
    await refused(
      [draft(at(negative!), { kind: 'purchase-order-close', onOrderDelta: -1 })],
      'COUNTER_UNDERFLOW',
    );
    // Exactly what is available can go; fulfilment (on hand and reserved together) always can.
    await apply([draft(at(normal!), { kind: 'adjustment', onHandDelta: -2 })]);
    await apply([draft(at(normal!), { kind: 'fulfilment', onHandDelta: -8, reservedDelta: -8 })]);
    expect(await storage().inventory.getPosition(normal!, tea)).toMatchObject({
      onHand: 0,
      reserved: 0,
      available: 0,
    });
    await expectLedgerMatches(storage(), [normal!, negative!], [negative!]);
  });

  it('locks positions in key order, once each, with zeros for positions not there yet', async () => {
    const {
      warehouses: [a, b],
      sku,
    } = await stockScenario(storage(), 2);
    const tea = sku('tea');
    await apply([draft({ warehouseId: b!, sku: tea }, { kind: 'receipt', onHandDelta: 3 })]);
    const locked = await storage().transaction((tx) =>
      tx.inventory.lockPositions([
        { warehouseId: b!, sku: tea },
        { warehouseId: a!, sku: tea },
        { warehouseId: b!, sku: tea },
      ]),
    );
    expect(locked).toEqual([
      { warehouseId: a!, sku: tea, onHand: 0, reserved: 0, inTransit: 0, onOrder: 0, available: 0 },
      { warehouseId: b!, sku: tea, onHand: 3, reserved: 0, inTransit: 0, onOrder: 0, available: 3 },
    ]);
    expect(await storage().transaction((tx) => tx.inventory.lockPositions([]))).toEqual([]);
  });

  it('stores documents, settles their lines all-or-none, and refuses what is not open', async () => {
    const {
      warehouses: [a, b],
      sku,
    } = await stockScenario(storage(), 2);
    const id = uniqueName('res');
    const document: StockDocument = {
      kind: 'reservation',
      id,
      reference: 'order-1',
      sourceWarehouseId: null,
      createdAt: STOCK_NOW,
      lines: [
        { warehouseId: a!, sku: sku('tea'), quantity: 5, open: 5 },
        { warehouseId: b!, sku: sku('tea'), quantity: 2, open: 2 },
      ],
    };
    await storage().transaction((tx) => tx.inventory.insertDocument(document));
    expect(await storage().inventory.getDocument('reservation', id)).toEqual(document);
    expect(await storage().inventory.getDocument('transfer', id)).toBeNull();
    await expect(storage().transaction((tx) => tx.inventory.insertDocument(document))).rejects.toMatchObject({
      code: 'RESERVATION_EXISTS',
    });
    const settled = await storage().transaction((tx) =>
      tx.inventory.settleDocumentLines('reservation', id, [
        { warehouseId: a!, sku: sku('tea'), quantity: 3 },
      ]),
    );
    expect(settled.lines.map((line) => line.open)).toEqual([2, 2]);
    const caught = await storage().transaction(async (tx) =>
      tx.inventory
        .settleDocumentLines('reservation', id, [
          { warehouseId: a!, sku: sku('tea'), quantity: 2 },
          { warehouseId: b!, sku: sku('tea'), quantity: 3 },
        ])
        .then(
          () => null,
          (error: unknown) => error,
        ),
    );
    expect(caught).toMatchObject({ code: 'EXCEEDS_OPEN_QUANTITY', details: { requested: 3, open: 2 } });
    expect(
      (await storage().inventory.getDocument('reservation', id))?.lines.map((line) => line.open),
    ).toEqual([2, 2]);
    await expect(
      storage().transaction((tx) =>
        tx.inventory.settleDocumentLines('reservation', id, [
          { warehouseId: a!, sku: sku('rice'), quantity: 1 },
        ]),
      ),
    ).rejects.toMatchObject({ code: 'LINE_NOT_FOUND' });
    await expect(
      storage().transaction((tx) =>
        tx.inventory.settleDocumentLines('transfer', id, [{ warehouseId: a!, sku: sku('tea'), quantity: 1 }]),
      ),
    ).rejects.toMatchObject({ code: 'TRANSFER_NOT_FOUND' });
    const locked = await storage().transaction((tx) => tx.inventory.lockDocument('reservation', id));
    expect(locked?.lines.map((line) => line.open)).toEqual([2, 2]);
    expect(await storage().transaction((tx) => tx.inventory.lockDocument('purchase-order', id))).toBeNull();
  });

  it('pages positions and movements, and rejects bad filters naming the field', async () => {
    const {
      warehouses: [a],
      sku,
    } = await stockScenario(storage(), 1);
    const skus = ['a', 'b', 'c', 'd', 'e'].map(sku);
    await apply(
      skus.map((s, index) => draft({ warehouseId: a!, sku: s }, { kind: 'receipt', onHandDelta: index + 1 })),
    );
    const first = await storage().inventory.listPositions({ warehouseId: a!, limit: 2 });
    const second = await storage().inventory.listPositions({
      warehouseId: a!,
      limit: 2,
      after: first.at(-1),
    });
    const rest = await storage().inventory.listPositions({ warehouseId: a!, after: second.at(-1) });
    expect([...first, ...second, ...rest].map((p) => p.sku)).toEqual(skus);
    expect(await storage().inventory.listPositions({ warehouseId: a!, sku: skus[2] })).toHaveLength(1);
    const all = await storage().inventory.listMovements({ warehouseId: a! });
    const page = await storage().inventory.listMovements({
      warehouseId: a!,
      afterSequence: all[1]!.sequence,
      limit: 2,
    });
    expect(page).toEqual(all.slice(2, 4));
    for (const bad of [{ limit: 0 }, { limit: 10_001 }, { limit: 1.5 }]) {
      await expect(storage().inventory.listMovements(bad)).rejects.toBeInstanceOf(ValidationError);
      await expect(storage().inventory.listPositions(bad)).rejects.toMatchObject({
        issues: [{ path: ['limit'] }],
      });
    }
    await expect(storage().inventory.listMovements({ afterSequence: -1 })).rejects.toMatchObject({
      issues: [{ path: ['afterSequence'] }],
    });
  });
}
