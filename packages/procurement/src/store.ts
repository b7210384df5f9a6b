/**
 * The procurement port: what the procurement service needs from storage. `@s2b2b/storage-memory`
 * and `@s2b2b/storage-postgres` implement it as `storage.procurement` (reads) and
 * `tx.procurement` (reads and writes inside `storage.transaction`); a host can implement it on
 * its own database and prove it with `describeProcurementConformance` from
 * `@s2b2b/storage-testkit`.
 *
 * Two rules the store keeps atomically, whatever the caller does: a round, a request and a
 * purchase order id is taken once, and a round or request is only saved over the version it
 * was read at; an agreement's capacity in a period is never committed past its limit
 * (`addCapacity`, all or none). The service serialises the commands of one round by locking the
 * round first (`lockRound`), then its request, then capacity rows in {@link compareCapacityKeys}
 * order.
 */
import type { CoreStorage, InfrastructureTx, Money, RoundingMode } from '@s2b2b/core';
import type { Rationing } from './allocation/ration.js';
import type { DemandLine, RoundSku } from './award/schemas.js';
import type { LineAllocation, MerchantAllocation, PurchaseOrderDraft, SkuAward } from './award/types.js';
import { compareCodePoints } from './common/compare.js';
import type { Agreement, Bundle } from './pricing/schemas.js';
import type { Qualification } from './qualification/qualify.js';
import type { Supplier } from './qualification/schemas.js';

/**
 * A stored supplier: the supplier, a version that rises with every save, and when.
 *
 * @example
 * const supplier: SupplierRecord = (await storage.procurement.getSupplier('SUP-1'))!;
 */
export interface SupplierRecord extends Supplier {
  version: number;
  updatedAt: Date;
}

/**
 * A stored agreement.
 *
 * @example
 * const agreement: AgreementRecord = (await storage.procurement.getAgreement('AG-1'))!;
 */
export interface AgreementRecord extends Agreement {
  version: number;
  updatedAt: Date;
}

/**
 * The statuses of a round: `open` (taking requests until `closesAt`), `closed` (awarded, its
 * purchase orders placed) and `cancelled` (nothing bought). `closed` and `cancelled` are final.
 *
 * @example
 * ROUND_STATUSES // ['open', 'closed', 'cancelled']
 */
export const ROUND_STATUSES = Object.freeze(['open', 'closed', 'cancelled'] as const);

/**
 * One of {@link ROUND_STATUSES}.
 *
 * @example
 * const status: RoundStatus = 'open';
 */
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/**
 * What a round is, fixed when it opens.
 *
 * @example
 * const definition: RoundDefinition = round; // a RoundRecord is one
 */
export interface RoundDefinition {
  roundId: string;
  name: string | null;
  currency: string;
  /** The SKUs it pools, in the order given. */
  skus: RoundSku[];
  /** Bundles merchants may request, each expanded into its components. */
  bundles: Bundle[];
  /** Delivery regions; every request names one. */
  regions: string[];
  /** Documents every awarded supplier must hold (SKUs may add more). */
  requiredDocuments: string[];
  /** Requests are taken from `opensAt` (inclusive) until `closesAt` (exclusive). */
  opensAt: Date;
  closesAt: Date;
  /** The delivery date purchase orders are due by, if any (lead times and documents are checked against it). */
  needBy: Date | null;
  /** The zone capacity periods are cut in. */
  zone: string;
  /** How supplier invoice lines are rounded to minor units. */
  rounding: RoundingMode;
  /** How unmet units are shared when the award fills less than the demand. */
  rationing: Rationing;
  createdAt: Date;
}

/**
 * A round as stored: its definition, its status and counters of its active requests, and a
 * version that rises with every save.
 *
 * @example
 * const { status, requestCount, units }: RoundRecord = (await storage.procurement.getRound('R-1'))!;
 */
