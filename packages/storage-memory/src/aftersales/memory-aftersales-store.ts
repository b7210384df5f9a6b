import {
  type AftersalesCase,
  type AftersalesReader,
  type AftersalesTxPort,
  type CaseFilter,
  type CaseTransition,
  type CaseTransitionDraft,
  caseError,
  checkCaseFilter,
  checkDueCaseQuery,
  checkTransitionFilter,
  compareCodePoints,
  type DueCase,
  type DueCaseQuery,
  type TransitionFilter,
} from '@s2b2b/aftersales';
import type { MemoryEngine, MemoryTxContext } from '../memory-engine.js';

/**
 * The after-sales port in maps: cases by id and each case's transitions. The engine's lock
 * serialises transactions, so `lockCase` only reads; `saveCase` checks the version, as every
 * adapter must. The due-case scan walks the cases (fine for the memory adapter's sizes; the
 * PostgreSQL adapter answers it from a partial index).
 *
 * @example
 * const aftersales = new MemoryAftersalesStore(engine);
 * await engine.transaction((ctx) => aftersales.port(ctx).insertCase(record));
 */
export class MemoryAftersalesStore implements AftersalesReader {
  readonly #cases = new Map<string, AftersalesCase>();
  readonly #transitions = new Map<string, CaseTransition[]>();
  #sequence = 0;
  readonly #engine: MemoryEngine;

  constructor(engine: MemoryEngine) {
    this.#engine = engine;
  }

  /** The port a transaction uses. */
  port(ctx: MemoryTxContext): AftersalesTxPort {
    return {
      getCase: async (id) => this.#getCase(id),
      listCases: async (filter) => this.#listCases(checkCaseFilter(filter)),
      listTransitions: async (caseId, filter) =>
        this.#listTransitions(caseId, checkTransitionFilter(caseId, filter)),
      listDueCases: async (query) => this.#listDue(checkDueCaseQuery(query)),
      insertCase: async (record) => this.#insert(ctx, record),
      lockCase: async (id) => this.#getCase(id),
      saveCase: async (record, expectedVersion) => this.#save(ctx, record, expectedVersion),
      appendTransitions: async (drafts) => this.#append(ctx, drafts),
    };
  }

  async getCase(id: string): Promise<AftersalesCase | null> {
    return this.#engine.read(() => this.#getCase(id));
  }

  async listCases(filter?: CaseFilter): Promise<AftersalesCase[]> {
    const checked = checkCaseFilter(filter);
    return this.#engine.read(() => this.#listCases(checked));
  }

  async listTransitions(caseId: string, filter?: TransitionFilter): Promise<CaseTransition[]> {
    const checked = checkTransitionFilter(caseId, filter);
    return this.#engine.read(() => this.#listTransitions(caseId, checked));
  }

  async listDueCases(query: DueCaseQuery): Promise<DueCase[]> {
    const checked = checkDueCaseQuery(query);
    return this.#engine.read(() => this.#listDue(checked));
  }

  #getCase(id: string): AftersalesCase | null {
    const record = this.#cases.get(id);
    return record ? structuredClone(record) : null;
  }

  #listCases(filter: ReturnType<typeof checkCaseFilter>): AftersalesCase[] {
    const { merchantId, supplierId, orderId, status, after, limit } = filter;
    return [...this.#cases.values()]
      .filter(
        (c) =>
          (merchantId === undefined || c.merchantId === merchantId) &&
          (supplierId === undefined || c.supplierId === supplierId) &&
          (orderId === undefined || c.orderId === orderId) &&
          (status === undefined || c.status === status) &&
          (after === undefined || compareCodePoints(c.id, after) > 0),
      )
      .sort((a, b) => compareCodePoints(a.id, b.id))
      .slice(0, limit)
      .map((c) => structuredClone(c));
  }

  #listTransitions(caseId: string, filter: ReturnType<typeof checkTransitionFilter>): CaseTransition[] {
    const { afterSequence = 0, limit } = filter;
    return (this.#transitions.get(caseId) ?? [])
      .filter((t) => t.sequence > afterSequence)
      .slice(0, limit)
      .map((t) => structuredClone(t));
  }

  #listDue(query: ReturnType<typeof checkDueCaseQuery>): DueCase[] {
    const before = query.before.getTime();
    const rows: DueCase[] = [];
    for (const record of this.#cases.values()) {
      const at = query.kind === 'breach' ? record.nextBreachAt : record.nextDueAt;
      if (!at || at.getTime() > before) continue;
      if (query.after) {
        const cursor = query.after.at.getTime();
        if (
          at.getTime() < cursor ||
          (at.getTime() === cursor && compareCodePoints(record.id, query.after.caseId) <= 0)
        )
          continue;
      }
      rows.push({ caseId: record.id, at: new Date(at.getTime()) });
    }
    return rows
      .sort((a, b) => a.at.getTime() - b.at.getTime() || compareCodePoints(a.caseId, b.caseId))
      .slice(0, query.limit);
  }

  #insert(ctx: MemoryTxContext, record: AftersalesCase): void {
    if (this.#cases.has(record.id)) throw caseError('CASE_EXISTS', record.id);
    this.#cases.set(record.id, { ...structuredClone(record), version: 0 });
    this.#transitions.set(record.id, []);
    ctx.onRollback(() => {
      this.#cases.delete(record.id);
      this.#transitions.delete(record.id);
    });
  }

  #save(ctx: MemoryTxContext, record: AftersalesCase, expectedVersion: number): AftersalesCase {
    const current = this.#cases.get(record.id);
    if (!current) throw caseError('CASE_NOT_FOUND', record.id);
    if (current.version !== expectedVersion)
      throw caseError(
        'CASE_VERSION_CONFLICT',
        record.id,
        `is at version ${current.version}, not ${expectedVersion}`,
        {
          expectedVersion,
          version: current.version,
        },
      );
    const next: AftersalesCase = { ...structuredClone(record), version: current.version + 1 };
    this.#cases.set(record.id, next);
    ctx.onRollback(() => this.#cases.set(record.id, current));
    return structuredClone(next);
  }

  #append(ctx: MemoryTxContext, drafts: readonly CaseTransitionDraft[]): CaseTransition[] {
    for (const draft of drafts)
      if (!this.#cases.has(draft.caseId)) throw caseError('CASE_NOT_FOUND', draft.caseId);
    const results: CaseTransition[] = [];
    for (const draft of drafts) {
      this.#sequence += 1;
      const stored: CaseTransition = { ...structuredClone(draft), sequence: this.#sequence };
      const list = this.#transitions.get(draft.caseId) as CaseTransition[];
      list.push(stored);
      const previous = this.#sequence - 1;
      ctx.onRollback(() => {
        list.splice(list.indexOf(stored), 1);
        this.#sequence = Math.min(this.#sequence, previous);
      });
      results.push(structuredClone(stored));
    }
    return results;
  }
}
