import type { JsonValue } from '@s2b2b/core';

/**
 * Why a supplier (or one of its agreements) cannot win an award, with what each code means.
 * A qualification check or an award lists every reason that applies, not only the first.
 *
 * @example
 * EXCLUSION_CODES.DOCUMENT_EXPIRED // 'A required document has expired …'
 */
export const EXCLUSION_CODES = Object.freeze({
  SUPPLIER_UNKNOWN: 'The agreement names a supplier the award was not given.',
  DOCUMENT_MISSING: 'The supplier holds no document of a required kind.',
  DOCUMENT_NOT_YET_VALID: 'The required document only becomes valid later.',
  DOCUMENT_EXPIRED: 'A required document has expired at the time of the award.',
  DOCUMENT_EXPIRES_BEFORE_DELIVERY: 'A required document expires before the delivery date.',
  STANDING_BLOCKS_AWARDS: "The supplier's latest scorecard standing is the lowest, which blocks awards.",
  AGREEMENT_NOT_YET_VALID: 'The agreement starts after the time of the award.',
  AGREEMENT_EXPIRED: 'The agreement ended before the time of the award.',
  AGREEMENT_SUPERSEDED: 'Another agreement of the same supplier for the SKU started later and applies.',
  CURRENCY_MISMATCH: "The agreement's currency is not the round's.",
  REGION_NOT_SERVED: 'The agreement does not serve every delivery region of the round.',
  LEAD_TIME_TOO_LONG: 'Ordered at the award, the agreement cannot deliver by the delivery date.',
  CAPACITY_EXHAUSTED: "The capacity left in the period is below the agreement's smallest orderable quantity.",
} as const);

/**
 * One of {@link EXCLUSION_CODES}.
 *
 * @example
 * const code: ExclusionCode = 'REGION_NOT_SERVED';
 */
export type ExclusionCode = keyof typeof EXCLUSION_CODES;

/**
 * One reason, with a sentence for people and the facts behind it.
 *
 * @example
 * const reason: ExclusionReason = { code: 'DOCUMENT_MISSING', message: 'No food-production-licence', details: { kind: 'food-production-licence' } };
 */
export interface ExclusionReason {
  code: ExclusionCode;
  message: string;
  details: Record<string, JsonValue>;
}

/**
 * An {@link ExclusionReason}.
 *
 * @example
 * exclusionReason('CURRENCY_MISMATCH', 'The agreement is in USD, the round in CNY', { agreement: 'USD', round: 'CNY' })
 */
export function exclusionReason(
  code: ExclusionCode,
  message: string,
  details: Record<string, JsonValue> = {},
): ExclusionReason {
  return { code, message, details };
}