export interface RoundRecord extends RoundDefinition {
  status: RoundStatus;
  /** Active (not cancelled) requests. */
  requestCount: number;
  /** Their units, over every SKU. */
  units: number;
  closedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  version: number;
  updatedAt: Date;
}

/**
 * What a merchant asked for, as submitted: SKUs, or bundles (`bundleId`) of the round.
 *
 * @example
 * const items: RequestItem[] = [{ sku: 'MILK-1L', quantity: 48 }, { bundleId: 'BREAKFAST', quantity: 5 }];
 */
export type RequestItem = { sku: string; quantity: number } | { bundleId: string; quantity: number };

/**
 * The statuses of a request.
 *
 * @example
 * REQUEST_STATUSES // ['active', 'cancelled']
 */
export const REQUEST_STATUSES = Object.freeze(['active', 'cancelled'] as const);

/**
 * One of {@link REQUEST_STATUSES}.
 *
 * @example
 * const status: RequestStatus = 'cancelled';
 */
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * A merchant's request in a round. `lines` are its `items` with bundles expanded and equal SKUs
 * merged, sorted by SKU (code points). `sequence` is its place in submission order (unique,
 * rising; a change keeps it).
 *
 * @example
 * const request: RequestRecord = (await storage.procurement.getRequest('R-1', 'REQ-1'))!;
 */
export interface RequestRecord {
  roundId: string;
  requestId: string;
  merchantId: string;
  region: string;
  items: RequestItem[];
  lines: DemandLine[];
  status: RequestStatus;
  cancelReason: string | null;
  sequence: number;
  submittedAt: Date;
  updatedAt: Date;
  version: number;
}

/**
 * A request before the store has given it a place in submission order.
 *
 * @example
 * const draft: RequestDraft = { ...record, sequence: undefined } as never;
 */
export type RequestDraft = Omit<RequestRecord, 'sequence'>;

/**
 * The pooled demand of one SKU of a round, over its active requests.
 *
 * @example
 * const { sku, units, requests }: SkuDemand = (await storage.procurement.getDemand('R-1'))[0]!;
 */
export interface SkuDemand {
  sku: string;
  units: number;
  requests: number;
}

/**
 * What a closed round decided, as stored: the totals, every SKU's award (lines, exclusions), each
 * merchant's totals and the suppliers' qualification. Allocations and purchase orders are stored beside it.
 *
 * @example
 * const award: StoredAward = (await storage.procurement.getAward('R-1'))!;
 */
export interface StoredAward {
  roundId: string;
  currency: string;
  at: Date;
  requests: number;
  totals: { demand: number; filled: number; unmet: number; cost: Money; standalone: Money; saving: Money };
  skus: SkuAward[];
  /** Each merchant's totals, by merchant id. */
  merchants: MerchantAllocation[];
  qualification: Qualification[];
}

/**
 * One request line's allocation, as stored.
 *
 * @example
 * const row: AllocationRecord = (await storage.procurement.listAllocations('R-1'))[0]!;
 */
export interface AllocationRecord extends LineAllocation {
  roundId: string;
}

/**
 * A placed purchase order.
 *
 * @example
 * const po: PurchaseOrderRecord = (await storage.procurement.getPurchaseOrder('R-1/SUP-1'))!;
 */
export interface PurchaseOrderRecord extends PurchaseOrderDraft {
  createdAt: Date;
}

/**
 * An agreement's capacity period: the agreement and the period's start.
 *
 * @example
 * const key: CapacityKey = { agreementId: 'AG-1', periodStart: new Date('2026-02-28T16:00:00Z') };
 */
export interface CapacityKey {
  agreementId: string;
  periodStart: Date;
}

/**
 * Units committed against an agreement's capacity in a period.
 *
 * @example
 * const usage: CapacityUsage = { agreementId: 'AG-1', periodStart, used: 1200 };
 */
export interface CapacityUsage extends CapacityKey {
  used: number;
}

/**
 * Units to commit against a capacity limit.
 *
 * @example
 * const commitment: CapacityCommitment = { agreementId: 'AG-1', periodStart, quantity: 600, limit: 5000 };
 */
