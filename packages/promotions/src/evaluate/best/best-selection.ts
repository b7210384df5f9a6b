import type { CompiledPromotion } from '../compile.js';
import type { EvalContext } from '../context.js';
import { policyOrder } from '../policy-order.js';
import { type Reason, reason } from '../reasons.js';
import type { Selection } from '../sequence.js';
import { runStack, type StackRun } from '../stack.js';
import { lineUpperBounds, upperBound } from '../upper-bound.js';
import { branchAndBoundBest } from './branch-and-bound.js';
import { bruteForceBest } from './brute-force.js';
import type { Candidate, Solution } from './candidates.js';
import { greedyBest } from './greedy.js';

/**
 * How the best combination was found: the method, how many promotions were candidates (those
 * that passed the static checks and could take something off), how many combinations were
 * evaluated, and whether the answer is proven optimal.
 *
 * @example
 * const search: SearchReport = { method: 'branch-and-bound', candidates: 9, evaluated: 41, exact: true };
 */
export interface SearchReport {
  method: 'branch-and-bound' | 'brute-force' | 'greedy';
  candidates: number;
  evaluated: number;
  exact: boolean;
}

/**
 * The `'best'` policy: the combination of promotions that takes the most off the cart
 * (lines and shipping), subject to the exclusive groups (one each) and to non-combinable
 * promotions applying alone; each combination stacks in `policyOrder`. Ties go to fewer
 * promotions, then to the earlier ones in policy order. Exact (by `policy.search`) while at
 * most `policy.exactLimit` promotions are candidates; beyond, the better of the sequence
 * policy's stack and a greedy one (`exact: false`).
 *
 * @example
 * const { selection, search } = bestSelection(ctx, candidates, sequence);
 */
export function bestSelection(
  ctx: EvalContext,
  eligible: readonly CompiledPromotion[],
  sequence: () => Selection,
): { selection: Selection; search: SearchReport } {
  const ranked = [...eligible].sort(policyOrder(ctx.policy));
  const standalone = new Map<number, StackRun>();
  const candidates: Candidate[] = [];
  ranked.forEach((promotion, rank) => {
    const alone = runStack(ctx, [promotion], { exclusiveGroups: false });
    standalone.set(promotion.index, alone);
    const bound = upperBound(promotion, ctx, alone);
    if (bound > 0n)
      candidates.push({ promotion, upperBound: bound, rank, lineBounds: lineUpperBounds(promotion, ctx) });
  });
  let solution: Solution;
  let search: SearchReport;
  if (candidates.length <= ctx.policy.exactLimit) {
    const method = ctx.policy.search;
    const found =
      method === 'brute-force' ? bruteForceBest(ctx, candidates) : branchAndBoundBest(ctx, candidates);
    solution = found.solution;
    search = { method, candidates: candidates.length, evaluated: found.evaluated, exact: true };
  } else {
    const greedy = greedyBest(ctx, candidates);
    solution = greedy.solution;
    const fallback = sequence();
    const chosen = new Set(fallback.run.entries.filter((e) => e.outcome).map((e) => e.promotion.index));
    const sequenceSolution: Solution = {
      members: candidates.filter((c) => chosen.has(c.promotion.index)),
      run: fallback.run,
      value: fallback.run.value,
    };
    if (sequenceSolution.value > solution.value) solution = sequenceSolution;
    search = {
      method: 'greedy',
      candidates: candidates.length,
      evaluated: greedy.evaluated + 1,
      exact: false,
    };
  }
  const members = solution.members.map((m) => m.promotion);
  const run = runStack(ctx, members, { exclusiveGroups: false });
  const reasons = new Map<number, Reason>();
  const inBest = new Set(members.map((p) => p.index));
  const loneMember = members.find((p) => !p.combinable);
  for (const promotion of ranked) {
    if (inBest.has(promotion.index)) continue;
    const mate =
      promotion.exclusiveGroup === null
        ? undefined
        : members.find((m) => m.exclusiveGroup === promotion.exclusiveGroup);
    const alone = standalone.get(promotion.index)!;
    if (mate) {
      reasons.set(
        promotion.index,
        reason('EXCLUSIVE_GROUP_TAKEN', { group: mate.exclusiveGroup!, by: mate.id }),
      );
    } else if (loneMember || (!promotion.combinable && members.length > 0)) {
      reasons.set(
        promotion.index,
        reason('NOT_COMBINABLE', { with: (loneMember ? [loneMember] : members).map((m) => m.id).join(', ') }),
      );
    } else if (alone.entries[0]!.outcome === null) {
      reasons.set(promotion.index, alone.entries[0]!.reason);
    } else {
      reasons.set(promotion.index, reason('NOT_IN_BEST_COMBINATION', { alone: ctx.amount(alone.value) }));
    }
  }
  return { selection: { run, reasons }, search };
}
