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
 * A combination for when there are too many candidates to search exactly: starting empty, add
 * the candidate that improves the value most while one does. Not guaranteed optimal.
 *
 * @example
 * const { solution, evaluated } = greedyBest(ctx, candidates);
 */
export function greedyBest(
  ctx: EvalContext,
  candidates: readonly Candidate[],
): { solution: Solution; evaluated: number } {
  let current = emptySolution(ctx);
  let chosen: Candidate[] = [];
  let evaluated = 0;
  for (;;) {
    let step: { solution: Solution; chosen: Candidate[] } | null = null;
    for (const candidate of candidates) {
      if (chosen.includes(candidate) || !canJoin(chosen, candidate)) continue;
      const next = [...chosen, candidate];
      const solution = evaluateCombination(ctx, next);
      evaluated += 1;
      if (solution.value > current.value && (step === null || isBetter(solution, step.solution))) {
        step = { solution, chosen: next };
      }
    }
    if (step === null) return { solution: current, evaluated };
    current = step.solution;
    chosen = step.chosen;
  }
}
