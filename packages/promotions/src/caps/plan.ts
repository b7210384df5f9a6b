import { DomainError } from '@s2b2b/core';
import type { DiscountReversal } from '../allocation/reverse-discounts.js';
import type { UsageSnapshotInput } from '../cart/schemas.js';
import { campaignSpendLimit, type PromotionSet } from '../evaluate/compile.js';
import { fromMinorUnits, minorDigitsOf, toMinorUnits } from '../minor-units.js';
import type { CapClaim, CapDefinition, CapUsage, ClaimEntry } from '../store.js';
import { compareCapKeys } from './rules.js';

/**
 * The cap ids of a promotion: `<promotionId>#<kind>`.
 *
 * @example
 * promotionCapIds('flash-rice').stock // 'flash-rice#stock'
 */
export function promotionCapIds(promotionId: string) {
  return {
    /** Redemptions in all (`limits.redemptions`). */
    redemptions: `${promotionId}#redemptions`,
    /** Redemptions per customer (`limits.perCustomer`). */
    perCustomer: `${promotionId}#per-customer`,
    /** Discount given, in minor units (`limits.budget`). */
    budget: `${promotionId}#budget`,
    /** Flash-sale units in all (`stock`). */
    stock: `${promotionId}#stock`,
    /** Flash-sale units per customer (`perCustomerLimit`). */
    customerUnits: `${promotionId}#customer-units`,
    /** Redemptions per single-use code (limit 1). */
    codes: `${promotionId}#codes`,
  };
}

/**
 * The cap ids of a campaign: `campaign:<campaignId>#spend` and `…#redemptions`.
 *
 * @example
 * campaignCapIds('spring').spend // 'campaign:spring#spend'
 */
export function campaignCapIds(campaignId: string) {
  return { spend: `campaign:${campaignId}#spend`, redemptions: `campaign:${campaignId}#redemptions` };
}

/**
 * Every cap the promotions and campaigns of a set define, in a currency (budgets in its minor
 * units): redemptions, per-customer redemptions, budget, flash stock and per-customer flash
 * units, single-use codes (one per code), campaign spend and campaign redemptions.
 *
 * @example
 * capsForPromotions(compilePromotions([{ id: 'f', type: 'flash-sale', price: '99', stock: 500, startsAt, endsAt }]), 'CNY')
 * // [{ id: 'f#stock', limit: 500, perSubject: false, unit: 'units', promotionId: 'f', campaignId: null }]
 */
export function capsForPromotions(set: PromotionSet, currency: string): CapDefinition[] {
  const digits = minorDigitsOf(currency);
  const caps: CapDefinition[] = [];
  const add = (
    id: string,
    limit: number,
    perSubject: boolean,
    unit: CapDefinition['unit'],
    promotionId: string | null,
    campaignId: string | null,
  ) => caps.push({ id, limit, perSubject, unit, promotionId, campaignId });
  for (const [index, p] of set.promotions.entries()) {
    const ids = promotionCapIds(p.id);
    const campaignId = p.campaignId ?? null;
    if (p.limits.redemptions !== undefined)
      add(ids.redemptions, p.limits.redemptions, false, 'redemptions', p.id, campaignId);
    if (p.limits.perCustomer !== undefined)
      add(ids.perCustomer, p.limits.perCustomer, true, 'redemptions', p.id, campaignId);
    if (p.limits.budget !== undefined) {
      const budget = toMinorUnits(p.limits.budget, digits, ['promotions', index, 'limits', 'budget']);
      add(ids.budget, safe(budget, ids.budget), false, 'minor-units', p.id, campaignId);
    }
    if (p.type === 'flash-sale') {
      if (p.stock !== undefined) add(ids.stock, p.stock, false, 'units', p.id, campaignId);
      if (p.perCustomerLimit !== undefined)
        add(ids.customerUnits, p.perCustomerLimit, true, 'units', p.id, campaignId);
    }
    if (p.coupon?.singleUse) add(ids.codes, 1, true, 'redemptions', p.id, campaignId);
  }
  for (const campaign of set.campaigns.values()) {
    const ids = campaignCapIds(campaign.id);
    const spend = campaignSpendLimit(campaign, currency);
    if (spend !== null) add(ids.spend, safe(spend, ids.spend), false, 'minor-units', null, campaign.id);
    if (campaign.budget?.redemptions !== undefined)
      add(ids.redemptions, campaign.budget.redemptions, false, 'redemptions', null, campaign.id);
  }
  return caps;
}

