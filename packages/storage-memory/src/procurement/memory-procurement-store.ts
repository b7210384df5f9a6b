import { Money } from '@s2b2b/core';
import {
  type Agreement,
  type AgreementFilter,
  type AgreementRecord,
  type AllocationFilter,
  type AllocationRecord,
  allocationExistsError,
  awardExistsError,
  type CapacityCommitment,
  type CapacityKey,
  type CapacityUsage,
  capacityExceededError,
  checkAgreementFilter,
  checkAllocationFilter,
  checkPurchaseOrderFilter,
  checkRequestFilter,
  checkSupplierFilter,
  compareCapacityKeys,
  compareCodePoints,
  fitsCapacity,
  type ProcurementReader,
  type ProcurementTxPort,
  type PurchaseOrderFilter,
  type PurchaseOrderRecord,
  purchaseOrderExistsError,
  type RequestDraft,
  type RequestFilter,
  type RequestRecord,
  type RoundRecord,
  requestExistsError,
  requestNotFoundError,
  requestVersionConflictError,
  roundExistsError,
  roundNotFoundError,
  roundVersionConflictError,
  type SkuDemand,
  type StoredAward,
  type Supplier,
  type SupplierFilter,
  type SupplierRecord,
} from '@s2b2b/procurement';
import type { MemoryEngine, MemoryTxContext } from '../memory-engine.js';

/**
 * The procurement port in maps: suppliers, agreements, rounds, each round's requests in
 * submission order, awards, allocations, purchase orders and capacity usage. The engine's lock
 * serialises transactions, so the `lock*` methods only read; `saveRound` and `saveRequest`
 * check the version and `addCapacity` checks every commitment before it writes, as every
 * adapter must.
 *
 * @example
 * const procurement = new MemoryProcurementStore(engine);
 * await engine.transaction((ctx) => procurement.port(ctx).lockRound('R-1'));
 */
export class MemoryProcurementStore implements ProcurementReader {
  readonly #suppliers = new Map<string, SupplierRecord>();
  readonly #agreements = new Map<string, AgreementRecord>();
  readonly #rounds = new Map<string, RoundRecord>();
  /** Per round: requests in sequence order, and their index by id. */
  readonly #requests = new Map<string, { list: RequestRecord[]; index: Map<string, number> }>();
  readonly #awards = new Map<string, StoredAward>();
  /** Per round: allocations sorted by (request id, SKU). */
  readonly #allocations = new Map<string, AllocationRecord[]>();
  readonly #orders = new Map<string, PurchaseOrderRecord>();
  readonly #capacity = new Map<string, number>();
  #sequence = 0;
  readonly #engine: MemoryEngine;

  constructor(engine: MemoryEngine) {
    this.#engine = engine;
  }

