import type { JsonValue } from '@s2b2b/core';

/**
 * Why each promotion did or did not apply, by code. `APPLIED` is the only code of an applied
 * promotion; every other promotion gets exactly one of the rest. The codes are stable.
 *
 * @example
 * REASON_CODES.THRESHOLD_NOT_MET // 'The eligible subtotal did not reach the lowest tier.'
 */
export const REASON_CODES = Object.freeze({
  APPLIED: 'The promotion applied.',
  CURRENCY_MISMATCH: 'The promotion is for another currency.',
  NOT_STARTED: 'The promotion has not started yet.',
  ENDED: 'The promotion has ended.',
  OUTSIDE_HOURS: 'Outside the daily window (or on another weekday).',
  CHANNEL_NOT_ELIGIBLE: 'The cart is not bought through one of the promotion’s channels.',
  SEGMENT_NOT_ELIGIBLE: 'The customer is in none of the promotion’s segments.',
  NEW_CUSTOMERS_ONLY: 'Only for a first order.',
  CUSTOMER_REQUIRED: 'The promotion needs a known customer (segments, first order, per-customer limits).',
  CODE_REQUIRED: 'A coupon promotion and none of its codes is in the cart.',
  CODE_ALREADY_USED: 'The single-use code entered was already redeemed.',
  REDEMPTION_LIMIT_REACHED: 'The promotion’s redemptions are used up.',
  CUSTOMER_LIMIT_REACHED:
    'The customer has used the promotion as often as allowed (or bought the flash-sale limit).',
  SOLD_OUT: 'The flash sale’s stock is sold.',
  BUDGET_EXHAUSTED: 'The promotion’s budget is spent.',
  CAMPAIGN_BUDGET_EXHAUSTED: 'The campaign’s budget (spend or redemptions) is used up.',
  NO_ELIGIBLE_LINES: 'No line of the cart matches the promotion’s filter.',
  MINIMUM_NOT_MET: 'The eligible subtotal or quantity is below the promotion’s minimum.',
  THRESHOLD_NOT_MET: 'The eligible subtotal did not reach the lowest tier.',
  NOT_ENOUGH_UNITS: 'Not enough eligible units for one buy-get or bundle.',
  NO_DISCOUNT: 'The promotion would take nothing off (prices already at or below it).',
  NO_SHIPPING_FEE: 'There is no shipping fee left to waive.',
  BUDGET_EXCEEDED: 'The discount would pass what is left of the promotion’s budget.',
  CAMPAIGN_BUDGET_EXCEEDED: 'The discount would pass what is left of the campaign’s budget.',
  EXCLUSIVE_GROUP_TAKEN: 'Another promotion of the same exclusive group applied.',
  NOT_COMBINABLE: 'A promotion that cannot be combined with others lost to (or was blocked by) the rest.',
  NOT_IN_BEST_COMBINATION: 'The best combination for the buyer does not include it.',
} as const);

/**
 * One of {@link REASON_CODES}.
 *
 * @example
 * const code: ReasonCode = 'SOLD_OUT';
 */
export type ReasonCode = keyof typeof REASON_CODES;

/**
 * A reason with its facts (amounts as decimal strings).
 *
 * @example
 * const reason: Reason = { code: 'THRESHOLD_NOT_MET', details: { spend: '199.00', basis: '150.00' } };
 */
export interface Reason {
  code: ReasonCode;
  details: Record<string, JsonValue>;
}

/**
 * A reason.
 *
 * @example
 * reason('SOLD_OUT', { stock: 500 })
 */
export function reason(code: ReasonCode, details: Record<string, JsonValue> = {}): Reason {
  return { code, details };
}

/**
 * The sentence a person reads for a reason, with its facts.
 *
 * @example
 * reasonMessage({ code: 'THRESHOLD_NOT_MET', details: { spend: '199.00', basis: '150.00' } }) // 'Spend 199.00 on eligible items to qualify (150.00 so far)'
 */
export function reasonMessage(r: Reason): string {
  const d = r.details;
  switch (r.code) {
    case 'APPLIED':
      return `Applied: ${String(d.discount)} off`;
    case 'THRESHOLD_NOT_MET':
      return `Spend ${String(d.spend)} on eligible items to qualify (${String(d.basis)} so far)`;
    case 'MINIMUM_NOT_MET':
      return d.minSubtotal !== undefined
        ? `Needs ${String(d.minSubtotal)} of eligible items (${String(d.basis)} so far)`
        : `Needs ${String(d.minQuantity)} eligible units (${String(d.quantity)} in the cart)`;
    case 'NOT_ENOUGH_UNITS':
      return `Needs ${String(d.needed)} eligible units for one application (${String(d.available)} available)`;
    case 'EXCLUSIVE_GROUP_TAKEN':
      return `${String(d.by)} applied from exclusive group ${String(d.group)}`;
    case 'NOT_COMBINABLE':
      return `Cannot be combined with ${String(d.with)}`;
    case 'BUDGET_EXCEEDED':
    case 'CAMPAIGN_BUDGET_EXCEEDED':
      return `${REASON_CODES[r.code]} (${String(d.discount)} needed, ${String(d.remaining)} left)`;
    case 'NOT_STARTED':
      return `Starts at ${String(d.startsAt)}`;
    case 'ENDED':
      return `Ended at ${String(d.endsAt)}`;
    default:
      return REASON_CODES[r.code];
  }
}
