import { compareCodePoints as compare } from '../common/compare.js';
import { type ExclusionReason, exclusionReason } from '../common/exclusions.js';
import { type Period, periodStart } from '../common/periods.js';
import type { Agreement } from '../pricing/schemas.js';
import { qualifyParsed } from '../qualification/qualify.js';
import type { Supplier } from '../qualification/schemas.js';
import type { Exclusion } from './types.js';

const DAY_MS = 86_400_000;

/**
 * What eligibility is judged against: the round and the moment of the award.
 *
 * @example
 * const context: EligibilityContext = { at, currency: 'CNY', regions: ['华东'], needBy: null, requiredDocuments: [], zone: 'Asia/Shanghai', capacityUsed: new Map() };
 */
export interface EligibilityContext {
  at: Date;
  currency: string;
  regions: readonly string[];
  needBy: Date | null;
  /** The round's required documents plus the SKU's. */
  requiredDocuments: readonly string[];
  zone: string;
  /** Capacity already committed this period, by agreement id. */
  capacityUsed: ReadonlyMap<string, number>;
  /** The start of the capacity period containing `at` (default `periodStart(at, period, zone)`). */
  capacityPeriodStart?: (period: Period) => Date;
  /**
   * A supplier's qualification reasons against `requiredDocuments` at `at` through `needBy`
   * (default `qualifyParsed`), for a caller that judges many SKUs with the same requirements
   * and caches it.
   */
  qualify?: (supplier: Supplier) => ExclusionReason[];
}

/**
 * An agreement that may win, with the quantities it can take: 0, or whole packs from `min` to
 * `max` (the capacity left, rounded down to a pack).
 *
 * @example
 * const offer: EligibleOffer = { agreement, supplier, min: 24, max: 4992, capacity: { periodStart, limit: 5000 } };
 */
export interface EligibleOffer {
  agreement: Agreement;
  supplier: Supplier;
  min: number;
  max: number;
  /** The agreement's capacity period this award draws on, or `null` without a limit. */
  capacity: { periodStart: Date; limit: number; period: Period } | null;
}

/**
 * Splits a SKU's agreements into eligible offers and exclusions (every reason each). An offer
 * is eligible when its supplier is known and qualified (documents, standing), the agreement is
 * valid at the award and is the latest-starting valid one of its supplier for the SKU, it is
 * in the round's currency, serves every delivery region, delivers by `needBy` when ordered at
 * the award, and has capacity left for its smallest orderable quantity (the MOQ rounded up to
 * a whole pack). Offers come back best first: rated suppliers by score, then
 * unrated, then by supplier and agreement id — the order that breaks cost ties.
 *
 * @example
 * const { offers, excluded } = selectOffers(agreementsOfSku, suppliersById, context);
 */
