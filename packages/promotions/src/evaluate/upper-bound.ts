import { minBig, roundDiv } from '../minor-units.js';
import type { CompiledPromotion } from './compile.js';
import type { EvalContext } from './context.js';
import { runStack } from './stack.js';
import { componentLines } from './templates/bundle.js';
import { getLinesOf } from './templates/buy-get.js';
import { compareRuns, freeUnitRuns, type UnitRun } from './units.js';

/**
 * An upper bound on what a promotion can take off this cart in any stack — what branch and
 * bound prunes with. Every template's discount only falls when the amounts it sees fall (and
 * stacking only lowers amounts), so for most templates the bound is its discount alone on the
 * list prices (`standalone`). A buy-get or bundle may pick other units once earlier promotions
 * used some, so theirs are looser: the most applications the unit counts allow, valued at the
 * most valuable list-price units (a buy-get adds one minor unit per line for rounding).
 *
 * @example
 * upperBound(promotion, ctx) // minor units
 */
export function upperBound(promotion: CompiledPromotion, ctx: EvalContext, standalone?: bigint): bigint {
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
  return standalone ?? runStack(ctx, [promotion], { exclusiveGroups: false }).value;
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
