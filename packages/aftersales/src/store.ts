/**
 * The after-sales port: what the case service needs from storage. `@s2b2b/storage-memory` and
 * `@s2b2b/storage-postgres` implement it as `storage.aftersales` (reads) and `tx.aftersales`
 * (reads and writes inside `storage.transaction`); a host can implement it on its own database
 * and prove it with `describeAftersalesConformance` from `@s2b2b/storage-testkit`.
 *
 * A case is never written from what a caller believes it to be: the service locks it, applies
 * the command with the pure `reduceCase`, advances its SLA clocks, and saves it conditionally on
 * the version it locked, with one transition row per change.
 */
import type { CoreStorage, InfrastructureTx, JsonValue } from '@s2b2b/core';
import type {
  CasePriority,
  CaseReason,
  CaseStatus,
  CaseType,
  Party,
  ResolutionKind,
} from './common/vocabulary.js';
import type { CompensationPlanJson } from './liability/compensation.js';
import type { SlaClock } from './sla/clock.js';

/**
 * One order line a case is about: what was sold (unit price, ordered quantity, the promotion
 * discount the line received, as decimal strings in the case's currency), how many units were
 * refunded before, and how many the case covers.
 *
 * @example
 * const line: CaseLine = { lineId: 'SO-1001-1', sku: 'TEA-500G', orderedQuantity: 10, unitPrice: '19.90', discount: '15.00', previouslyRefunded: 0, quantity: 3 };
 */
export interface CaseLine {
  lineId: string;
  sku: string;
  orderedQuantity: number;
  unitPrice: string;
  discount: string;
  previouslyRefunded: number;
  quantity: number;
}

/**
 * A reference to evidence kept elsewhere (the kit stores no files): a photo, video, document,
 * chat log or tracking record, with an optional content hash.
 *
 * @example
 * const photo: EvidenceRef = { kind: 'photo', uri: 'oss://cases/c-1/crack.jpg', sha256: null, addedBy: 'merchant', addedAt: new Date() };
 */
export interface EvidenceRef {
  kind: 'photo' | 'video' | 'document' | 'chat' | 'tracking' | 'other';
  uri: string;
  sha256: string | null;
  addedBy: Party;
  addedAt: Date;
}

/**
 * The party a case is assigned to.
 *
 * @example
 * const assignee: CaseAssignee = { party: 'supplier', partyId: 'SUP-7', assignedAt: new Date() };
 */
export interface CaseAssignee {
  party: Party;
  partyId: string | null;
  assignedAt: Date;
}

/**
 * A decided resolution and its compensation plan.
 *
 * @example
 * const { kind, plan }: CaseResolution = resolvedCase.resolution!;
 */
export interface CaseResolution {
  kind: ResolutionKind;
  decidedAt: Date;
  decidedBy: string | null;
  note: string | null;
  /** Who pays what (amounts as decimal strings). */
  plan: CompensationPlanJson;
}

/**
 * The shipment of a case, for carrier claims: freight and declared (insured) value as decimal strings.
 *
 * @example
 * const shipment: CaseShipment = { shipmentId: 'shp-1', freight: '18.00', declaredValue: null };
 */
export interface CaseShipment {
  shipmentId: string | null;
  freight: string;
  declaredValue: string | null;
}

/**
 * An after-sales case as stored.
 *
 * @example
 * const c: AftersalesCase = (await storage.aftersales.getCase('case-1'))!;
 */
export interface AftersalesCase {
  id: string;
  orderId: string;
  merchantId: string;
  merchantTier: string | null;
  supplierId: string;
  carrierId: string | null;
  category: string | null;
  type: CaseType;
  reason: CaseReason;
  priority: CasePriority;
  currency: string;
  description: string | null;
  lines: CaseLine[];
  evidence: EvidenceRef[];
  shipment: CaseShipment | null;
  status: CaseStatus;
  /** The merchant withdrew the case (it is closed). */
  withdrawn: boolean;
  /** Since the last (re)open: the platform replied / stepped in. */
  platformResponded: boolean;
  platformIntervened: boolean;
  /** The party the rule table routes the reason to. */
  suggestedParty: Party;
  assignee: CaseAssignee | null;
  /** Since the last assignment: the assignee responded. */
  partyResponded: boolean;
  resolution: CaseResolution | null;
  /** Resolutions of earlier cycles, oldest first (a reopen moves the current one here). */
  previousResolutions: CaseResolution[];
  reopenCount: number;
  /** The SLA policy applied when the case opened; `null` when none matched. */
  policyId: string | null;
  clocks: SlaClock[];
  /** The earliest warning, breach or escalation to come on a running clock. */
  nextDueAt: Date | null;
  /** The earliest breach to come on a running clock. */
  nextBreachAt: Date | null;
  openedAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
  /** Rises by one with every save. */
  version: number;
}

/**
 * A transition before the store has numbered it.
 *
 * @example
 * const draft: CaseTransitionDraft = { caseId: 'case-1', kind: 'intervened', fromStatus: 'open', toStatus: 'in-progress',
 *   actorParty: 'platform', actorId: 'agent-3', at: new Date(), commandScope: 'aftersales.intervene', commandKey: 'k-1', data: {} };
 */
