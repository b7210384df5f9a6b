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
import { procurementIdSchema } from '../common/schemas.js';
import type {
  AgreementFilter,
  AgreementRecord,
  AllocationFilter,
  AllocationRecord,
  ProcurementStorage,
  ProcurementTx,
  PurchaseOrderFilter,
  PurchaseOrderRecord,
  RequestFilter,
  RequestRecord,
  RoundRecord,
  SkuDemand,
  StoredAward,
  SupplierFilter,
  SupplierRecord,
} from '../store.js';
import { procurementCodec } from './codec.js';
import {
  type CancelRequestInput,
  type CancelRoundInput,
  type ChangeRequestInput,
  type CloseRoundInput,
  cancelRequestSchema,
  cancelRoundSchema,
  changeRequestSchema,
  closeRoundSchema,
  type OpenRoundInput,
  openRoundSchema,
  type SaveAgreementInput,
  type SaveSupplierInput,
  type SubmitRequestInput,
  saveAgreementSchema,
  saveSupplierSchema,
  submitRequestSchema,
} from './command-schemas.js';
import type { ProcurementCommandContext } from './commands/context.js';
import {
  type AgreementOutcome,
  type SupplierOutcome,
  saveAgreement,
  saveSupplier,
} from './commands/market.js';
import { cancelRequest, changeRequest, type RequestOutcome, submitRequest } from './commands/requests.js';
import {
  type CloseOutcome,
  cancelRound,
  closeRound,
  openRound,
  type RoundOutcome,
} from './commands/rounds.js';
import type { ProcurementEvent } from './events.js';
import {
  checkAgreementFilter,
  checkAllocationFilter,
  checkPurchaseOrderFilter,
  checkRequestFilter,
  checkSupplierFilter,
} from './filters.js';

/**
 * Options of `createProcurementService`.
 *
 * @example
 * const options: ProcurementServiceOptions = { storage: createMemoryStorage(), clock: systemClock, onEvent: (e) => bus.publish(e) };
 */
export interface ProcurementServiceOptions {
  /** Any storage with procurement: `createMemoryStorage()`, `createPostgresStorage()`, or the host's own. */
  storage: ProcurementStorage;
  /** Where `now` comes from (default the system clock). */
  clock?: Clock;
  /**
   * Called with each event of a command after the outermost transaction committed (not on
   * replays, not when a host's enclosing transaction rolls back). The outbox
   * (`storage.events.since`) is the reliable channel; a listener that throws makes the call
   * throw although the command is committed — a retry with the same key replays it.
   */
  onEvent?: EventListener<ProcurementEvent>;
  /** Ids for events, rounds and requests created without one (default UUIDv7 from the clock). */
  ids?: () => string;
}

/**
 * A command's outcome plus whether it was a replay of its idempotency key (then nothing was
 * written and this is the first outcome).
 *
 * @example
 * const { round, replayed }: Replayable<RoundOutcome> = await procurement.openRound(input);
 */
export type Replayable<T> = T & { replayed: boolean };

/**
 * The procurement service: idempotent, validated commands over a procurement storage, and reads.
 *
 * @example
 * const procurement: ProcurementService = createProcurementService({ storage });
 */
export interface ProcurementService {
  saveSupplier(input: SaveSupplierInput): Promise<Replayable<SupplierOutcome>>;
  saveAgreement(input: SaveAgreementInput): Promise<Replayable<AgreementOutcome>>;
  openRound(input: OpenRoundInput): Promise<Replayable<RoundOutcome>>;
  submitRequest(input: SubmitRequestInput): Promise<Replayable<RequestOutcome>>;
  changeRequest(input: ChangeRequestInput): Promise<Replayable<RequestOutcome>>;
  cancelRequest(input: CancelRequestInput): Promise<Replayable<RequestOutcome>>;
  closeRound(input: CloseRoundInput): Promise<Replayable<CloseOutcome>>;
  cancelRound(input: CancelRoundInput): Promise<Replayable<RoundOutcome>>;
  getSupplier(supplierId: string): Promise<SupplierRecord | null>;
  listSuppliers(filter?: SupplierFilter): Promise<SupplierRecord[]>;
  getAgreement(agreementId: string): Promise<AgreementRecord | null>;
  listAgreements(filter?: AgreementFilter): Promise<AgreementRecord[]>;
  getRound(roundId: string): Promise<RoundRecord | null>;
  getRequest(roundId: string, requestId: string): Promise<RequestRecord | null>;
  listRequests(roundId: string, filter?: RequestFilter): Promise<RequestRecord[]>;
  /** The pooled demand per SKU so far (active requests), by SKU. */
  getDemand(roundId: string): Promise<SkuDemand[]>;
  getAward(roundId: string): Promise<StoredAward | null>;
  listAllocations(roundId: string, filter?: AllocationFilter): Promise<AllocationRecord[]>;
  getPurchaseOrder(purchaseOrderId: string): Promise<PurchaseOrderRecord | null>;
  listPurchaseOrders(filter?: PurchaseOrderFilter): Promise<PurchaseOrderRecord[]>;
}

type Handler<I, O> = (tx: ProcurementTx, input: I, ctx: ProcurementCommandContext) => Promise<O>;

