import type { CompiledPromotion } from './compile.js';
import type { EvalContext } from './context.js';
import { policyOrder } from './policy-order.js';
import { type Reason, reason } from './reasons.js';
import { runStack, type StackRun } from './stack.js';

/**
 * What a policy chose: the stack that was applied, and the reason of every candidate that is
 * not in it (by promotion index).
 *
 * @example
 * const { run, reasons }: Selection = sequenceSelection(ctx, candidates);
 */
export interface Selection {
  run: StackRun;
  reasons: Map<number, Reason>;
}

/**
 * The `'sequence'` policy on promotions that passed the static checks:
 *
 * 1. the combinable ones are applied in `policyOrder`; the first of an exclusive group to apply
 *    takes the group;
 * 2. each non-combinable one is evaluated alone. It replaces the whole stack when its priority
 *    is higher than that of every promotion in the stack (or the stack is empty); of several,
 *    the highest priority wins, then the larger discount, then the id. Otherwise it is
 *    `NOT_COMBINABLE`.
 *
 * @example
 * const selection = sequenceSelection(ctx, candidates);
 * selection.run.value // minor units off
 */
export function sequenceSelection(ctx: EvalContext, candidates: readonly CompiledPromotion[]): Selection {
  const order = policyOrder(ctx.policy);
  const combinable = candidates.filter((p) => p.combinable).sort(order);
  const stack = runStack(ctx, combinable, { exclusiveGroups: true });
  const applied = stack.entries.filter((entry) => entry.outcome !== null);
  const topPriority = applied.reduce(
    (max, entry) => Math.max(max, entry.promotion.priority),
    Number.NEGATIVE_INFINITY,
  );
  const top = applied.filter((entry) => entry.promotion.priority === topPriority).map((e) => e.promotion.id);
  const alone = candidates
    .filter((p) => !p.combinable)
    .map((promotion) => ({ promotion, run: runStack(ctx, [promotion], { exclusiveGroups: false }) }));
  const winners = alone
    .filter((a) => a.run.value > 0n && a.promotion.priority > topPriority)
    .sort(
      (a, b) =>
        b.promotion.priority - a.promotion.priority ||
        (a.run.value === b.run.value ? order(a.promotion, b.promotion) : a.run.value > b.run.value ? -1 : 1),
    );
  const winner = winners[0];
  const reasons = new Map<number, Reason>();
  if (winner) {
    for (const entry of stack.entries) {
      reasons.set(entry.promotion.index, reason('NOT_COMBINABLE', { with: winner.promotion.id }));
    }
    for (const other of alone) {
      if (other !== winner)
        reasons.set(other.promotion.index, reason('NOT_COMBINABLE', { with: winner.promotion.id }));
    }
    return { run: winner.run, reasons };
  }
  for (const entry of stack.entries)
    if (entry.outcome === null) reasons.set(entry.promotion.index, entry.reason);
  for (const other of alone) {
    const own = other.run.entries[0]!;
    reasons.set(
      other.promotion.index,
      own.outcome === null ? own.reason : reason('NOT_COMBINABLE', { with: top.join(', ') }),
    );
  }
  return { run: stack, reasons };
}