export interface CapacityCommitment extends CapacityKey {
  quantity: number;
  limit: number;
}

/**
 * The lock order of capacity rows: agreement id by code point (`compareCodePoints`), then period start.
 *
 * @example
 * keys.sort(compareCapacityKeys)
 */
export function compareCapacityKeys(a: CapacityKey, b: CapacityKey): number {
  if (a.agreementId !== b.agreementId) return compareCodePoints(a.agreementId, b.agreementId);
  return a.periodStart.getTime() - b.periodStart.getTime();
}

/**
 * A page of suppliers: by id, after `after`, at most `limit` (default 1,000, at most 10,000);
 * `ids` restricts to those.
 *
 * @example
 * await storage.procurement.listSuppliers({ ids: ['SUP-1', 'SUP-2'] });
 */
export interface SupplierFilter {
  ids?: string[];
  after?: string;
  limit?: number;
}

/**
 * A page of agreements: by id, after `after`, at most `limit`; `skus` and `supplierId` filter.
 *
 * @example
 * await storage.procurement.listAgreements({ skus: ['MILK-1L'], limit: 500 });
 */
export interface AgreementFilter {
  skus?: string[];
  supplierId?: string;
  after?: string;
  limit?: number;
}

/**
 * A page of a round's requests: in submission order, after `afterSequence`, at most `limit`.
 *
 * @example
 * await storage.procurement.listRequests('R-1', { status: 'active', afterSequence: 0, limit: 1000 });
 */
export interface RequestFilter {
  merchantId?: string;
  status?: RequestStatus;
  afterSequence?: number;
  limit?: number;
}

/**
 * A page of a round's allocations: by request id then SKU, after `after`, at most `limit`.
 *
 * @example
 * await storage.procurement.listAllocations('R-1', { merchantId: 'M-1' });
 */
export interface AllocationFilter {
  merchantId?: string;
  after?: { requestId: string; sku: string };
  limit?: number;
}

/**
 * A page of purchase orders: by id, after `after`, at most `limit`.
 *
 * @example
 * await storage.procurement.listPurchaseOrders({ roundId: 'R-1' });
 */
export interface PurchaseOrderFilter {
  roundId?: string;
  supplierId?: string;
  after?: string;
  limit?: number;
}

/**
 * Reading procurement state. Returned values are copies; `null` when not found. Outside a
 * transaction a read sees only committed state; `tx.procurement` reads through its transaction.
 *
 * @example
 * const round = await storage.procurement.getRound('R-1'); // or null
 */
export interface ProcurementReader {
  getSupplier(supplierId: string): Promise<SupplierRecord | null>;
  listSuppliers(filter?: SupplierFilter): Promise<SupplierRecord[]>;
  getAgreement(agreementId: string): Promise<AgreementRecord | null>;
  listAgreements(filter?: AgreementFilter): Promise<AgreementRecord[]>;
  getRound(roundId: string): Promise<RoundRecord | null>;
  getRequest(roundId: string, requestId: string): Promise<RequestRecord | null>;
  listRequests(roundId: string, filter?: RequestFilter): Promise<RequestRecord[]>;
  /** The pooled demand per SKU over the round's active requests, by SKU. */
  getDemand(roundId: string): Promise<SkuDemand[]>;
  getAward(roundId: string): Promise<StoredAward | null>;
  listAllocations(roundId: string, filter?: AllocationFilter): Promise<AllocationRecord[]>;
  getPurchaseOrder(purchaseOrderId: string): Promise<PurchaseOrderRecord | null>;
  listPurchaseOrders(filter?: PurchaseOrderFilter): Promise<PurchaseOrderRecord[]>;
  /** Units committed against the agreement's capacity in the period (0 when none). */
  getCapacityUsage(agreementId: string, periodStart: Date): Promise<number>;
}