export function selectOffers(
  agreements: readonly Agreement[],
  suppliers: ReadonlyMap<string, Supplier>,
  context: EligibilityContext,
): { offers: EligibleOffer[]; excluded: Exclusion[] } {
  const time = context.at.getTime();
  const validNow = (a: Agreement) =>
    a.validFrom.getTime() <= time && (a.validTo === null || time < a.validTo.getTime());
  // the agreement that applies per supplier: the valid one that started last (ties: the larger id)
  const applies = new Map<string, Agreement>();
  for (const agreement of agreements) {
    if (!validNow(agreement)) continue;
    const current = applies.get(agreement.supplierId);
    if (
      !current ||
      agreement.validFrom.getTime() > current.validFrom.getTime() ||
      (agreement.validFrom.getTime() === current.validFrom.getTime() &&
        agreement.agreementId > current.agreementId)
    ) {
      applies.set(agreement.supplierId, agreement);
    }
  }
  const qualificationCache = new Map<string, ExclusionReason[]>();
  const offers: EligibleOffer[] = [];
  const excluded: Exclusion[] = [];
  for (const agreement of agreements) {
    const reasons: ExclusionReason[] = [];
    const supplier = suppliers.get(agreement.supplierId);
    if (!supplier) {
      reasons.push(
        exclusionReason('SUPPLIER_UNKNOWN', `No supplier ${agreement.supplierId}`, {
          supplierId: agreement.supplierId,
        }),
      );
    } else {
      let qualification = qualificationCache.get(supplier.supplierId);
      if (!qualification) {
        qualification =
          context.qualify?.(supplier) ??
          qualifyParsed(supplier, context.requiredDocuments, context.at, context.needBy).reasons;
        qualificationCache.set(supplier.supplierId, qualification);
      }
      reasons.push(...qualification);
    }
    if (agreement.validFrom.getTime() > time) {
      reasons.push(
        exclusionReason(
          'AGREEMENT_NOT_YET_VALID',
          `${agreement.agreementId} starts ${agreement.validFrom.toISOString()}`,
          {
            agreementId: agreement.agreementId,
            validFrom: agreement.validFrom.toISOString(),
          },
        ),
      );
    } else if (agreement.validTo !== null && agreement.validTo.getTime() <= time) {
      reasons.push(
        exclusionReason(
          'AGREEMENT_EXPIRED',
          `${agreement.agreementId} ended ${agreement.validTo.toISOString()}`,
          {
            agreementId: agreement.agreementId,
            validTo: agreement.validTo.toISOString(),
          },
        ),
      );
    } else if (applies.get(agreement.supplierId) !== agreement) {
      const newer = applies.get(agreement.supplierId)!;
      reasons.push(
        exclusionReason(
          'AGREEMENT_SUPERSEDED',
          `${newer.agreementId} of ${agreement.supplierId} applies instead`,
          {
            agreementId: agreement.agreementId,
            appliesInstead: newer.agreementId,
          },
        ),
      );
    }
    if (agreement.currency !== context.currency) {
      reasons.push(
        exclusionReason(
          'CURRENCY_MISMATCH',
          `${agreement.agreementId} is in ${agreement.currency}, the round in ${context.currency}`,
          {
            agreement: agreement.currency,
            round: context.currency,
          },
        ),
      );
    }
    if (agreement.regions !== null) {
      const served = new Set(agreement.regions);
      const missing = context.regions.filter((region) => !served.has(region));
      if (missing.length > 0) {
        reasons.push(
          exclusionReason(
            'REGION_NOT_SERVED',
            `${agreement.agreementId} does not serve ${missing.join(', ')}`,
            {
              agreementId: agreement.agreementId,
              missing,
            },
          ),
        );
      }
    }
    if (context.needBy !== null && time + agreement.leadTimeDays * DAY_MS > context.needBy.getTime()) {
      reasons.push(
        exclusionReason(
          'LEAD_TIME_TOO_LONG',
          `${agreement.agreementId} needs ${agreement.leadTimeDays} days, delivery is due ${context.needBy.toISOString()}`,
          {
            agreementId: agreement.agreementId,
            leadTimeDays: agreement.leadTimeDays,
            needBy: context.needBy.toISOString(),
          },
        ),
      );
    }
    // the MOQ rounded up to a whole pack (core applyMoqAndPack(moq, { packSize }), in integers)
    const min = Math.ceil(agreement.moq / agreement.packSize) * agreement.packSize;
    let max = Math.floor(1_000_000_000 / agreement.packSize) * agreement.packSize;
    let capacity: EligibleOffer['capacity'] = null;
    if (agreement.capacity !== null) {
      const used = context.capacityUsed.get(agreement.agreementId) ?? 0;
      const left = Math.max(0, agreement.capacity.quantity - used);
      max = Math.min(max, Math.floor(left / agreement.packSize) * agreement.packSize);
      capacity = {
        periodStart:
          context.capacityPeriodStart?.(agreement.capacity.period) ??
          periodStart(context.at, agreement.capacity.period, context.zone),
        limit: agreement.capacity.quantity,
        period: agreement.capacity.period,
      };
      if (max < min) {
        reasons.push(
          exclusionReason(
            'CAPACITY_EXHAUSTED',
            `${agreement.agreementId} has ${left} of ${agreement.capacity.quantity} left this ${agreement.capacity.period}, below its smallest order of ${min}`,
            {
              agreementId: agreement.agreementId,
              left,
              limit: agreement.capacity.quantity,
              smallestOrder: min,
            },
          ),
        );
      }
    }
    if (reasons.length > 0 || !supplier) {
      excluded.push({ supplierId: agreement.supplierId, agreementId: agreement.agreementId, reasons });
    } else {
      offers.push({ agreement, supplier, min, max, capacity });
    }
  }
  offers.sort(compareOffers);
  excluded.sort((a, b) => compare(a.supplierId, b.supplierId) || compare(a.agreementId, b.agreementId));
  return { offers, excluded };
}

function compareOffers(a: EligibleOffer, b: EligibleOffer): number {
  const sa = a.supplier.rating?.score ?? -1;
  const sb = b.supplier.rating?.score ?? -1;
  if (sa !== sb) return sb - sa;
  return (
    compare(a.supplier.supplierId, b.supplier.supplierId) ||
    compare(a.agreement.agreementId, b.agreement.agreementId)
  );
}