/**
 * An applied promotion as a claim needs it: an `AppliedPromotion` of `evaluateCart`, or its JSON.
 *
 * @example
 * const a: ClaimableApplication = { promotionId: 'flash-rice', total: '60.00', units: 2, code: null };
 */
export interface ClaimableApplication {
  promotionId: string;
  /** The promotion's discount (lines and shipping) as a decimal string. */
  total: string;
  units: number;
  code: string | null;
}

/**
 * What a checkout claims for an evaluation's applied promotions: for every applied promotion,
 * one redemption (in all and for the customer), its discount against its budget, its flash-sale
 * units (in all and for the customer), its single-use code; per campaign, the discount of its
 * promotions and one redemption. Only for caps the promotions define (see
 * {@link capsForPromotions}). Entries of one cap and subject are merged; sorted by `compareCapKeys`.
 *
 * @throws DomainError `CUSTOMER_REQUIRED` when a per-customer cap applies and no customer is given
 * @example
 * const entries = claimEntriesFor(evaluation.applied.map(claimable), set, 'c-42', 'CNY');
 */
export function claimEntriesFor(
  applied: readonly ClaimableApplication[],
  set: PromotionSet,
  customerId: string | null,
  currency: string,
): ClaimEntry[] {
  const digits = minorDigitsOf(currency);
  const byId = new Map(set.promotions.map((p) => [p.id, p]));
  const merged = new Map<string, ClaimEntry>();
  const add = (capId: string, subject: string, amount: number) => {
    if (amount <= 0) return;
    const key = `${capId}\u0000${subject}`;
    const entry = merged.get(key);
    if (entry) entry.amount += amount;
    else merged.set(key, { capId, subject, amount });
  };
  const customer = (promotionId: string) => {
    if (customerId === null) {
      throw new DomainError(
        'CUSTOMER_REQUIRED',
        `Promotion ${JSON.stringify(promotionId)} has a per-customer cap: name the customer`,
        {
          promotionId,
        },
      );
    }
    return customerId;
  };
  const campaigns = new Set<string>();
  for (const [index, application] of applied.entries()) {
    const p = byId.get(application.promotionId);
    if (!p) continue;
    const ids = promotionCapIds(p.id);
    const total = safe(toMinorUnits(application.total, digits, ['applied', index, 'total']), ids.budget);
    if (p.limits.redemptions !== undefined) add(ids.redemptions, '', 1);
    if (p.limits.perCustomer !== undefined) add(ids.perCustomer, customer(p.id), 1);
    if (p.limits.budget !== undefined) add(ids.budget, '', total);
    if (p.type === 'flash-sale') {
      if (p.stock !== undefined) add(ids.stock, '', application.units);
      if (p.perCustomerLimit !== undefined) add(ids.customerUnits, customer(p.id), application.units);
    }
    if (p.coupon?.singleUse && application.code !== null) add(ids.codes, application.code, 1);
    const campaign = p.campaignId === undefined ? undefined : set.campaigns.get(p.campaignId);
    if (campaign) {
      const cids = campaignCapIds(campaign.id);
      if (campaign.budget?.spend !== undefined) add(cids.spend, '', total);
      if (campaign.budget?.redemptions !== undefined && !campaigns.has(campaign.id))
        add(cids.redemptions, '', 1);
      campaigns.add(campaign.id);
    }
  }
  return [...merged.values()].sort(compareCapKeys);
}

