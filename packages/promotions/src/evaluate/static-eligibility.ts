import { tzOffset } from '@date-fns/tz';
import { WEEKDAYS } from '@s2b2b/core';
import type { CompiledPromotion } from './compile.js';
import type { EvalContext } from './context.js';
import { type Reason, reason } from './reasons.js';
import { flashUnitsLeft } from './templates/flash-sale.js';

/**
 * Whether a promotion may apply to this cart at all, before any stacking — the first failing
 * check, in this order: currency; validity window (and a flash sale's window); daily window;
 * channel; segments, first order and per-customer limits (which need a customer); coupon code
 * entered and not spent; redemptions, the customer's redemptions, the budget and the campaign's
 * budget left; flash-sale stock and the customer's flash limit left; eligible lines. `null`
 * when it may apply.
 *
 * @example
 * staticReason(promotion, ctx) // { code: 'CODE_REQUIRED', details: {} } or null
 */
export function staticReason(promotion: CompiledPromotion, ctx: EvalContext): Reason | null {
  const p = promotion.definition;
  const e = p.eligibility;
  if (p.currency !== undefined && p.currency !== ctx.currency) {
    return reason('CURRENCY_MISMATCH', { promotion: p.currency, cart: ctx.currency });
  }
  const startsAt = latest(e.startsAt, p.type === 'flash-sale' ? p.startsAt : undefined);
  const endsAt = earliest(e.endsAt, p.type === 'flash-sale' ? p.endsAt : undefined);
  if (startsAt && ctx.now < startsAt) return reason('NOT_STARTED', { startsAt: startsAt.toISOString() });
  if (endsAt && ctx.now >= endsAt) return reason('ENDED', { endsAt: endsAt.toISOString() });
  if (e.daily && !inDailyWindow(e.daily, ctx.now)) {
    return reason('OUTSIDE_HOURS', { from: e.daily.from, to: e.daily.to, zone: e.daily.zone });
  }
  if (promotion.channels && (ctx.channel === null || !promotion.channels.has(ctx.channel))) {
    return reason('CHANNEL_NOT_ELIGIBLE', { channel: ctx.channel });
  }
  const customer = ctx.customer;
  const needsCustomer =
    promotion.segments !== null ||
    e.newCustomersOnly === true ||
    p.limits.perCustomer !== undefined ||
    (p.type === 'flash-sale' && p.perCustomerLimit !== undefined);
  if (needsCustomer && customer === null) return reason('CUSTOMER_REQUIRED');
  if (promotion.segments && !customer!.segments.some((s) => promotion.segments!.has(s))) {
    return reason('SEGMENT_NOT_ELIGIBLE', { segments: [...promotion.segments] });
  }
  if (e.newCustomersOnly && !customer!.newCustomer) return reason('NEW_CUSTOMERS_ONLY');
  if (promotion.codes) {
    const code = ctx.codes[promotion.index];
    if (code === null || code === undefined) {
      const entered = enteredCodes(promotion, ctx);
      return entered.length > 0
        ? reason('CODE_ALREADY_USED', { code: entered[0]! })
        : reason('CODE_REQUIRED');
    }
  }
  const usage = ctx.usage.promotions[promotion.id];
  if (p.limits.redemptions !== undefined && (usage?.redemptions ?? 0) >= p.limits.redemptions) {
    return reason('REDEMPTION_LIMIT_REACHED', { limit: p.limits.redemptions });
  }
  if (p.limits.perCustomer !== undefined && (usage?.customerRedemptions ?? 0) >= p.limits.perCustomer) {
    return reason('CUSTOMER_LIMIT_REACHED', { limit: p.limits.perCustomer });
  }
  if (promotion.budget !== null && ctx.usageDiscount(promotion.id) >= promotion.budget) {
    return reason('BUDGET_EXHAUSTED', { budget: ctx.amount(promotion.budget) });
  }
  const campaign = p.campaignId === undefined ? undefined : ctx.campaigns.get(p.campaignId);
  if (
    campaign &&
    ((campaign.spendLimit !== null && campaign.spent >= campaign.spendLimit) ||
      (campaign.redemptionLimit !== null && campaign.redeemed >= campaign.redemptionLimit))
  ) {
    return reason('CAMPAIGN_BUDGET_EXHAUSTED', { campaignId: p.campaignId! });
  }
  if (p.type === 'flash-sale' && flashUnitsLeft(promotion, ctx) === 0) {
    const soldOut = p.stock !== undefined && (usage?.units ?? 0) >= p.stock;
    return soldOut
      ? reason('SOLD_OUT', { stock: p.stock! })
      : reason('CUSTOMER_LIMIT_REACHED', { limit: p.perCustomerLimit! });
  }
  if (ctx.eligible[promotion.index]!.length === 0) return reason('NO_ELIGIBLE_LINES');
  return null;
}

/**
 * The cart's codes (normalised) that belong to a promotion, in the order entered.
 *
 * @example
 * enteredCodes(promotion, ctx) // ['NEW20']
 */
export function enteredCodes(promotion: CompiledPromotion, ctx: Pick<EvalContext, 'couponCodes'>): string[] {
  const codes = promotion.codes;
  return codes === null ? [] : ctx.couponCodes.filter((code) => codes.has(code));
}

/**
 * The code that activates a coupon promotion: the first code entered for it that is not a
 * spent single-use code, or `null`.
 *
 * @example
 * activatingCode(promotion, ctx) // 'NEW20'
 */
export function activatingCode(
  promotion: CompiledPromotion,
  ctx: Pick<EvalContext, 'couponCodes' | 'usage'>,
): string | null {
  const singleUse = promotion.definition.coupon?.singleUse === true;
  for (const code of enteredCodes(promotion, ctx)) {
    if (!singleUse || (ctx.usage.codes[code] ?? 0) < 1) return code;
  }
  return null;
}

/**
 * Whether an instant falls in a daily window (wall clock of its zone; a window whose `to` is
 * before `from` runs past midnight and belongs to the weekday it started on).
 *
 * @example
 * inDailyWindow({ from: '10:00', to: '12:00', zone: 'Asia/Shanghai' }, new Date('2026-03-08T02:30:00Z')) // true
 */
export function inDailyWindow(
  window: { from: string; to: string; weekdays?: readonly string[] | undefined; zone: string },
  at: Date,
): boolean {
  const local = at.getTime() + tzOffset(window.zone, at) * 60_000;
  const day = Math.floor(local / 86_400_000);
  const minute = Math.floor((local - day * 86_400_000) / 60_000);
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  let startDay = day;
  if (from < to) {
    if (minute < from || minute >= to) return false;
  } else if (minute >= from) {
    startDay = day;
  } else if (minute < to) {
    startDay = day - 1;
  } else {
    return false;
  }
  if (!window.weekdays) return true;
  const weekday = WEEKDAYS[(((startDay + 3) % 7) + 7) % 7]!;
  return window.weekdays.includes(weekday);
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

function latest(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

function earliest(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}
