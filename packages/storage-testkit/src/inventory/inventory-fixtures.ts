import { fixedClock, isS2b2bError } from '@s2b2b/core';
import {
  createInventoryService,
  type InventoryService,
  type InventoryStorage,
  type MovementDraft,
  type MovementFilter,
  type PositionKey,
  rebuildPositions,
  type StockEvent,
  type StockMovement,
  type StockPosition,
} from '@s2b2b/inventory';
import { expect } from 'vitest';
import { uniqueName } from '../fixtures.js';

/**
 * The instant every inventory conformance command runs at.
 *
 * @example
 * createInventoryService({ storage, clock: fixedClock(STOCK_NOW) });
 */
export const STOCK_NOW = new Date('2026-03-01T08:00:00.000Z');

/**
 * Fresh warehouses for one test, and a service on the storage under test.
 *
 * @example
 * const { service, warehouses: [a], sku, key }: StockScenario = await stockScenario(storage, 1);
 */
export interface StockScenario {
  service: InventoryService;
  /** The warehouse ids, in the order asked for (unique to this test). */
  warehouses: string[];
  /** A SKU unique to this test. */
  sku(name: string): string;
  /** A fresh idempotency key. */
  key(name?: string): string;
  /** Events passed to `onEvent`, in order. */
  heard: StockEvent[];
}

/**
 * Saves `count` warehouses with unique ids (those whose index is in `allowNegative` allow
 * negative stock) and returns them with a service that records what `onEvent` hears.
 *
 * @example
 * const { service, warehouses: [a, b], sku } = await stockScenario(storage, 2);
 */
export async function stockScenario(
  storage: InventoryStorage,
  count: number,
  allowNegative: readonly number[] = [],
): Promise<StockScenario> {
  const heard: StockEvent[] = [];
  const service = createInventoryService({
    storage,
    clock: fixedClock(STOCK_NOW),
    onEvent: (event) => {
      heard.push(event);
    },
  });
  const run = uniqueName('stock').slice(6, 18);
  const warehouses = Array.from({ length: count }, (_, index) => `wh-${run}-${index}`);
  for (const [index, warehouseId] of warehouses.entries()) {
    await service.saveWarehouse({
      idempotencyKey: uniqueName('wh'),
      warehouseId,
      name: `Warehouse ${index}`,
      allowNegative: allowNegative.includes(index),
    });
  }
  heard.length = 0;
  return {
    service,
    warehouses,
    sku: (name) => `${name}-${run}`,
    key: (name = 'cmd') => uniqueName(name),
    heard,
  };
}

/**
 * A movement draft with zero deltas except those given.
 *
 * @example
 * const d = draft({ warehouseId: 'W', sku: 'S' }, { kind: 'receipt', onHandDelta: 5 });
 */
export function draft(
  key: PositionKey,
  fields: Partial<MovementDraft> & Pick<MovementDraft, 'kind'>,
): MovementDraft {
  return {
    warehouseId: key.warehouseId,
    sku: key.sku,
    onHandDelta: 0,
    reservedDelta: 0,
    inTransitDelta: 0,
    onOrderDelta: 0,
    documentKind: null,
    documentId: null,
    reference: null,
    reason: null,
    commandScope: 'testkit.inventory',
    commandKey: uniqueName('key'),
    occurredAt: STOCK_NOW,
    ...fields,
  };
}

/**
 * Every ledger row matching `filter`, read page by page.
 *
 * @example
 * const rows = await allMovements(storage, { warehouseId: 'W' });
 */
export async function allMovements(
  storage: InventoryStorage,
  filter: MovementFilter,
): Promise<StockMovement[]> {
  const rows: StockMovement[] = [];
  let afterSequence = 0;
  for (;;) {
    const page = await storage.inventory.listMovements({ ...filter, afterSequence, limit: 500 });
    rows.push(...page);
    if (page.length < 500) return rows;
    afterSequence = page.at(-1)!.sequence;
  }
}

/**
 * Every position of the warehouses, read page by page, in key order.
 *
 * @example
 * const positions = await allPositions(storage, ['W1', 'W2']);
 */
export async function allPositions(
  storage: InventoryStorage,
  warehouseIds: readonly string[],
): Promise<StockPosition[]> {
  const positions: StockPosition[] = [];
  for (const warehouseId of [...warehouseIds].sort()) {
    let after: PositionKey | undefined;
    for (;;) {
      const page = await storage.inventory.listPositions({ warehouseId, after, limit: 500 });
      positions.push(...page);
      if (page.length < 500) break;
      after = page.at(-1);
    }
  }
  return positions;
}

/**
 * Asserts that the positions the store holds are exactly those rebuilt from its ledger, and
 * that the stock invariant holds for each (warehouses not in `allowNegative`: 0 <= reserved <=
 * on hand; everywhere: reserved, in transit and on order >= 0).
 *
 * @example
 * await expectLedgerMatches(storage, warehouses);
 */
export async function expectLedgerMatches(
  storage: InventoryStorage,
  warehouseIds: readonly string[],
  allowNegative: readonly string[] = [],
): Promise<StockPosition[]> {
  const stored = await allPositions(storage, warehouseIds);
  const movements = (
    await Promise.all(warehouseIds.map((warehouseId) => allMovements(storage, { warehouseId })))
  ).flat();
  expect(rebuildPositions(movements)).toEqual(stored);
  for (const position of stored) {
    expect(position.reserved).toBeGreaterThanOrEqual(0);
    expect(position.inTransit).toBeGreaterThanOrEqual(0);
    expect(position.onOrder).toBeGreaterThanOrEqual(0);
    if (!allowNegative.includes(position.warehouseId)) {
      expect(position.reserved).toBeLessThanOrEqual(position.onHand);
    }
  }
  return stored;
}

/**
 * The `DomainError` code a settled promise failed with (`'ok'` when it succeeded), failing the
 * test on anything that is not a kit error (a TypeError, a raw driver error).
 *
 * @example
 * expect(outcomeCode(await Promise.allSettled([cmd]))[0]).toBe('INSUFFICIENT_STOCK');
 */
export function outcomeCode(result: PromiseSettledResult<unknown>): string {
  if (result.status === 'fulfilled') return 'ok';
  if (!isS2b2bError(result.reason)) throw result.reason;
  return result.reason.code;
}
