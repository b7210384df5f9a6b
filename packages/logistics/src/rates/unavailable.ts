/**
 * Why a carrier could not quote a shipment, with what each code means. Stable: hosts can switch
 * on them. `quote` and `chooseCarrier` report these in `unavailable` instead of throwing.
 *
 * @example
 * QUOTE_UNAVAILABLE_REASONS.NO_LANE // 'No zone of the rate card serves the origin → destination lane.'
 */
export const QUOTE_UNAVAILABLE_REASONS = Object.freeze({
  NO_LANE: 'No zone of the rate card serves the origin → destination lane.',
  OVERWEIGHT: 'The chargeable weight is above what the card (maxWeightKg) or its weight table takes.',
  DISTANCE_REQUIRED: 'Every vehicle of the tariff is priced per km and the shipment has no distanceKm.',
  CURRENCY_MISMATCH: "The rate card is in another currency than the shipment's.",
  DECLARED_VALUE_TOO_HIGH: "The declared value is above the carrier's insurance maximum.",
} as const);

/**
 * One of {@link QUOTE_UNAVAILABLE_REASONS}.
 *
 * @example
 * const reason: UnavailableReason = 'OVERWEIGHT';
 */
export type UnavailableReason = keyof typeof QUOTE_UNAVAILABLE_REASONS;

/**
 * A carrier that could not quote, and why.
 *
 * @example
 * const u: UnavailableCarrier = { carrierId: 'JD', reason: 'NO_LANE', message: 'JD has no zone for 上海 → 西藏' };
 */
export interface UnavailableCarrier {
  carrierId: string;
  reason: UnavailableReason;
  /** The reason for a person, with the numbers. */
  message: string;
}
