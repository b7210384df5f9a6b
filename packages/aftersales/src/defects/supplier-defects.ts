import { allocate, Money, sum } from '@s2b2b/core';
import type { CaseReason, ResolutionKind } from '../common/vocabulary.js';
import type { AftersalesCase } from '../store.js';

/**
 * The reasons that count against a supplier's quality on a scorecard.
 *
 * @example
 * SUPPLIER_DEFECT_REASONS.includes('wrong-item') // true
 */
export const SUPPLIER_DEFECT_REASONS: readonly CaseReason[] = Object.freeze([
  'quality-defect',
  'not-as-described',
  'wrong-item',
  'missing-item',
]);

/**
 * One supplier defect, as a procurement scorecard consumes it (a plain value: nothing here
 * imports procurement). Quantities are units; amounts are decimal strings in `currency`.
 *
 * @example
 * const record: SupplierDefectRecord = supplierDefectRecords(resolvedCase)[0]!;
 */
export interface SupplierDefectRecord {
  supplierId: string;
  caseId: string;
  orderId: string;
  lineId: string;
  sku: string;
  category: string | null;
  reason: CaseReason;
  /** Units of the order line. */
  orderedQuantity: number;
  /** Units the case found defective. */
  defectiveQuantity: number;
  openedAt: Date;
  resolvedAt: Date | null;
  resolution: ResolutionKind | null;
  /** What the supplier was charged for this line's refund (its share of the plan). */
  refund: string;
  currency: string;
  /** Working time the supplier took to respond (the party-response clock), ms; `null` if it never responded. */
  responseMs: number | null;
  /** Whether the supplier's response, or the resolution, missed its SLA target. */
  slaBreached: boolean;
}

/**
 * The supplier defect records of a case: one per case line when the case's reason is a
 * supplier fault (see {@link SUPPLIER_DEFECT_REASONS}) and it was not rejected; `[]` otherwise.
 * A record carries the defective units, the refund the supplier bore for the line, its
 * response time and whether an SLA was breached.
 *
 * @example
 * const records = supplierDefectRecords(await cases.getCase('case-1'));
 */
export function supplierDefectRecords(record: AftersalesCase): SupplierDefectRecord[] {
  if (!SUPPLIER_DEFECT_REASONS.includes(record.reason)) return [];
  if (record.resolution?.kind === 'reject') return [];
  const plan = record.resolution?.plan;
  const supplierRefund = plan
    ? sum(
        plan.allocations
          .filter((a) => a.component === 'refund' && a.party === 'supplier')
          .map((a) => Money.fromJSON(a.amount)),
        record.currency,
      )
    : Money.zero(record.currency);
  const totalRefund = plan
    ? sum(
        plan.lines.map((l) => Money.fromJSON(l.refund)),
        record.currency,
      )
    : Money.zero(record.currency);
  const party = record.clocks.find((c) => c.metric === 'party-response');
  const answered = party?.cycles.find((c) => c.state === 'completed');
  const breached = record.clocks.some(
    (c) =>
      (c.metric === 'party-response' || c.metric === 'resolution') &&
      c.cycles.some((cycle) => cycle.breachedAt !== null),
  );
  // The supplier's refund share split over the lines by their refunds, exactly (largest remainder).
  const lineRefunds = record.lines.map((line) => {
    const planned = plan?.lines.find((l) => l.lineId === line.lineId);
    return planned ? Money.fromJSON(planned.refund) : Money.zero(record.currency);
  });
  const shares = totalRefund.isPositive()
    ? allocate(
        supplierRefund,
        lineRefunds.map((m) => m.amount()),
      )
    : lineRefunds.map(() => Money.zero(record.currency));
  return record.lines.map((line, index) => {
    const share = shares[index] as Money;
    return {
      supplierId: record.supplierId,
      caseId: record.id,
      orderId: record.orderId,
      lineId: line.lineId,
      sku: line.sku,
      category: record.category,
      reason: record.reason,
      orderedQuantity: line.orderedQuantity,
      defectiveQuantity: line.quantity,
      openedAt: record.openedAt,
      resolvedAt: record.resolvedAt,
      resolution: record.resolution?.kind ?? null,
      refund: share.toDecimalString(),
      currency: record.currency,
      responseMs: answered ? answered.elapsedMs : null,
      slaBreached: breached,
    };
  });
}

/**
 * Per supplier: cases, defective units, refunds borne and SLA breaches over a set of records —
 * the after-sales inputs of a supplier scorecard (defect PPM needs the units delivered, which
 * the scorecard has).
 *
 * @example
 * summarizeSupplierDefects(records).get('SUP-7') // { cases: 3, defectiveUnits: 7, refund: '160.40', ... }
 */
export function summarizeSupplierDefects(records: readonly SupplierDefectRecord[]): Map<
  string,
  {
    cases: number;
    defectiveUnits: number;
    refund: string;
    currency: string;
    breaches: number;
    meanResponseMs: number | null;
  }
> {
  const bySupplier = new Map<string, SupplierDefectRecord[]>();
  for (const r of records) bySupplier.set(r.supplierId, [...(bySupplier.get(r.supplierId) ?? []), r]);
  const result = new Map<
    string,
    {
      cases: number;
      defectiveUnits: number;
      refund: string;
      currency: string;
      breaches: number;
      meanResponseMs: number | null;
    }
  >();
  for (const [supplierId, list] of [...bySupplier.entries()].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  )) {
    const currency = list[0]?.currency ?? 'CNY';
    const cases = new Map(list.map((r) => [r.caseId, r]));
    const responses = [...cases.values()].map((r) => r.responseMs).filter((ms): ms is number => ms !== null);
    result.set(supplierId, {
      cases: cases.size,
      defectiveUnits: list.reduce((n, r) => n + r.defectiveQuantity, 0),
      refund: sum(
        list.map((r) => Money.of(r.refund, r.currency)),
        currency,
      ).toDecimalString(),
      currency,
      breaches: [...cases.values()].filter((r) => r.slaBreached).length,
      meanResponseMs: responses.length ? responses.reduce((a, b) => a + b, 0) / responses.length : null,
    });
  }
  return result;
}
