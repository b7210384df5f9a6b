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
 * The best combination by trying every subset of the candidates (2^n stack runs; the
 * reference the branch and bound is checked against). Infeasible subsets (two of an exclusive
 * group, a non-combinable one with others) are skipped.
 *
 * @example
 * const { solution, evaluated } = bruteForceBest(ctx, candidates);
 */
export function bruteForceBest(
  ctx: EvalContext,
  candidates: readonly Candidate[],
): { solution: Solution; evaluated: number } {
  let best = emptySolution(ctx);
  let evaluated = 0;
  const n = candidates.length;
  for (let mask = 1; mask < 2 ** n; mask += 1) {
    const chosen: Candidate[] = [];
    let feasible = true;
    for (let i = 0; i < n && feasible; i += 1) {
      if ((mask & (2 ** i)) === 0) continue;
      const candidate = candidates[i]!;
      if (!canJoin(chosen, candidate)) feasible = false;
      else chosen.push(candidate);
    }
    if (!feasible) continue;
    const solution = evaluateCombination(ctx, chosen);
    evaluated += 1;
    if (isBetter(solution, best)) best = solution;
  }
  return { solution: best, evaluated };
}