export interface CaseTransitionDraft {
  caseId: string;
  /** The command (`opened`, `intervened`, `assigned`, ...) or the SLA change (`sla.started`, `sla.breached`, ...). */
  kind: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  actorParty: Party | null;
  actorId: string | null;
  at: Date;
  commandScope: string;
  commandKey: string;
  data: JsonValue;
}

/**
 * A recorded transition; `sequence` is unique and rises in the order the store recorded them.
 *
 * @example
 * const history: CaseTransition[] = await storage.aftersales.listTransitions('case-1');
 */
export interface CaseTransition extends CaseTransitionDraft {
  sequence: number;
}

/**
 * Which cases `listCases` returns: sorted by id (code points), after `after`, at most `limit`
 * (default 100, at most 1,000).
 *
 * @example
 * await storage.aftersales.listCases({ supplierId: 'SUP-7', status: 'in-progress' });
 */
export interface CaseFilter {
  merchantId?: string;
  supplierId?: string;
  orderId?: string;
  status?: CaseStatus;
  after?: string;
  limit?: number;
}

/**
 * Which transitions `listTransitions` returns: by sequence, after `afterSequence`, at most
 * `limit` (default 1,000, at most 10,000).
 *
 * @example
 * await storage.aftersales.listTransitions('case-1', { afterSequence: 20 });
 */
export interface TransitionFilter {
  afterSequence?: number;
  limit?: number;
}

/**
 * The scheduler's query: cases whose next breach (`kind: 'breach'`) or next warning, breach or
 * escalation (`kind: 'due'`) is at or before `before`, ordered by that instant then id, after
 * the `after` cursor, at most `limit` (default 500, at most 10,000).
 *
 * @example
 * await storage.aftersales.listDueCases({ kind: 'breach', before: new Date(Date.now() + 3_600_000) });
 */
export interface DueCaseQuery {
  kind: 'breach' | 'due';
  before: Date;
  after?: { at: Date; caseId: string };
  limit?: number;
}

/**
 * One row of a due-case scan.
 *
 * @example
 * const { caseId, at }: DueCase = (await storage.aftersales.listDueCases(query))[0]!;
 */
export interface DueCase {
  caseId: string;
  at: Date;
}

/**
 * Reading after-sales state. Returned values are copies; `null` when not found. Outside a
 * transaction a read sees only committed state; `tx.aftersales` reads through its transaction.
 *
 * @example
 * const open = await storage.aftersales.listCases({ status: 'open' });
 */
export interface AftersalesReader {
  getCase(id: string): Promise<AftersalesCase | null>;
  listCases(filter?: CaseFilter): Promise<AftersalesCase[]>;
  listTransitions(caseId: string, filter?: TransitionFilter): Promise<CaseTransition[]>;
  listDueCases(query: DueCaseQuery): Promise<DueCase[]>;
}

/**
 * After-sales inside a transaction. The store keeps one rule atomically, whatever the caller
 * does: a case is saved only over the version it was read at, so parallel commands on one
 * case never lose an update (`lockCase` makes them wait instead of fail).
 *
 * @example
 * await storage.transaction(async (tx) => {
 *   const current = await tx.aftersales.lockCase('case-1');
 *   if (current) await tx.aftersales.saveCase({ ...current, priority: 'high' }, current.version);
 * });
 */
export interface AftersalesTxPort extends AftersalesReader {
  /** Stores a new case at version 0. @throws DomainError `CASE_EXISTS` */
  insertCase(record: AftersalesCase): Promise<void>;
  /** Locks a case until the transaction ends and returns it (`null` if it does not exist). */
  lockCase(id: string): Promise<AftersalesCase | null>;
  /**
   * Saves a case if it is still at `expectedVersion`; the stored version becomes
   * `expectedVersion + 1`. Returns the case as stored. @throws DomainError `CASE_NOT_FOUND`, `CASE_VERSION_CONFLICT`
   */
  saveCase(record: AftersalesCase, expectedVersion: number): Promise<AftersalesCase>;
  /** Appends transitions (their cases must exist) and returns them numbered. @throws DomainError `CASE_NOT_FOUND` */
  appendTransitions(drafts: readonly CaseTransitionDraft[]): Promise<CaseTransition[]>;
}

/**
 * A transaction of a storage that has after-sales.
 *
 * @example
 * await runIdempotent(storage, command, async (tx: AftersalesTx) => tx.aftersales.lockCase(id));
 */
export interface AftersalesTx extends InfrastructureTx {
  readonly aftersales: AftersalesTxPort;
}

/**
 * A storage with after-sales: `storage.aftersales` reads, `storage.transaction` hands out
 * {@link AftersalesTx}. `createMemoryStorage()` and `createPostgresStorage()` return one.
 *
 * @example
 * const cases = createCaseService({ storage: createMemoryStorage() });
 */
export interface AftersalesStorage extends CoreStorage {
  readonly aftersales: AftersalesReader;
  transaction<T>(fn: (tx: AftersalesTx) => Promise<T>): Promise<T>;
}
