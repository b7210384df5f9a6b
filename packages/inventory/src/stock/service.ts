import {
  type Clock,
  createIdGenerator,
  type EventListener,
  parseInput,
  runIdempotent,
  systemClock,
  ValidationError,
} from '@s2b2b/core';
import type { z } from 'zod';
import type {
  InventoryStorage,
  InventoryTx,
  MovementFilter,
  PositionFilter,
  StockDocument,
  StockMovement,
  StockPosition,
  Warehouse,
} from '../store.js';
import { stockOutcomeCodec } from './codec.js';
import {
  type AdjustInput,
  adjustSchema,
  type ClosePurchaseOrderInput,
  closePurchaseOrderSchema,
  type FulfilInput,
  fulfilSchema,
  type PlacePurchaseOrderInput,
  placePurchaseOrderSchema,
  type ReceiveInput,
  type ReleaseInput,
  type ReserveInput,
  receiveSchema,
  releaseSchema,
  reserveSchema,
  type SaveWarehouseInput,
  saveWarehouseSchema,
  type TransferInInput,
  type TransferOutInput,
  transferInSchema,
  transferOutSchema,
} from './command-schemas.js';
import type { CommandContext, StockOutcome } from './commands/context.js';
import { closePurchaseOrder, placePurchaseOrder } from './commands/purchase-orders.js';
import { adjustStock, receiveStock } from './commands/receive.js';
import { fulfilStock, releaseStock, reserveStock } from './commands/reservations.js';
import { transferIn, transferOut } from './commands/transfers.js';
import { saveWarehouse, type WarehouseOutcome } from './commands/warehouses.js';
import type { StockEvent } from './events.js';
import { movementFilterSchema, positionFilterSchema } from './filters.js';
import { skuSchema, stockIdSchema } from './schemas.js';

/**
 * Options of `createInventoryService`.
 *
 * @example
 * const options: InventoryServiceOptions = { storage: createMemoryStorage(), clock: systemClock, onEvent: (e) => bus.publish(e) };
 */
export interface InventoryServiceOptions {
  /** Any storage with inventory: `createMemoryStorage()`, `createPostgresStorage()`, or the host's own. */
  storage: InventoryStorage;
  /** Where `now` comes from (default the system clock). */
  clock?: Clock;
  /**
   * Called with each event of a command after it committed (not on replays). The outbox
   * (`storage.events.since`) is the reliable channel; a listener that throws makes the call
   * throw although the command is committed — a retry with the same key replays it.
   */
  onEvent?: EventListener<StockEvent>;
  /** Ids for events and generated reservation ids (default UUIDv7 from the clock). */
  ids?: () => string;
}

/**
 * What a stock command returns: what it wrote, the positions after it, and whether this was a
 * replay of the idempotency key (then nothing was written and this is the first outcome).
 *
 * @example
 * const { positions, replayed }: StockCommandResult = await service.receive(input);
 */
export interface StockCommandResult extends StockOutcome {
  replayed: boolean;
}

/**
 * What `saveWarehouse` returns.
 *
 * @example
 * const { warehouse }: WarehouseResult = await service.saveWarehouse({ idempotencyKey: 'wh-1', warehouseId: 'WH-SH' });
 */
export interface WarehouseResult extends WarehouseOutcome {
  replayed: boolean;
}

/**
 * The stock service: idempotent, validated commands over an inventory storage, and reads.
 *
 * @example
 * const stock: InventoryService = createInventoryService({ storage });
 */
export interface InventoryService {
  saveWarehouse(input: SaveWarehouseInput): Promise<WarehouseResult>;
  receive(input: ReceiveInput): Promise<StockCommandResult>;
  adjust(input: AdjustInput): Promise<StockCommandResult>;
  placePurchaseOrder(input: PlacePurchaseOrderInput): Promise<StockCommandResult>;
  closePurchaseOrder(input: ClosePurchaseOrderInput): Promise<StockCommandResult>;
  reserve(input: ReserveInput): Promise<StockCommandResult>;
  release(input: ReleaseInput): Promise<StockCommandResult>;
  fulfil(input: FulfilInput): Promise<StockCommandResult>;
  transferOut(input: TransferOutInput): Promise<StockCommandResult>;
  transferIn(input: TransferInInput): Promise<StockCommandResult>;
  getWarehouse(id: string): Promise<Warehouse | null>;
  listWarehouses(): Promise<Warehouse[]>;
  getPosition(warehouseId: string, sku: string): Promise<StockPosition | null>;
  listPositions(filter?: PositionFilter): Promise<StockPosition[]>;
  getReservation(id: string): Promise<StockDocument | null>;
  getTransfer(id: string): Promise<StockDocument | null>;
  getPurchaseOrder(id: string): Promise<StockDocument | null>;
  listMovements(filter?: MovementFilter): Promise<StockMovement[]>;
}

type Handler<I, O> = (tx: InventoryTx, input: I, ctx: CommandContext) => Promise<O>;

