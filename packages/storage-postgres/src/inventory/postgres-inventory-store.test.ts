import { fixedClock } from '@s2b2b/core';
import { checkMovement, createInventoryService, type MovementDraft } from '@s2b2b/inventory';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serverTestTarget, testTargets } from '../testing/test-clients.js';
import { useTarget } from '../testing/use-target.js';

const NOW = new Date('2026-03-01T08:00:00.000Z');

const draft = (warehouseId: string, sku: string, deltas: Partial<MovementDraft>): MovementDraft => ({
  warehouseId,
  sku,
  kind: 'adjustment',
  onHandDelta: 0,
  reservedDelta: 0,
  inTransitDelta: 0,
  onOrderDelta: 0,
  documentKind: null,
  documentId: null,
  reference: null,
  reason: null,
  commandScope: 'test',
  commandKey: 'k',
  occurredAt: NOW,
  ...deltas,
});

for (const target of testTargets()) {
  describe(`${target.name}: inventory tables`, () => {
    const db = useTarget(target);

    it('keeps the ledger append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
      const storage = db.open();
      await storage.migrate({ domains: ['inventory'] });
      await storage.transaction(async (tx) => {
        await tx.inventory.saveWarehouse({ id: 'W', name: null, allowNegative: false });
        await tx.inventory.applyMovements([draft('W', 'S', { kind: 'receipt', onHandDelta: 5 })]);
      });
      const table = `"${storage.schema}".inventory_movements`;
      for (const statement of [
        `UPDATE ${table} SET on_hand_delta = 6`,
        `DELETE FROM ${table}`,
        `TRUNCATE ${table}`,
      ]) {
        await expect(storage.sql.query(statement)).rejects.toMatchObject({ code: '23001' });
      }
      expect(await storage.inventory.listMovements()).toHaveLength(1);
    });

    it('backs the invariant with CHECK constraints against writes that bypass the adapter', async () => {
      const storage = db.open();
      await storage.migrate({ domains: ['inventory'] });
      await storage.transaction(async (tx) => {
        await tx.inventory.saveWarehouse({ id: 'W', name: null, allowNegative: false });
        await tx.inventory.applyMovements([draft('W', 'S', { kind: 'receipt', onHandDelta: 5 })]);
      });
      const positions = `"${storage.schema}".inventory_positions`;
      for (const column of ['reserved', 'in_transit', 'on_order']) {
        await expect(storage.sql.query(`UPDATE ${positions} SET ${column} = -1`)).rejects.toMatchObject({
          code: '23514',
        });
      }
      await expect(
        storage.sql.query(`UPDATE ${positions} SET on_hand = 9007199254740992`),
      ).rejects.toMatchObject({
        code: '23514',
      });
    });

    it('states exactly the checkMovement rules in its conditional UPDATE', async () => {
      const storage = db.open();
      await storage.migrate({ domains: ['inventory'] });
      await storage.transaction(async (tx) => {
        await tx.inventory.saveWarehouse({ id: 'normal', name: null, allowNegative: false });
        await tx.inventory.saveWarehouse({ id: 'negative', name: null, allowNegative: true });
      });
      const small = fc.integer({ min: -6, max: 6 });
      let case_ = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            onHand: fc.integer({ min: -6, max: 12 }),
            reserved: fc.nat(8),
            inTransit: fc.nat(4),
            onOrder: fc.nat(4),
          }),
          fc.record({ onHandDelta: small, reservedDelta: small, inTransitDelta: small, onOrderDelta: small }),
          fc.boolean(),
          async (counts, deltas, allowNegative) => {
            const warehouseId = allowNegative ? 'negative' : 'normal';
            case_ += 1;
            const sku = `case-${case_}`;
            await storage.sql.query(
              `INSERT INTO "${storage.schema}".inventory_positions (warehouse_id, sku, on_hand, reserved, in_transit, on_order)
               VALUES ($1, $2, $3, $4, $5, $6)`,
              [warehouseId, sku, counts.onHand, counts.reserved, counts.inTransit, counts.onOrder],
            );
            const expected = checkMovement(counts, deltas, allowNegative);
            const outcome = await storage
              .transaction((tx) => tx.inventory.applyMovements([draft(warehouseId, sku, deltas)]))
              .then(
                () => 'ok',
                (error: { code?: string }) => error.code,
              );
            const after = await storage.inventory.getPosition(warehouseId, sku);
            if (expected === null) {
              expect(outcome).toBe('ok');
              expect(after).toMatchObject({
                onHand: counts.onHand + deltas.onHandDelta,
                reserved: counts.reserved + deltas.reservedDelta,
                inTransit: counts.inTransit + deltas.inTransitDelta,
                onOrder: counts.onOrder + deltas.onOrderDelta,
              });
            } else {
              expect(outcome).toBe(
                expected.rule === 'available' ? 'INSUFFICIENT_STOCK' : 'COUNTER_UNDERFLOW',
              );
              expect(after).toMatchObject(counts);
            }
          },
        ),
        { numRuns: 100 },
      );
    });
  });
}

const server = serverTestTarget();
describe.runIf(server)('postgres server: inventory lock order', () => {
  const db = useTarget(server!);

  it('runs crossing transfers and two-warehouse reservations in parallel without one deadlock (retries off)', async () => {
    const storage = db.open({ retry: { attempts: 1 } });
    await storage.migrate({ domains: ['inventory'] });
    const service = createInventoryService({ storage, clock: fixedClock(NOW) });
    for (const id of ['A', 'B']) {
      await service.saveWarehouse({ idempotencyKey: `wh-${id}`, warehouseId: id });
      await service.receive({
        idempotencyKey: `grn-${id}`,
        warehouseId: id,
        lines: [
          { sku: 'X', quantity: 1_000 },
          { sku: 'Y', quantity: 1_000 },
        ],
      });
    }
    // Half the commands name A before B and X before Y, half the other way round: without one
    // lock order, PostgreSQL would report deadlocks (40P01), which with retries off surface here.
    const results = await Promise.allSettled(
      Array.from({ length: 120 }, (_, index) => {
        const forward = index % 2 === 0;
        const skus = forward ? ['X', 'Y'] : ['Y', 'X'];
        if (index % 3 === 0) {
          return service.reserve({
            idempotencyKey: `res-${index}`,
            orderId: `o-${index}`,
            lines: skus.map((sku) => ({ sku, quantity: 10 })),
            sourcing: {
              rule: 'nearest',
              warehouses: forward
                ? [
                    { warehouseId: 'A', distance: 1 },
                    { warehouseId: 'B', distance: 2 },
                  ]
                : [
                    { warehouseId: 'B', distance: 1 },
                    { warehouseId: 'A', distance: 2 },
                  ],
            },
          });
        }
        return service.transferOut({
          idempotencyKey: `tr-${index}`,
          transferId: `tr-${index}`,
          fromWarehouseId: forward ? 'A' : 'B',
          toWarehouseId: forward ? 'B' : 'A',
          lines: skus.map((sku) => ({ sku, quantity: 1 })),
        });
      }),
    );
    // Stock suffices for all of them: every command must succeed at its first attempt.
    expect(results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []))).toEqual([]);
    // X at A: 20 reservations of 10 from A (nearest first), 40 units sent to B, 40 in transit from B.
    expect(await storage.inventory.getPosition('A', 'X')).toMatchObject({
      onHand: 960,
      reserved: 200,
      inTransit: 40,
    });
  });
});
