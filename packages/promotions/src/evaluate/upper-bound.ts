import { minBig, roundDiv } from '../minor-units.js';
import type { CompiledPromotion } from './compile.js';
import type { EvalContext } from './context.js';
import { runStack, type StackRun } from './stack.js';
import { componentLines } from './templates/bundle.js';
import { getLinesOf } from './templates/buy-get.js';
import { flashUnitsLeft } from './templates/flash-sale.js';
import { compareRuns, freeUnitRuns, type UnitRun, valueOfFirstUnits } from './units.js';

/**
 * An upper bound on what a promotion can take off this cart in any stack — what branch and
 * bound prunes with. Every template's discount only falls when the amounts it sees fall (and
 * stacking only lowers amounts), so for most templates the bound is its discount alone on the
 * list prices (`standalone`, its run on its own). A budget breaks that: a discount refused alone
 * for exceeding the promotion's or its campaign's budget left may fit it once earlier promotions
 * lowered the amounts, so then the bound is the budget left. A buy-get or bundle may pick other
 * units once earlier promotions used some, so theirs are looser: the most applications the unit
 * counts allow, valued at the most valuable list-price units (a buy-get adds one minor unit per
 * line for rounding).
 *
 * @example
 * upperBound(promotion, ctx) // minor units
 */
export function upperBound(promotion: CompiledPromotion, ctx: EvalContext, standalone?: StackRun): bigint {
  const params = promotion.params;
  const lines = ctx.eligible[promotion.index]!;
  if (params.type === 'buy-get') {
    const getLines = getLinesOf(promotion, ctx, lines);
    const union = [...new Set([...lines, ...getLines])];
    const units = (set: readonly number[]) => set.reduce((s, line) => s + ctx.lines[line]!.quantity, 0);
    let applications = Math.min(
      Math.floor(units(lines) / params.buy),
      Math.floor(units(getLines) / params.get),
      Math.floor(units(union) / (params.buy + params.get)),
    );
    if (params.maxApplications !== null) applications = Math.min(applications, params.maxApplications);
    const top = topUnitValues(ctx, getLines, applications * params.get);
    const rated =
      roundDiv(top * params.rate.numerator, params.rate.denominator, 'ceil') + BigInt(getLines.length);
    return minBig(
      rated,
      getLines.reduce((s, line) => s + ctx.lines[line]!.subtotal, 0n),
    );
  }
  if (params.type === 'bundle') {
    const perComponent = componentLines(promotion, ctx, lines);
    const union = [...new Set(perComponent.flat())];
    const size = params.components.reduce((s, c) => s + c.quantity, 0);
    const units = (set: readonly number[]) => set.reduce((s, line) => s + ctx.lines[line]!.quantity, 0);
    let applications = Math.floor(units(union) / size);
    params.components.forEach((component, i) => {
      applications = Math.min(applications, Math.floor(units(perComponent[i]!) / component.quantity));
    });
    if (params.maxApplications !== null) applications = Math.min(applications, params.maxApplications);
    const prefix = topUnitPrefix(ctx, union, applications * size, size);
    let best = 0n;
    prefix.forEach((value, k) => {
      const saving = value - BigInt(k) * params.price;
      if (saving > best) best = saving;
    });
    return best;
  }
  const alone = standalone ?? runStack(ctx, [promotion], { exclusiveGroups: false });
  const code = alone.entries[0]?.reason.code;
  if (code === 'BUDGET_EXCEEDED' || code === 'CAMPAIGN_BUDGET_EXCEEDED') return budgetLeft(promotion, ctx);
  return alone.value;
}

/** The least of the promotion's budget left and its campaign's spend left (≥ 0). */
function budgetLeft(promotion: CompiledPromotion, ctx: EvalContext): bigint {
  let left: bigint | null = null;
  if (promotion.budget !== null) left = promotion.budget - ctx.usageDiscount(promotion.id);
  const campaignId = promotion.definition.campaignId;
  const campaign = campaignId === undefined ? undefined : ctx.campaigns.get(campaignId);
  if (campaign && campaign.spendLimit !== null) {
    const room = campaign.spendLimit - campaign.spent;
    left = left === null ? room : minBig(left, room);
  }
  return left === null || left < 0n ? 0n : left;
}