/**
 * Creates the stock service. Every command validates its input (`ValidationError` naming the
 * field, nothing written), runs in one transaction with its idempotency key (scope
 * `inventory.<command>`: a replay returns the first outcome and writes nothing; the same key
 * with another payload is `IDEMPOTENCY_CONFLICT`), writes one ledger row per position it
 * changes, and appends its events to the outbox in that transaction. The store enforces the
 * stock invariants; business failures are `DomainError`s with the codes of `STOCK_ERROR_CODES`.
 *
 * @example
 * const stock = createInventoryService({ storage: createMemoryStorage() });
 * await stock.saveWarehouse({ idempotencyKey: 'wh-sh', warehouseId: 'WH-SH' });
 * await stock.receive({ idempotencyKey: 'grn-1', warehouseId: 'WH-SH', lines: [{ sku: 'TEA', quantity: 100 }] });
 * const { document } = await stock.reserve({
 *   idempotencyKey: 'order-1001', orderId: 'order-1001', warehouseId: 'WH-SH', lines: [{ sku: 'TEA', quantity: 3 }],
 * });
 * await stock.fulfil({ idempotencyKey: 'ship-1001', reservationId: document!.id });
 */
export function createInventoryService(options: InventoryServiceOptions): InventoryService {
  checkOptions(options);
  const { storage, onEvent } = options;
  const clock = options.clock ?? systemClock;
  const nextId = options.ids ?? createIdGenerator({ clock });

  async function run<S extends z.ZodType, O extends { events: StockEvent[] }>(
    command: string,
    schema: S,
    raw: unknown,
    handler: Handler<z.output<S>, O>,
  ): Promise<O & { replayed: boolean }> {
    const input = parseInput(schema, raw) as z.output<S> & { idempotencyKey: string };
    const { idempotencyKey, ...payload } = input;
    const now = clock.now();
    const scope = `inventory.${command}`;
    const { value, replayed } = await runIdempotent(
      storage,
      { scope, key: idempotencyKey, payload, now },
      async (tx) => {
        const outcome = await handler(tx, input, { now, scope, key: idempotencyKey, nextId });
        await tx.events.append(outcome.events);
        if (onEvent) {
          const listener = onEvent;
          tx.afterCommit(async () => {
            for (const event of outcome.events) await listener(event);
          });
        }
        return outcome;
      },
      stockOutcomeCodec<O>(),
    );
    return { ...value, replayed };
  }

  const id = (value: unknown, field: string) => parseInput(stockIdSchema, value, field);

  return {
    saveWarehouse: (input) => run('save-warehouse', saveWarehouseSchema, input, saveWarehouse),
    receive: (input) =>
      run<typeof receiveSchema, StockOutcome>('receive', receiveSchema, input, receiveStock),
    adjust: (input) => run<typeof adjustSchema, StockOutcome>('adjust', adjustSchema, input, adjustStock),
    placePurchaseOrder: (input) =>
      run<typeof placePurchaseOrderSchema, StockOutcome>(
        'place-purchase-order',
        placePurchaseOrderSchema,
        input,
        placePurchaseOrder,
      ),
    closePurchaseOrder: (input) =>
      run<typeof closePurchaseOrderSchema, StockOutcome>(
        'close-purchase-order',
        closePurchaseOrderSchema,
        input,
        closePurchaseOrder,
      ),
    reserve: (input) =>
      run<typeof reserveSchema, StockOutcome>('reserve', reserveSchema, input, reserveStock),
    release: (input) =>
      run<typeof releaseSchema, StockOutcome>('release', releaseSchema, input, releaseStock),
    fulfil: (input) => run<typeof fulfilSchema, StockOutcome>('fulfil', fulfilSchema, input, fulfilStock),
    transferOut: (input) =>
      run<typeof transferOutSchema, StockOutcome>('transfer-out', transferOutSchema, input, transferOut),
    transferIn: (input) =>
      run<typeof transferInSchema, StockOutcome>('transfer-in', transferInSchema, input, transferIn),
    getWarehouse: async (warehouseId) => storage.inventory.getWarehouse(id(warehouseId, 'warehouseId')),
    listWarehouses: () => storage.inventory.listWarehouses(),
    getPosition: async (warehouseId, sku) =>
      storage.inventory.getPosition(id(warehouseId, 'warehouseId'), parseInput(skuSchema, sku, 'sku')),
    listPositions: async (filter) =>
      storage.inventory.listPositions(parseInput(positionFilterSchema, filter ?? {})),
    getReservation: async (reservationId) =>
      storage.inventory.getDocument('reservation', id(reservationId, 'reservationId')),
    getTransfer: async (transferId) =>
      storage.inventory.getDocument('transfer', id(transferId, 'transferId')),
    getPurchaseOrder: async (purchaseOrderId) =>
      storage.inventory.getDocument('purchase-order', id(purchaseOrderId, 'purchaseOrderId')),
    listMovements: async (filter) =>
      storage.inventory.listMovements(parseInput(movementFilterSchema, filter ?? {})),
  };
}

function checkOptions(options: InventoryServiceOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw ValidationError.field('options', 'Expected { storage, clock?, onEvent?, ids? }', 'invalid_type');
  }
  const { storage, clock, onEvent, ids } = options;
  if (
    typeof storage?.transaction !== 'function' ||
    typeof storage.inventory !== 'object' ||
    storage.inventory === null
  ) {
    throw ValidationError.field(
      'storage',
      'Expected a storage with inventory (createMemoryStorage(), createPostgresStorage(), or your own)',
      'invalid_type',
    );
  }
  if (clock !== undefined && typeof clock?.now !== 'function') {
    throw ValidationError.field('clock', 'Expected an object with now(): Date', 'invalid_type');
  }
  if (onEvent !== undefined && typeof onEvent !== 'function') {
    throw ValidationError.field('onEvent', 'Expected a function', 'invalid_type');
  }
  if (ids !== undefined && typeof ids !== 'function') {
    throw ValidationError.field('ids', 'Expected a function returning unique ids', 'invalid_type');
  }
}