  /** The port a transaction uses. */
  port(ctx: MemoryTxContext): ProcurementTxPort {
    return {
      getSupplier: async (id) => this.#getSupplier(id),
      listSuppliers: async (filter) => this.#listSuppliers(checkSupplierFilter(filter)),
      getAgreement: async (id) => this.#getAgreement(id),
      listAgreements: async (filter) => this.#listAgreements(checkAgreementFilter(filter)),
      getRound: async (id) => this.#getRound(id),
      getRequest: async (roundId, requestId) => this.#getRequest(roundId, requestId),
      listRequests: async (roundId, filter) => this.#listRequests(roundId, checkRequestFilter(filter)),
      getDemand: async (roundId) => this.#getDemand(roundId),
      getAward: async (roundId) => this.#getAward(roundId),
      listAllocations: async (roundId, filter) =>
        this.#listAllocations(roundId, checkAllocationFilter(filter)),
      getPurchaseOrder: async (id) => this.#getPurchaseOrder(id),
      listPurchaseOrders: async (filter) => this.#listPurchaseOrders(checkPurchaseOrderFilter(filter)),
      getCapacityUsage: async (agreementId, periodStart) => this.#usage({ agreementId, periodStart }),
      putSupplier: async (supplier, updatedAt) => this.#putSupplier(ctx, supplier, updatedAt),
      putAgreement: async (agreement, updatedAt) => this.#putAgreement(ctx, agreement, updatedAt),
      insertRound: async (round) => this.#insertRound(ctx, round),
      lockRound: async (id) => this.#getRound(id),
      saveRound: async (round, expectedVersion) => this.#saveRound(ctx, round, expectedVersion),
      insertRequest: async (request) => this.#insertRequest(ctx, request),
      lockRequest: async (roundId, requestId) => this.#getRequest(roundId, requestId),
      saveRequest: async (request, expectedVersion) => this.#saveRequest(ctx, request, expectedVersion),
      lockCapacity: async (keys) =>
        uniqueKeys(keys).map((key) => ({ ...copyKey(key), used: this.#usage(key) })),
      addCapacity: async (commitments) => this.#addCapacity(ctx, commitments),
      insertAward: async (award) => this.#insertAward(ctx, award),
      insertAllocations: async (allocations) => this.#insertAllocations(ctx, allocations),
      insertPurchaseOrders: async (orders) => this.#insertOrders(ctx, orders),
    };
  }

  async getSupplier(supplierId: string): Promise<SupplierRecord | null> {
    return this.#engine.read(() => this.#getSupplier(supplierId));
  }

  async listSuppliers(filter?: SupplierFilter): Promise<SupplierRecord[]> {
    const checked = checkSupplierFilter(filter);
    return this.#engine.read(() => this.#listSuppliers(checked));
  }

  async getAgreement(agreementId: string): Promise<AgreementRecord | null> {
    return this.#engine.read(() => this.#getAgreement(agreementId));
  }

  async listAgreements(filter?: AgreementFilter): Promise<AgreementRecord[]> {
    const checked = checkAgreementFilter(filter);
    return this.#engine.read(() => this.#listAgreements(checked));
  }

  async getRound(roundId: string): Promise<RoundRecord | null> {
    return this.#engine.read(() => this.#getRound(roundId));
  }

  async getRequest(roundId: string, requestId: string): Promise<RequestRecord | null> {
    return this.#engine.read(() => this.#getRequest(roundId, requestId));
  }

  async listRequests(roundId: string, filter?: RequestFilter): Promise<RequestRecord[]> {
    const checked = checkRequestFilter(filter);
    return this.#engine.read(() => this.#listRequests(roundId, checked));
  }

  async getDemand(roundId: string): Promise<SkuDemand[]> {
    return this.#engine.read(() => this.#getDemand(roundId));
  }

  async getAward(roundId: string): Promise<StoredAward | null> {
    return this.#engine.read(() => this.#getAward(roundId));
  }

  async listAllocations(roundId: string, filter?: AllocationFilter): Promise<AllocationRecord[]> {
    const checked = checkAllocationFilter(filter);
    return this.#engine.read(() => this.#listAllocations(roundId, checked));
  }

  async getPurchaseOrder(purchaseOrderId: string): Promise<PurchaseOrderRecord | null> {
    return this.#engine.read(() => this.#getPurchaseOrder(purchaseOrderId));
  }

  async listPurchaseOrders(filter?: PurchaseOrderFilter): Promise<PurchaseOrderRecord[]> {
    const checked = checkPurchaseOrderFilter(filter);
    return this.#engine.read(() => this.#listPurchaseOrders(checked));
  }

  async getCapacityUsage(agreementId: string, periodStart: Date): Promise<number> {
    return this.#engine.read(() => this.#usage({ agreementId, periodStart }));
  }

  #getSupplier(id: string): SupplierRecord | null {
    const supplier = this.#suppliers.get(id);
    return supplier ? copy(supplier) : null;
  }

  #listSuppliers(filter: ReturnType<typeof checkSupplierFilter>): SupplierRecord[] {
    const ids = filter.ids ? new Set(filter.ids) : null;
    return [...this.#suppliers.values()]
      .filter(
        (s) =>
          (ids === null || ids.has(s.supplierId)) &&
          (filter.after === undefined || compare(s.supplierId, filter.after) > 0),
      )
      .sort((a, b) => compare(a.supplierId, b.supplierId))
      .slice(0, filter.limit)
      .map(copy);
  }

  #getAgreement(id: string): AgreementRecord | null {
    const agreement = this.#agreements.get(id);
    return agreement ? copy(agreement) : null;
  }

  #listAgreements(filter: ReturnType<typeof checkAgreementFilter>): AgreementRecord[] {
    const skus = filter.skus ? new Set(filter.skus) : null;
    return [...this.#agreements.values()]
      .filter(
        (a) =>
          (skus === null || skus.has(a.sku)) &&
          (filter.supplierId === undefined || a.supplierId === filter.supplierId) &&
          (filter.after === undefined || compare(a.agreementId, filter.after) > 0),
      )
      .sort((a, b) => compare(a.agreementId, b.agreementId))
      .slice(0, filter.limit)
      .map(copy);
  }

  #getRound(id: string): RoundRecord | null {
    const round = this.#rounds.get(id);
    return round ? copy(round) : null;
  }