/** Σ of the `count` most valuable list-price units of some lines. */
function topUnitValues(ctx: EvalContext, lines: readonly number[], count: number): bigint {
  const runs: UnitRun[] = [];
  for (const line of lines)
    runs.push(...freeUnitRuns(line, ctx.lines[line]!.subtotal, ctx.lines[line]!.quantity, 0));
  runs.sort(compareRuns);
  let left = count;
  let total = 0n;
  for (const run of runs) {
    if (left <= 0) break;
    const n = Math.min(left, run.count);
    total += run.value * BigInt(n);
    left -= n;
  }
  return total;
}

/** Σ of the most valuable list-price units, after 0, step, 2·step, … up to `count` units. */
function topUnitPrefix(ctx: EvalContext, lines: readonly number[], count: number, step: number): bigint[] {
  const runs: UnitRun[] = [];
  for (const line of lines)
    runs.push(...freeUnitRuns(line, ctx.lines[line]!.subtotal, ctx.lines[line]!.quantity, 0));
  runs.sort(compareRuns);
  const prefix: bigint[] = [0n];
  let taken = 0;
  let total = 0n;
  for (const run of runs) {
    let left = run.count;
    while (left > 0 && taken < count) {
      const nextMark = (Math.floor(taken / step) + 1) * step;
      const n = Math.min(left, nextMark - taken, count - taken);
      total += run.value * BigInt(n);
      taken += n;
      left -= n;
      if (taken % step === 0) prefix.push(total);
    }
    if (taken >= count) break;
  }
  return prefix;
}

/**
 * For a template that discounts each eligible line on its own — a rate or an amount off items,
 * a fixed price, a flash sale — the most it can take off each line in any stack: what it would
 * take off the line's list amount, before any `maxDiscount` (a cap spread over fewer lines can
 * give one line more than its capped share alone). `null` for the templates that spread a
 * discount across lines or use up units (满减, order-wide rates and amounts, buy-get, bundles,
 * shipping), which branch and bound bounds by `upperBound` alone.
 *
 * @example
 * lineUpperBounds(percentOffItems, ctx) // [[0, 2720n], [3, 1200n]]
 */
export function lineUpperBounds(promotion: CompiledPromotion, ctx: EvalContext): [number, bigint][] | null {
  const params = promotion.params;
  const lines = ctx.eligible[promotion.index]!;
  const of = (fn: (subtotal: bigint, quantity: number) => bigint) =>
    lines.map((line): [number, bigint] => {
      const { subtotal, quantity } = ctx.lines[line]!;
      const bound = fn(subtotal, quantity);
      return [line, bound < 0n ? 0n : minBig(bound, subtotal)];
    });
  switch (params.type) {
    case 'percent-off':
      if (params.target !== 'items') return null;
      return of((subtotal) => roundDiv(subtotal * params.rate.numerator, params.rate.denominator, 'ceil'));
    case 'amount-off':
      if (params.target !== 'items') return null;
      return of((_, quantity) => params.amount * BigInt(quantity));
    case 'fixed-price':
      return of((subtotal, quantity) => subtotal - params.price * BigInt(quantity));
    case 'flash-sale': {
      let left = flashUnitsLeft(promotion, ctx);
      return lines.map((line): [number, bigint] => {
        const { subtotal, quantity } = ctx.lines[line]!;
        const units = Math.max(0, Math.min(quantity, left));
        left -= units;
        const bound = valueOfFirstUnits(subtotal, quantity, units) - params.price * BigInt(units);
        return [line, bound < 0n ? 0n : bound];
      });
    }
    default:
      return null;
  }
}