/**
 * What a partial refund gives back to the caps: the discount it reverses (per promotion, from
 * `reverseDiscounts`) to the promotion's and its campaign's budgets, and the refunded units of
 * flash-sale lines to the flash stock and the customer's flash units — never more than the claim
 * still holds. Redemptions and single-use codes come back only when the whole claim is released
 * (a cancellation).
 *
 * @example
 * const entries = refundReleaseEntries(claim, reverseDiscounts({ lines, refund }), set);
 * await service.release({ idempotencyKey: 'refund-7', claimId: claim.id, entries });
 */
export function refundReleaseEntries(
  claim: CapClaim,
  reversal: DiscountReversal,
  set: PromotionSet,
): ClaimEntry[] {
  const byId = new Map(set.promotions.map((p) => [p.id, p]));
  const held = new Map(claim.entries.map((e) => [`${e.capId}\u0000${e.subject}`, e.amount - e.released]));
  const wanted = new Map<string, ClaimEntry>();
  const add = (capId: string, subject: string, amount: number) => {
    const key = `${capId}\u0000${subject}`;
    const left = held.get(key);
    if (left === undefined || amount <= 0) return;
    const entry = wanted.get(key) ?? { capId, subject, amount: 0 };
    entry.amount = Math.min(left, entry.amount + amount);
    if (entry.amount > 0) wanted.set(key, entry);
  };
  for (const given of reversal.byPromotion) {
    const p = byId.get(given.promotionId);
    if (!p) continue;
    const amount = Number(given.amount.toMinorUnits());
    add(promotionCapIds(p.id).budget, '', amount);
    if (p.campaignId !== undefined) add(campaignCapIds(p.campaignId).spend, '', amount);
  }
  for (const line of reversal.lines) {
    for (const adjustment of line.adjustments) {
      const p = byId.get(adjustment.promotionId);
      if (p?.type !== 'flash-sale') continue;
      const ids = promotionCapIds(p.id);
      add(ids.stock, '', line.quantity);
      if (claim.customerId !== null) add(ids.customerUnits, claim.customerId, line.quantity);
    }
  }
  return [...wanted.values()].sort(compareCapKeys);
}

/**
 * The `usage` input of `evaluateCart` from counters read from the store (for the promotions of
 * a set, one customer, the codes entered), so a cart shows a sold-out flash sale or a spent
 * code before checkout.
 *
 * @example
 * const usage = usageFromCounters(set, 'CNY', counters, 'c-42');
 */
export function usageFromCounters(
  set: PromotionSet,
  currency: string,
  counters: readonly CapUsage[],
  customerId: string | null,
): UsageSnapshotInput {
  const used = (capId: string, subject = '') =>
    counters.find((c) => c.capId === capId && c.subject === subject)?.used ?? 0;
  const promotions: NonNullable<UsageSnapshotInput['promotions']> = {};
  const codes: Record<string, number> = {};
  const money = (minor: number) => fromMinorUnits(BigInt(minor), currency).toDecimalString();
  for (const p of set.promotions) {
    const ids = promotionCapIds(p.id);
    promotions[p.id] = {
      redemptions: used(ids.redemptions),
      customerRedemptions: customerId === null ? 0 : used(ids.perCustomer, customerId),
      units: used(ids.stock),
      customerUnits: customerId === null ? 0 : used(ids.customerUnits, customerId),
      discount: money(used(ids.budget)),
    };
    for (const counter of counters) {
      if (counter.capId === ids.codes && counter.used > 0) codes[counter.subject] = counter.used;
    }
  }
  const campaigns: NonNullable<UsageSnapshotInput['campaigns']> = {};
  for (const campaign of set.campaigns.values()) {
    const ids = campaignCapIds(campaign.id);
    campaigns[campaign.id] = { redemptions: used(ids.redemptions), discount: money(used(ids.spend)) };
  }
  return { promotions, codes, campaigns };
}

function safe(value: bigint, capId: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new DomainError('CAP_TOO_LARGE', `Cap ${JSON.stringify(capId)} would pass 2^53 - 1 minor units`, {
      capId,
    });
  }
  return Number(value);
}
