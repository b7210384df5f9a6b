import type { InventoryService, InventoryStorage } from '@s2b2b/inventory';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { uniqueName } from '../fixtures.js';
import { allPositions, expectLedgerMatches, outcomeCode, stockScenario } from './inventory-fixtures.js';
import { type ModelOutcome, StockModel } from './stock-model.js';

const warehouse = fc.integer({ min: 0, max: 2 });
const sku = fc.constantFrom('X', 'Y');
const quantity = fc.integer({ min: 1, max: 8 });
const target = fc.nat({ max: 20 });

/** One random stock command; documents are referred to by the index of their creation. */
const command = fc.oneof(
  fc.record({
    kind: fc.constant('receive' as const),
    warehouse,
    sku,
    quantity,
    purchaseOrder: fc.option(target, { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant('adjust' as const),
    warehouse,
    sku,
    delta: fc.integer({ min: -8, max: 8 }).filter((d) => d !== 0),
  }),
  fc.record({
    kind: fc.constant('reserve' as const),
    warehouse,
    x: fc.nat({ max: 6 }),
    y: fc.nat({ max: 6 }),
  }),
  fc.record({
    kind: fc.constant('reserveNearest' as const),
    first: warehouse,
    second: warehouse,
    sku,
    quantity,
  }),
  fc.record({
    kind: fc.constant('release' as const),
    reservation: target,
    partial: fc.option(quantity, { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant('fulfil' as const),
    reservation: target,
    partial: fc.option(quantity, { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('transferOut' as const), from: warehouse, to: warehouse, sku, quantity }),
  fc.record({
    kind: fc.constant('transferIn' as const),
    transfer: target,
    quantity: fc.option(quantity, { nil: undefined }),
    closeShort: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('placePurchaseOrder' as const), warehouse, sku, quantity }),
  fc.record({ kind: fc.constant('closePurchaseOrder' as const), purchaseOrder: target }),
);

type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

/**
 * Options of the inventory property.
 *
 * @example
 * const options: InventoryPropertyOptions = { runs: 100, maxCommands: 40 };
 */
export interface InventoryPropertyOptions {
  /** Random command sequences to run (default 25). */
  runs?: number;
  /** Longest sequence (default 25 commands). */
  maxCommands?: number;
}

/**
 * fast-check over random command sequences (3 warehouses, the third allowing negative stock;
 * 2 SKUs): each command's outcome equals the serial model's, the final positions equal the
 * model's, the stored positions equal those rebuilt from the ledger, and the invariants hold.
 * Registers its test in the caller's `describe`.
 *
 * @example
 * describe('my adapter: inventory', () => { inventoryPropertyContract(() => storage, { runs: 50 }); });
 */
export function inventoryPropertyContract(
  storage: () => InventoryStorage,
  options: InventoryPropertyOptions = {},
): void {
  const runs = options.runs ?? 25;
  it(`agrees with a serial model on ${runs} random command sequences`, { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { minLength: 1, maxLength: options.maxCommands ?? 25 }),
        async (commands) => {
          const scenario = await stockScenario(storage(), 3, [2]);
          const { warehouses } = scenario;
          const skus = { X: scenario.sku('x'), Y: scenario.sku('y') };
          const model = new StockModel({
            [warehouses[0]!]: false,
            [warehouses[1]!]: false,
            [warehouses[2]!]: true,
          });
          const made = {
            reservation: [] as string[],
            transfer: [] as string[],
            'purchase-order': [] as string[],
          };
          for (const [step, cmd] of commands.entries()) {
            const [expected, actual] = await runBoth(cmd, {
              service: scenario.service,
              model,
              warehouses,
              skus,
              made,
              step,
            });
            expect({ step, cmd, code: actual }).toEqual({
              step,
              cmd,
              code: expected.ok ? 'ok' : expected.code,
            });
          }
          const stored = await allPositions(storage(), warehouses);
          expect(stored).toEqual(model.positions());
          await expectLedgerMatches(storage(), warehouses, [warehouses[2]!]);
        },
      ),
      { numRuns: runs },
    );
  });
}

interface Context {
  service: InventoryService;
  model: StockModel;
  warehouses: string[];
  skus: { X: string; Y: string };
  made: Record<'reservation' | 'transfer' | 'purchase-order', string[]>;
  step: number;
}

/** Runs one command on the model and through the service; returns the model's outcome and the service's code. */
async function runBoth(cmd: Command, ctx: Context): Promise<[ModelOutcome, string]> {
  const { service, model, warehouses, skus, made } = ctx;
  const key = uniqueName(`p${ctx.step}`);
  const pick = (kind: keyof Context['made'], index: number) =>
    made[kind].length === 0 ? `missing-${kind}` : made[kind][index % made[kind].length]!;
  const settle = async (promise: Promise<unknown>) => outcomeCode((await Promise.allSettled([promise]))[0]!);
  switch (cmd.kind) {
    case 'receive': {
      const wh = warehouses[cmd.warehouse]!;
      const po = cmd.purchaseOrder === undefined ? undefined : pick('purchase-order', cmd.purchaseOrder);
      return [
        model.receive(wh, skus[cmd.sku], cmd.quantity, po),
        await settle(
          service.receive({
            idempotencyKey: key,
            warehouseId: wh,
            purchaseOrderId: po,
            lines: [{ sku: skus[cmd.sku], quantity: cmd.quantity }],
          }),
        ),
      ];
    }
    case 'adjust': {
      const wh = warehouses[cmd.warehouse]!;
      return [
        model.adjust(wh, skus[cmd.sku], cmd.delta),
        await settle(
          service.adjust({
            idempotencyKey: key,
            warehouseId: wh,
            lines: [{ sku: skus[cmd.sku], quantity: cmd.delta }],
            reason: 'property',
          }),
        ),
      ];
    }
    case 'reserve': {
      const wh = warehouses[cmd.warehouse]!;
      const lines = [
        { sku: skus.X, quantity: cmd.x },
        { sku: skus.Y, quantity: cmd.y },
      ].filter((line) => line.quantity > 0);
      if (lines.length === 0) lines.push({ sku: skus.X, quantity: 1 });
      const id = `${key}-res`;
      const expected = model.reserve(
        id,
        lines.map((line) => ({ warehouseId: wh, ...line })),
      );
      const actual = await settle(
        service.reserve({ idempotencyKey: key, reservationId: id, orderId: key, warehouseId: wh, lines }),
      );
      if (actual === 'ok') made.reservation.push(id);
      return [expected, actual];
    }
    case 'reserveNearest': {
      const first = warehouses[cmd.first]!;
      const second = warehouses[cmd.second === cmd.first ? (cmd.first + 1) % 3 : cmd.second]!;
      const id = `${key}-res`;
      const expected = model.reserveNearest(id, [first, second], skus[cmd.sku], cmd.quantity);
      const actual = await settle(
        service.reserve({
          idempotencyKey: key,
          reservationId: id,
          orderId: key,
          lines: [{ sku: skus[cmd.sku], quantity: cmd.quantity }],
          sourcing: {
            rule: 'nearest',
            warehouses: [
              { warehouseId: second, distance: 20 },
              { warehouseId: first, distance: 10 },
            ],
          },
        }),
      );
      if (actual === 'ok') made.reservation.push(id);
      return [expected, actual];
    }
    case 'release':
    case 'fulfil': {
      const id = pick('reservation', cmd.reservation);
      const open = model.openLines('reservation', id);
      const partial =
        cmd.partial === undefined || !open ? undefined : { sku: open[0]!.sku, quantity: cmd.partial };
      const expected = model.settleReservation(id, cmd.kind === 'fulfil', partial);
      const input = { idempotencyKey: key, reservationId: id, lines: partial ? [partial] : undefined };
      const actual = await settle(cmd.kind === 'fulfil' ? service.fulfil(input) : service.release(input));
      return [expected, actual];
    }
    case 'transferOut': {
      const from = warehouses[cmd.from]!;
      const to = warehouses[cmd.to === cmd.from ? (cmd.from + 1) % 3 : cmd.to]!;
      const id = `${key}-tr`;
      const expected = model.transferOut(id, from, to, skus[cmd.sku], cmd.quantity);
      const actual = await settle(
        service.transferOut({
          idempotencyKey: key,
          transferId: id,
          fromWarehouseId: from,
          toWarehouseId: to,
          lines: [{ sku: skus[cmd.sku], quantity: cmd.quantity }],
        }),
      );
      if (actual === 'ok') made.transfer.push(id);
      return [expected, actual];
    }
    case 'transferIn': {
      const id = pick('transfer', cmd.transfer);
      const open = model.openLines('transfer', id);
      const lines =
        cmd.quantity === undefined || !open ? undefined : [{ sku: open[0]!.sku, quantity: cmd.quantity }];
      const expected = model.transferIn(id, lines ? cmd.quantity : undefined, cmd.closeShort);
      const actual = await settle(
        service.transferIn({ idempotencyKey: key, transferId: id, lines, closeShort: cmd.closeShort }),
      );
      return [expected, actual];
    }
    case 'placePurchaseOrder': {
      const wh = warehouses[cmd.warehouse]!;
      const id = `${key}-po`;
      const expected = model.placePurchaseOrder(id, wh, skus[cmd.sku], cmd.quantity);
      const actual = await settle(
        service.placePurchaseOrder({
          idempotencyKey: key,
          purchaseOrderId: id,
          warehouseId: wh,
          lines: [{ sku: skus[cmd.sku], quantity: cmd.quantity }],
        }),
      );
      if (actual === 'ok') made['purchase-order'].push(id);
      return [expected, actual];
    }
    case 'closePurchaseOrder': {
      const id = pick('purchase-order', cmd.purchaseOrder);
      return [
        model.closePurchaseOrder(id),
        await settle(service.closePurchaseOrder({ idempotencyKey: key, purchaseOrderId: id })),
      ];
    }
  }
}
