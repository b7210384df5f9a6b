import { minBig } from '../../minor-units.js';
import type { EvalContext } from '../context.js';
import {
  type Candidate,
  canJoin,
  emptySolution,
  evaluateCombination,
  isBetter,
  type Solution,
} from './candidates.js';

/**
 * The best combination by depth-first branch and bound. Candidates are tried by upper bound,
 * highest first; each node is a feasible combination and is evaluated exactly; a subtree is cut
 * when the members' bounds plus the bounds of every remaining candidate that could still join
 * (and at most the cart's total) fall short of the best value found. Cutting only on a strict
 * shortfall keeps every tie in play, so it returns exactly what brute force returns.
 *
 * @example
 * const { solution, evaluated } = branchAndBoundBest(ctx, candidates);
 */
export function branchAndBoundBest(
  ctx: EvalContext,
  candidates: readonly Candidate[],
): { solution: Solution; evaluated: number } {
  const sorted = [...candidates].sort((a, b) =>
    a.upperBound === b.upperBound ? a.rank - b.rank : a.upperBound > b.upperBound ? -1 : 1,
  );
  const cap = ctx.lines.reduce((s, line) => s + line.subtotal, 0n) + ctx.shipping;
  let best = emptySolution(ctx);
  let evaluated = 0;

  const bound = (chosen: readonly Candidate[], chosenBound: bigint, from: number): bigint => {
    let total = chosenBound;
    for (let j = from; j < sorted.length; j += 1) {
      if (canJoin(chosen, sorted[j]!)) total += sorted[j]!.upperBound;
    }
    return minBig(total, cap);
  };

  const search = (from: number, chosen: Candidate[], chosenBound: bigint): void => {
    if (from === sorted.length) return;
    if (bound(chosen, chosenBound, from) < best.value) return;
    const candidate = sorted[from]!;
    if (canJoin(chosen, candidate)) {
      const next = [...chosen, candidate];
      const solution = evaluateCombination(ctx, next);
      evaluated += 1;
      if (isBetter(solution, best)) best = solution;
      search(from + 1, next, chosenBound + candidate.upperBound);
    }
    search(from + 1, chosen, chosenBound);
  };
  search(0, [], 0n);
  return { solution: best, evaluated };
}