/**
 * Creates the procurement service. Every command validates its input (`ValidationError` naming
 * the field, nothing written), runs in one transaction with its idempotency key (scope
 * `procurement.<command>`: a replay returns the first outcome and writes nothing; the same key
 * with another payload is `IDEMPOTENCY_CONFLICT`; a business refusal spends the key and replays
 * as the same error), and appends its events to the outbox in that transaction; `onEvent` hears
 * them after the commit. Business failures are `DomainError`s with the codes of
 * `PROCUREMENT_ERROR_CODES`.
 *
 * @example
 * const procurement = createProcurementService({ storage: createMemoryStorage() });
 * await procurement.saveSupplier({ idempotencyKey: 'sup-1', supplier: { supplierId: 'SUP-1' } });
 * await procurement.saveAgreement({ idempotencyKey: 'ag-1', agreement: {
 *   agreementId: 'AG-1', supplierId: 'SUP-1', sku: 'MILK-1L', validFrom: '2026-01-01T00:00:00+08:00',
 *   tiers: [{ minQuantity: 1, unitPrice: '5.00' }, { minQuantity: 100, unitPrice: '4.50' }],
 * } });
 * await procurement.openRound({ idempotencyKey: 'open-R-1', roundId: 'R-1', skus: [{ sku: 'MILK-1L' }], regions: ['华东'],
 *   opensAt: '2026-03-01T00:00:00+08:00', closesAt: '2026-03-08T00:00:00+08:00' });
 * await procurement.submitRequest({ idempotencyKey: 'M-1/R-1', roundId: 'R-1', merchantId: 'M-1', region: '华东',
 *   items: [{ sku: 'MILK-1L', quantity: 60 }] });
 * const { award, purchaseOrders } = await procurement.closeRound({ idempotencyKey: 'close-R-1', roundId: 'R-1' });
 */
export function createProcurementService(options: ProcurementServiceOptions): ProcurementService {
  checkOptions(options);
  const { storage, onEvent } = options;
  const clock = options.clock ?? systemClock;
  const nextId = options.ids ?? createIdGenerator({ clock });

  async function run<S extends z.ZodType, O extends { events: ProcurementEvent[] }>(
    command: string,
    schema: S,
    raw: unknown,
    handler: Handler<z.output<S>, O>,
  ): Promise<Replayable<O>> {
    const input = parseInput(schema, raw) as z.output<S> & { idempotencyKey: string };
    const { idempotencyKey, ...payload } = input;
    const now = clock.now();
    const scope = `procurement.${command}`;
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
      procurementCodec<O>(),
    );
    return { ...value, replayed };
  }

  const id = (value: unknown, field: string) => parseInput(procurementIdSchema, value, field);
  const reader = storage.procurement;

  return {
    saveSupplier: (input) => run('save-supplier', saveSupplierSchema, input, saveSupplier),
    saveAgreement: (input) => run('save-agreement', saveAgreementSchema, input, saveAgreement),
    openRound: (input) => run('open-round', openRoundSchema, input, openRound),
    submitRequest: (input) => run('submit-request', submitRequestSchema, input, submitRequest),
    changeRequest: (input) => run('change-request', changeRequestSchema, input, changeRequest),
    cancelRequest: (input) => run('cancel-request', cancelRequestSchema, input, cancelRequest),
    closeRound: (input) => run('close-round', closeRoundSchema, input, closeRound),
    cancelRound: (input) => run('cancel-round', cancelRoundSchema, input, cancelRound),
    getSupplier: async (supplierId) => reader.getSupplier(id(supplierId, 'supplierId')),
    listSuppliers: async (filter) => reader.listSuppliers(checkSupplierFilter(filter)),
    getAgreement: async (agreementId) => reader.getAgreement(id(agreementId, 'agreementId')),
    listAgreements: async (filter) => reader.listAgreements(checkAgreementFilter(filter)),
    getRound: async (roundId) => reader.getRound(id(roundId, 'roundId')),
    getRequest: async (roundId, requestId) =>
      reader.getRequest(id(roundId, 'roundId'), id(requestId, 'requestId')),
    listRequests: async (roundId, filter) =>
      reader.listRequests(id(roundId, 'roundId'), checkRequestFilter(filter)),
    getDemand: async (roundId) => reader.getDemand(id(roundId, 'roundId')),
    getAward: async (roundId) => reader.getAward(id(roundId, 'roundId')),
    listAllocations: async (roundId, filter) =>
      reader.listAllocations(id(roundId, 'roundId'), checkAllocationFilter(filter)),
    getPurchaseOrder: async (purchaseOrderId) =>
      reader.getPurchaseOrder(id(purchaseOrderId, 'purchaseOrderId')),
    listPurchaseOrders: async (filter) => reader.listPurchaseOrders(checkPurchaseOrderFilter(filter)),
  };
}

function checkOptions(options: ProcurementServiceOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw ValidationError.field('options', 'Expected { storage, clock?, onEvent?, ids? }', 'invalid_type');
  }
  const { storage, clock, onEvent, ids } = options;
  if (
    typeof storage?.transaction !== 'function' ||
    typeof storage.procurement !== 'object' ||
    storage.procurement === null
  ) {
    throw ValidationError.field(
      'storage',
      'Expected a storage with procurement (createMemoryStorage(), createPostgresStorage(), or your own)',
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
