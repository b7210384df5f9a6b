import { minBig, roundDiv } from '../../minor-units.js';
import type { CompiledPromotion } from '../compile.js';
import {
  type EvalContext,
  type LineDiscount,
  nothing,
  type StackState,
  sumAmounts,
  type TemplateOutcome,
} from '../context.js';
import { lineMatches } from '../line-filter.js';
import { reason } from '../reasons.js';
import { compareRuns, freeUnitRuns, giveBack, takeUnits, type UnitRun } from '../units.js';

/**
 * The lines a buy-get gives units from: those matching its `get` filter (default: its
 * eligible lines).
 *
 * @example
 * getLinesOf(promotion, ctx, [0, 1])
 */
export function getLinesOf(
  promotion: CompiledPromotion,
  ctx: EvalContext,
  eligible: readonly number[],
): number[] {
  const params = promotion.params;
  if (params.type !== 'buy-get' || params.getFilter === null) return [...eligible];
  const filter = params.getFilter;
  return ctx.lines.filter((line) => lineMatches(filter, line)).map((line) => line.index);
}

/**
 * 买X送Y in the current state. The free units (not used by an earlier buy-get or bundle) are
 * sorted by value, high first; each application takes the `buyQuantity` most valuable eligible
 * units as bought, then the `getQuantity` most valuable remaining `get` units as given — so a
 * unit is never both bought and given, and with one set of lines each group of X + Y units
 * gives its cheapest Y. Given units get `getPercentOff` of their value, rounded per line. All
 * units of an application are used up for later buy-gets and bundles.
 *
 * @example
 * // buy 2 get 1 on units of 10, 9, 8, 7, 6, 5: the 8 and the 5 are free
 * const outcome = buyGetDiscount(promotion, ctx, state, [0]);
 */
export function buyGetDiscount(
  promotion: CompiledPromotion,
  ctx: EvalContext,
  state: StackState,
  lines: readonly number[],
): TemplateOutcome {
  const params = promotion.params;
  if (params.type !== 'buy-get') throw new TypeError('not a buy-get promotion');
  const getLines = getLinesOf(promotion, ctx, lines);
  const buySet = new Set(lines);
  const getSet = new Set(getLines);
  const involved = [...new Set([...lines, ...getLines])].sort((a, b) => a - b);
  const runs: UnitRun[] = [];
  for (const line of involved) {
    runs.push(...freeUnitRuns(line, state.amounts[line]!, ctx.lines[line]!.quantity, state.consumed[line]!));
  }
  const order = runs.map((_, i) => i).sort((a, b) => compareRuns(runs[a]!, runs[b]!));
  const buyOrder = order.filter((i) => buySet.has(runs[i]!.line));
  const getOrder = order.filter((i) => getSet.has(runs[i]!.line));
  const bought = new Map<number, number>();
  const given = new Map<number, { units: number; value: bigint }>();
  let buyAt = 0;
  let getAt = 0;
  let applications = 0;
  while (params.maxApplications === null || applications < params.maxApplications) {
    const buy = takeUnits(runs, buyOrder, buyAt, params.buy);
    if (!buy) break;
    const get = takeUnits(runs, getOrder, getAt, params.get);
    if (!get) {
      giveBack(runs, buy.taken);
      break;
    }
    buyAt = buy.next;
    getAt = get.next;
    applications += 1;
    for (const t of buy.taken) {
      const line = runs[t.run]!.line;
      bought.set(line, (bought.get(line) ?? 0) + t.count);
    }
    for (const t of get.taken) {
      const run = runs[t.run]!;
      const entry = given.get(run.line) ?? { units: 0, value: 0n };
      entry.units += t.count;
      entry.value += run.value * BigInt(t.count);
      given.set(run.line, entry);
    }
  }
  const basis = sumAmounts(state, lines);
  if (applications === 0) {
    const available = runs.reduce((s, r) => s + r.count, 0);
    return nothing(reason('NOT_ENOUGH_UNITS', { needed: params.buy + params.get, available }), basis);
  }
  const { numerator, denominator } = params.rate;
  const discounts: LineDiscount[] = [];
  let units = 0;
  for (const [line, g] of [...given].sort((a, b) => a[0] - b[0])) {
    units += g.units;
    const amount = minBig(g.value, roundDiv(g.value * numerator, denominator, ctx.policy.rounding));
    if (amount > 0n) discounts.push({ line, amount });
  }
  if (discounts.length === 0) return nothing(reason('NO_DISCOUNT'), basis);
  const consumed = new Map<number, number>(bought);
  for (const [line, g] of given) consumed.set(line, (consumed.get(line) ?? 0) + g.units);
  return {
    discounts,
    shipping: 0n,
    basis,
    units,
    consumed: [...consumed].sort((a, b) => a[0] - b[0]).map(([line, n]) => ({ line, units: n })),
    reason: null,
  };
}