/**
 * Procurement inside a transaction.
 *
 * Lock order, the same in every adapter so concurrent commands cannot deadlock: the round, then
 * its request, then capacity rows in {@link compareCapacityKeys} order (`lockCapacity` sorts).
 *
 * @example
 * await storage.transaction(async (tx) => {
 *   const round = await tx.procurement.lockRound('R-1');
 *   await tx.procurement.insertRequest(draft);
 * });
 */
export interface ProcurementTxPort extends ProcurementReader {
  /** Creates or replaces a supplier (by id); the version rises by one. */
  putSupplier(supplier: Supplier, updatedAt: Date): Promise<SupplierRecord>;
  /** Creates or replaces an agreement (by id); the version rises by one. */
  putAgreement(agreement: Agreement, updatedAt: Date): Promise<AgreementRecord>;
  /** Stores a new round (version 0). @throws DomainError `ROUND_EXISTS` */
  insertRound(round: RoundRecord): Promise<RoundRecord>;
  /** The round, locked until the transaction ends, or `null`. */
  lockRound(roundId: string): Promise<RoundRecord | null>;
  /**
   * Saves a round over `expectedVersion`; its version becomes `expectedVersion + 1`.
   *
   * @throws DomainError `ROUND_NOT_FOUND`, `ROUND_VERSION_CONFLICT`
   */
  saveRound(round: RoundRecord, expectedVersion: number): Promise<RoundRecord>;
  /**
   * Stores a new request (version 0) with the next sequence of the store.
   *
   * @throws DomainError `ROUND_NOT_FOUND`, `REQUEST_EXISTS`
   */
  insertRequest(request: RequestDraft): Promise<RequestRecord>;
  /** The request, locked until the transaction ends, or `null`. */
  lockRequest(roundId: string, requestId: string): Promise<RequestRecord | null>;
  /**
   * Saves a request over `expectedVersion` (its sequence stays).
   *
   * @throws DomainError `REQUEST_NOT_FOUND`, `REQUEST_VERSION_CONFLICT`
   */
  saveRequest(request: RequestRecord, expectedVersion: number): Promise<RequestRecord>;
  /** Locks the capacity rows of `keys` in {@link compareCapacityKeys} order and returns their usage in that order. */
  lockCapacity(keys: readonly CapacityKey[]): Promise<CapacityUsage[]>;
  /**
   * Adds each commitment to its row's usage — all of them, or (when any would pass its
   * limit) none. Returns the usage after, in key order.
   *
   * @throws DomainError `CAPACITY_EXCEEDED`
   */
  addCapacity(commitments: readonly CapacityCommitment[]): Promise<CapacityUsage[]>;
  /** Stores a round's award. @throws DomainError `AWARD_EXISTS` */
  insertAward(award: StoredAward): Promise<void>;
  /** Stores allocations (unique per round, request and SKU). @throws DomainError `ALLOCATION_EXISTS` */
  insertAllocations(allocations: readonly AllocationRecord[]): Promise<void>;
  /** Stores purchase orders. @throws DomainError `PURCHASE_ORDER_EXISTS` */
  insertPurchaseOrders(orders: readonly PurchaseOrderRecord[]): Promise<void>;
}

/**
 * A transaction of a storage that has procurement: the infrastructure ports plus
 * `procurement`, so state, idempotency outcome and outbox events commit together.
 *
 * @example
 * await runIdempotent(storage, command, async (tx: ProcurementTx) => tx.procurement.lockRound('R-1'));
 */
export interface ProcurementTx extends InfrastructureTx {
  readonly procurement: ProcurementTxPort;
}

/**
 * A storage with procurement: `storage.procurement` reads, `storage.transaction` hands out
 * {@link ProcurementTx}. `createMemoryStorage()` and `createPostgresStorage()` return one.
 *
 * @example
 * const service = createProcurementService({ storage: createMemoryStorage() });
 */
export interface ProcurementStorage extends CoreStorage {
  readonly procurement: ProcurementReader;
  transaction<T>(fn: (tx: ProcurementTx) => Promise<T>): Promise<T>;
}
