import { spreadMinorUnits } from '../../allocation/spread.js';
import type { CompiledPromotion } from '../compile.js';
import { type EvalContext, nothing, type StackState, sumAmounts, type TemplateOutcome } from '../context.js';
import { lineMatches } from '../line-filter.js';
import { reason } from '../reasons.js';
import { compareRuns, freeUnitRuns, giveBack, takeUnits, type UnitRun } from '../units.js';

/**
 * The lines each bundle component may take units from: the eligible lines its filter matches.
 *
 * @example
 * componentLines(promotion, ctx, [0, 1, 2]) // [[0, 1], [2]]
 */
export function componentLines(
  promotion: CompiledPromotion,
  ctx: EvalContext,
  eligible: readonly number[],
): number[][] {
  const params = promotion.params;
  if (params.type !== 'bundle') return [];
  return params.components.map((component) =>
    component.filter === null
      ? [...eligible]
      : eligible.filter((line) => lineMatches(component.filter!, ctx.lines[line]!)),
  );
}

/**
 * 组合价 / N件P元 in the current state. Components are filled in order of fewest free matching
 * units first, each with its most valuable free units; a bundle forms while its units are worth
 * more than `price` (later bundles are never worth more, so the first that saves nothing ends
 * it). The saving of all bundles is spread over their lines by the value each line put in
 * (largest remainder), so no line gives more than its units were worth. Bundled units are used up.
 *
 * @example
 * // 3 for 99.00 on units of 45, 40, 38, 20: one bundle of 45 + 40 + 38 saves 24.00
 * const outcome = bundleDiscount(promotion, ctx, state, [0, 1, 2, 3]);
 */
export function bundleDiscount(
  promotion: CompiledPromotion,
  ctx: EvalContext,
  state: StackState,
  lines: readonly number[],
): TemplateOutcome {
  const params = promotion.params;
  if (params.type !== 'bundle') throw new TypeError('not a bundle promotion');
  const perComponent = componentLines(promotion, ctx, lines);
  const involved = [...new Set(perComponent.flat())].sort((a, b) => a - b);
  const runs: UnitRun[] = [];
  for (const line of involved) {
    runs.push(...freeUnitRuns(line, state.amounts[line]!, ctx.lines[line]!.quantity, state.consumed[line]!));
  }
  const order = runs.map((_, i) => i).sort((a, b) => compareRuns(runs[a]!, runs[b]!));
  const components = params.components
    .map((component, index) => {
      const set = new Set(perComponent[index]);
      const componentOrder = order.filter((i) => set.has(runs[i]!.line));
      const free = componentOrder.reduce((s, i) => s + runs[i]!.count, 0);
      return { quantity: component.quantity, order: componentOrder, free, at: 0, index };
    })
    .sort((a, b) => a.free - b.free || a.index - b.index);
  const put = new Map<number, { units: number; value: bigint }>();
  let saving = 0n;
  let applications = 0;
  let formedNone: 'units' | 'value' = 'units';
  while (params.maxApplications === null || applications < params.maxApplications) {
    const taken: { run: number; count: number }[] = [];
    let complete = true;
    for (const component of components) {
      const took = takeUnits(runs, component.order, component.at, component.quantity);
      if (!took) {
        complete = false;
        break;
      }
      component.at = took.next;
      taken.push(...took.taken);
    }
    if (!complete) {
      giveBack(runs, taken);
      break;
    }
    const value = taken.reduce((s, t) => s + runs[t.run]!.value * BigInt(t.count), 0n);
    if (value <= params.price) {
      giveBack(runs, taken);
      formedNone = 'value';
      break;
    }
    saving += value - params.price;
    applications += 1;
    for (const t of taken) {
      const run = runs[t.run]!;
      const entry = put.get(run.line) ?? { units: 0, value: 0n };
      entry.units += t.count;
      entry.value += run.value * BigInt(t.count);
      put.set(run.line, entry);
    }
  }
  const basis = sumAmounts(state, lines);
  if (applications === 0) {
    if (formedNone === 'value') return nothing(reason('NO_DISCOUNT'), basis);
    const needed = params.components.reduce((s, c) => s + c.quantity, 0);
    const available = runs.reduce((s, r) => s + r.count, 0);
    return nothing(reason('NOT_ENOUGH_UNITS', { needed, available }), basis);
  }
  const entries = [...put].sort((a, b) => a[0] - b[0]);
  const parts = spreadMinorUnits(
    saving,
    entries.map(([, e]) => e.value),
  );
  return {
    discounts: entries.map(([line], i) => ({ line, amount: parts[i]! })).filter((d) => d.amount > 0n),
    shipping: 0n,
    basis,
    units: entries.reduce((s, [, e]) => s + e.units, 0),
    consumed: entries.map(([line, e]) => ({ line, units: e.units })),
    reason: null,
  };
}
