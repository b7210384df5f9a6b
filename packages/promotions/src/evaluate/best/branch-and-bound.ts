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
 * when no completion of the node can reach the best value found. The bound of a node adds the
 * upper bounds of its members and of the remaining candidates that could still join it (none
 * when a member is non-combinable; for an exclusive group, whichever member joins: its largest
 * bound, and line by line its largest line bound) and caps the sum twice: by the cart's total,
 * and line by line — the line-by-line templates (see `Candidate.lineBounds`) together never take
 * more off a line than its subtotal. Cutting only on a strict shortfall keeps every tie in play,
 * so it returns exactly what brute force returns.
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
  const subtotals = ctx.lines.map((line) => line.subtotal);
  const cap = subtotals.reduce((s, v) => s + v, 0n) + ctx.shipping;
  let best = emptySolution(ctx);
  let evaluated = 0;

  const bound = (chosen: readonly Candidate[], from: number): bigint => {
    const joinable =
      chosen.length === 0 ? sorted.slice(from) : sorted.slice(from).filter((c) => canJoin(chosen, c));
    const alone = chosen.length === 0 ? joinable.filter((c) => !c.promotion.combinable) : [];
    const together = [...chosen, ...joinable.filter((c) => c.promotion.combinable)];
    // at most one per exclusive group joins (a member's group holds only that member: canJoin removed the rest)
    const groups = new Map<string, Candidate[]>();
    const shares: Share[] = [];
    for (const c of together) {
      const group = c.promotion.exclusiveGroup;
      if (group === null) shares.push({ most: c.upperBound, lines: c.lineBounds });
      else groups.set(group, [...(groups.get(group) ?? []), c]);
    }
    for (const members of groups.values()) shares.push(groupShare(members));
    let total = 0n;
    let lineCapped = 0n;
    const perLine = subtotals.map(() => 0n);
    for (const share of shares) {
      total += share.most;
      if (share.lines === null) lineCapped += share.most;
      else for (const [line, amount] of share.lines) perLine[line]! += amount;
    }
    perLine.forEach((amount, line) => {
      lineCapped += minBig(amount, subtotals[line]!);
    });
    let result = minBig(minBig(total, lineCapped), cap);
    for (const c of alone) if (c.upperBound > result) result = c.upperBound;
    return result;
  };

  const search = (from: number, chosen: Candidate[]): void => {
    if (from === sorted.length) return;
    if (bound(chosen, from) < best.value) return;
    const candidate = sorted[from]!;
    if (canJoin(chosen, candidate)) {
      const next = [...chosen, candidate];
      const solution = evaluateCombination(ctx, next);
      evaluated += 1;
      if (isBetter(solution, best)) best = solution;
      search(from + 1, next);
    }
    search(from + 1, chosen);
  };
  search(0, []);
  return { solution: best, evaluated };
}

/** What a node's bound counts for one promotion or one exclusive group: the most it takes, and per line (`null`: across lines). */
interface Share {
  most: bigint;
  lines: readonly (readonly [number, bigint])[] | null;
}

/**
 * The share of an exclusive group, whichever member joins: the largest bound, and per line the
 * largest line bound — across lines as soon as one member spreads across lines.
 */
function groupShare(members: readonly Candidate[]): Share {
  let most = 0n;
  for (const m of members) if (m.upperBound > most) most = m.upperBound;
  if (members.some((m) => m.lineBounds === null)) return { most, lines: null };
  const perLine = new Map<number, bigint>();
  for (const m of members) {
    for (const [line, amount] of m.lineBounds!) {
      if (amount > (perLine.get(line) ?? 0n)) perLine.set(line, amount);
    }
  }
  return { most, lines: [...perLine] };
}