  #getRequest(roundId: string, requestId: string): RequestRecord | null {
    const requests = this.#requests.get(roundId);
    const at = requests?.index.get(requestId);
    return at === undefined ? null : copy(requests!.list[at]!);
  }

  #listRequests(roundId: string, filter: ReturnType<typeof checkRequestFilter>): RequestRecord[] {
    const list = this.#requests.get(roundId)?.list ?? [];
    const after = filter.afterSequence ?? 0;
    // first position with sequence > after (the list is in sequence order)
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.sequence <= after) lo = mid + 1;
      else hi = mid;
    }
    const out: RequestRecord[] = [];
    for (let i = lo; i < list.length && out.length < filter.limit; i++) {
      const request = list[i]!;
      if (filter.merchantId !== undefined && request.merchantId !== filter.merchantId) continue;
      if (filter.status !== undefined && request.status !== filter.status) continue;
      out.push(copy(request));
    }
    return out;
  }

  #getDemand(roundId: string): SkuDemand[] {
    const demand = new Map<string, SkuDemand>();
    for (const request of this.#requests.get(roundId)?.list ?? []) {
      if (request.status !== 'active') continue;
      for (const line of request.lines) {
        const entry = demand.get(line.sku) ?? { sku: line.sku, units: 0, requests: 0 };
        entry.units += line.quantity;
        entry.requests += 1;
        demand.set(line.sku, entry);
      }
    }
    return [...demand.values()].sort((a, b) => compare(a.sku, b.sku));
  }

  #getAward(roundId: string): StoredAward | null {
    const award = this.#awards.get(roundId);
    return award ? copy(award) : null;
  }

  #listAllocations(roundId: string, filter: ReturnType<typeof checkAllocationFilter>): AllocationRecord[] {
    const after = filter.after;
    const out: AllocationRecord[] = [];
    for (const allocation of this.#allocations.get(roundId) ?? []) {
      if (out.length >= filter.limit) break;
      if (after && compareAllocation(allocation, after) <= 0) continue;
      if (filter.merchantId !== undefined && allocation.merchantId !== filter.merchantId) continue;
      out.push(copy(allocation));
    }
    return out;
  }

  #getPurchaseOrder(id: string): PurchaseOrderRecord | null {
    const order = this.#orders.get(id);
    return order ? copy(order) : null;
  }

  #listPurchaseOrders(filter: ReturnType<typeof checkPurchaseOrderFilter>): PurchaseOrderRecord[] {
    return [...this.#orders.values()]
      .filter(
        (o) =>
          (filter.roundId === undefined || o.roundId === filter.roundId) &&
          (filter.supplierId === undefined || o.supplierId === filter.supplierId) &&
          (filter.after === undefined || compare(o.purchaseOrderId, filter.after) > 0),
      )
      .sort((a, b) => compare(a.purchaseOrderId, b.purchaseOrderId))
      .slice(0, filter.limit)
      .map(copy);
  }

  #usage(key: CapacityKey): number {
    return this.#capacity.get(capacityId(key)) ?? 0;
  }

  #putSupplier(ctx: MemoryTxContext, supplier: Supplier, updatedAt: Date): SupplierRecord {
    const previous = this.#suppliers.get(supplier.supplierId);
    const record: SupplierRecord = {
      supplierId: supplier.supplierId,
      name: supplier.name,
      documents: copy(supplier.documents),
      rating: supplier.rating ? copy(supplier.rating) : null,
      version: (previous?.version ?? 0) + 1,
      updatedAt: new Date(updatedAt.getTime()),
    };
    this.#suppliers.set(record.supplierId, record);
    ctx.onRollback(() =>
      previous
        ? this.#suppliers.set(previous.supplierId, previous)
        : this.#suppliers.delete(record.supplierId),
    );
    return copy(record);
  }

  #putAgreement(ctx: MemoryTxContext, agreement: Agreement, updatedAt: Date): AgreementRecord {
    const previous = this.#agreements.get(agreement.agreementId);
    const record: AgreementRecord = {
      ...copy(agreement),
      version: (previous?.version ?? 0) + 1,
      updatedAt: new Date(updatedAt.getTime()),
    };
    this.#agreements.set(record.agreementId, record);
    ctx.onRollback(() =>
      previous
        ? this.#agreements.set(previous.agreementId, previous)
        : this.#agreements.delete(record.agreementId),
    );
    return copy(record);
  }

  #insertRound(ctx: MemoryTxContext, round: RoundRecord): RoundRecord {
    if (this.#rounds.has(round.roundId)) throw roundExistsError(round.roundId);
    const stored: RoundRecord = { ...copy(round), version: 0 };
    this.#rounds.set(stored.roundId, stored);
    this.#requests.set(stored.roundId, { list: [], index: new Map() });
    ctx.onRollback(() => {
      this.#rounds.delete(stored.roundId);
      this.#requests.delete(stored.roundId);
    });
    return copy(stored);
  }

  #saveRound(ctx: MemoryTxContext, round: RoundRecord, expectedVersion: number): RoundRecord {
    const current = this.#rounds.get(round.roundId);
    if (!current) throw roundNotFoundError(round.roundId);
    if (current.version !== expectedVersion) {
      throw roundVersionConflictError(round.roundId, expectedVersion, current.version);
    }
    const next: RoundRecord = { ...copy(round), version: expectedVersion + 1 };
    this.#rounds.set(round.roundId, next);
    ctx.onRollback(() => this.#rounds.set(round.roundId, current));
    return copy(next);
  }

  #insertRequest(ctx: MemoryTxContext, draft: RequestDraft): RequestRecord {
    const requests = this.#requests.get(draft.roundId);
    if (!requests) throw roundNotFoundError(draft.roundId);
    if (requests.index.has(draft.requestId)) throw requestExistsError(draft.roundId, draft.requestId);
    this.#sequence += 1;
    const previousSequence = this.#sequence - 1;
    const stored: RequestRecord = { ...copy(draft), version: 0, sequence: this.#sequence };
    requests.index.set(stored.requestId, requests.list.length);
    requests.list.push(stored);
    ctx.onRollback(() => {
      requests.list.pop();
      requests.index.delete(stored.requestId);
      this.#sequence = Math.min(this.#sequence, previousSequence);
    });
    return copy(stored);
  }

  #saveRequest(ctx: MemoryTxContext, request: RequestRecord, expectedVersion: number): RequestRecord {
    const requests = this.#requests.get(request.roundId);
    const at = requests?.index.get(request.requestId);
    if (at === undefined) throw requestNotFoundError(request.roundId, request.requestId);
    const current = requests!.list[at]!;
    if (current.version !== expectedVersion) {
      throw requestVersionConflictError(request.roundId, request.requestId, expectedVersion, current.version);
    }
    const next: RequestRecord = {
      ...copy(request),
      sequence: current.sequence,
      version: expectedVersion + 1,
    };
    requests!.list[at] = next;
    ctx.onRollback(() => {
      requests!.list[at] = current;
    });
    return copy(next);
  }

  #addCapacity(ctx: MemoryTxContext, commitments: readonly CapacityCommitment[]): CapacityUsage[] {
    // sum per row, check every row first, then write
    const rows = new Map<string, { key: CapacityKey; quantity: number; limit: number }>();
    for (const commitment of commitments) {
      const id = capacityId(commitment);
      const row = rows.get(id) ?? { key: copyKey(commitment), quantity: 0, limit: commitment.limit };
      row.quantity += commitment.quantity;
      row.limit = Math.min(row.limit, commitment.limit);
      rows.set(id, row);
    }
    const ordered = [...rows.entries()].sort(([, a], [, b]) => compareCapacityKeys(a.key, b.key));
    for (const [id, row] of ordered) {
      const used = this.#capacity.get(id) ?? 0;
      if (!fitsCapacity(used, row.quantity, row.limit)) {
        throw capacityExceededError(row.key.agreementId, row.key.periodStart, used, row.quantity, row.limit);
      }
    }
    return ordered.map(([id, row]) => {
      const previous = this.#capacity.get(id);
      const used = (previous ?? 0) + row.quantity;
      this.#capacity.set(id, used);
      ctx.onRollback(() =>
        previous === undefined ? this.#capacity.delete(id) : this.#capacity.set(id, previous),
      );
      return { ...row.key, used };
    });
  }

  #insertAward(ctx: MemoryTxContext, award: StoredAward): void {
    if (this.#awards.has(award.roundId)) throw awardExistsError(award.roundId);
    this.#awards.set(award.roundId, copy(award));
    ctx.onRollback(() => this.#awards.delete(award.roundId));
  }

  #insertAllocations(ctx: MemoryTxContext, allocations: readonly AllocationRecord[]): void {
    const byRound = new Map<string, AllocationRecord[]>();
    for (const allocation of allocations) {
      const list = byRound.get(allocation.roundId) ?? [];
      list.push(copy(allocation));
      byRound.set(allocation.roundId, list);
    }
    // check every round's rows before writing any
    const merged = new Map<string, AllocationRecord[]>();
    for (const [roundId, rows] of byRound) {
      const all = [...(this.#allocations.get(roundId) ?? []), ...rows].sort(compareAllocation);
      for (let i = 1; i < all.length; i++) {
        if (compareAllocation(all[i - 1]!, all[i]!) === 0) {
          throw allocationExistsError(roundId, all[i]!.requestId, all[i]!.sku);
        }
      }
      merged.set(roundId, all);
    }
    for (const [roundId, all] of merged) {
      const previous = this.#allocations.get(roundId);
      this.#allocations.set(roundId, all);
      ctx.onRollback(() =>
        previous === undefined ? this.#allocations.delete(roundId) : this.#allocations.set(roundId, previous),
      );
    }
  }

  #insertOrders(ctx: MemoryTxContext, orders: readonly PurchaseOrderRecord[]): void {
    const ids = new Set<string>();
    for (const order of orders) {
      if (this.#orders.has(order.purchaseOrderId) || ids.has(order.purchaseOrderId)) {
        throw purchaseOrderExistsError(order.purchaseOrderId);
      }
      ids.add(order.purchaseOrderId);
    }
    for (const order of orders) {
      this.#orders.set(order.purchaseOrderId, copy(order));
      ctx.onRollback(() => this.#orders.delete(order.purchaseOrderId));
    }
  }
}

const compare = compareCodePoints;

function compareAllocation(
  a: { requestId: string; sku: string },
  b: { requestId: string; sku: string },
): number {
  return compare(a.requestId, b.requestId) || compare(a.sku, b.sku);
}

function capacityId(key: CapacityKey): string {
  return `${key.agreementId}\u0000${key.periodStart.getTime()}`;
}

function copyKey(key: CapacityKey): CapacityKey {
  return { agreementId: key.agreementId, periodStart: new Date(key.periodStart.getTime()) };
}

function uniqueKeys(keys: readonly CapacityKey[]): CapacityKey[] {
  const seen = new Map<string, CapacityKey>();
  for (const key of keys) if (!seen.has(capacityId(key))) seen.set(capacityId(key), key);
  return [...seen.values()].sort(compareCapacityKeys);
}

/** A deep copy that keeps `Money` (immutable) and copies `Date`s, arrays and plain objects. */
function copy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Money) return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(copy) as T;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) out[key] = copy(field);
  return out as T;
}
