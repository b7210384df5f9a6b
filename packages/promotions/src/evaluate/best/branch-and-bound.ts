import { minBig } from '../../minor-units.js';
import { copyState, type EvalContext, initialState, type StackState } from '../context.js';
import { applyPromotion } from '../stack.js';
import { type Candidate, canJoin, evaluateCombination, isBetter, type Solution } from './candidates.js';

/**
 * The best combination by depth-first branch and bound over the candidates in policy order
 * (`rank`), so that each node is its parent's stack plus one promotion, applied to the state the
 * parent reached (one template run per node, not a whole stack). A candidate that applies
 * nothing at a node is not branched on: with it the subtree holds the same combinations as
 * without it. A subtree is cut when no completion of the node can reach the best value found:
 * its bound is the node's exact value plus what the candidates that could still join may take
 * off — their upper bounds added (none when a member is non-combinable; for an exclusive group,
 * whichever member joins: its largest bound, and line by line its largest line bound), at most
 * what is left of the cart (lines and shipping), and line by line at most what is left of each
 * line for the line-by-line templates (see `Candidate.lineBounds`). Cutting only on a strict
 * shortfall keeps every tie in play, so it returns exactly what brute force returns.
 *
 * @example
 * const { solution, evaluated } = branchAndBoundBest(ctx, candidates);
 */
export function branchAndBoundBest(
  ctx: EvalContext,
  candidates: readonly Candidate[],
): { solution: Solution; evaluated: number } {
  const sorted = [...candidates].sort((a, b) => a.rank - b.rank);
  let best: Pick<Solution, 'members' | 'value'> = { members: [], value: 0n };
  let evaluated = 0;

  const search = (from: number, chosen: Candidate[], state: StackState, value: bigint): void => {
    if (from === sorted.length) return;
    if (nodeBound(sorted, chosen, from, state, value) < best.value) return;
    const candidate = sorted[from]!;
    if (canJoin(chosen, candidate)) {
      const next = copyState(state);
      const step = applyPromotion(ctx, next, candidate.promotion);
      evaluated += 1;
      if (step.outcome !== null) {
        const members = [...chosen, candidate];
        const reached = { members, value: value + step.total };
        if (isBetter(reached, best)) best = reached;
        // nothing joins a non-combinable promotion
        if (candidate.promotion.combinable) search(from + 1, members, next, reached.value);
      }
    }
    search(from + 1, chosen, state, value);
  };
  search(0, [], initialState(ctx), 0n);
  return { solution: evaluateCombination(ctx, best.members), evaluated };
}

/** What a bound counts for one promotion or one exclusive group: the most it takes, and per line (`null`: across lines). */
interface Share {
  most: bigint;
  lines: readonly (readonly [number, bigint])[] | null;
}

/**
 * The most any completion of a node can reach: its value plus what the candidates from `from`
 * on that may still join could take off the state it left.
 */
function nodeBound(
  sorted: readonly Candidate[],
  chosen: readonly Candidate[],
  from: number,
  state: StackState,
  value: bigint,
): bigint {
  const shares: Share[] = [];
  const groups = new Map<string, Candidate[]>();
  let alone = 0n;
  for (let j = from; j < sorted.length; j += 1) {
    const c = sorted[j]!;
    if (!canJoin(chosen, c)) continue;
    if (!c.promotion.combinable) {
      // only when nothing is chosen yet; it would stand alone
      if (c.upperBound > alone) alone = c.upperBound;
      continue;
    }
    const group = c.promotion.exclusiveGroup;
    if (group === null) shares.push({ most: c.upperBound, lines: c.lineBounds });
    else {
      const members = groups.get(group);
      if (members) members.push(c);
      else groups.set(group, [c]);
    }
  }
  for (const members of groups.values()) shares.push(groupShare(members));
  let total = 0n;
  let lineCapped = 0n;
  const perLine = new Map<number, bigint>();
  for (const share of shares) {
    total += share.most;
    if (share.lines === null) lineCapped += share.most;
    else for (const [line, amount] of share.lines) perLine.set(line, (perLine.get(line) ?? 0n) + amount);
  }
  for (const [line, amount] of perLine) lineCapped += minBig(amount, state.amounts[line]!);
  let left = state.shipping;
  for (const amount of state.amounts) left += amount;
  const together = value + minBig(minBig(total, lineCapped), left);
  return together > alone ? together : alone;
}

/**
 * The share of an exclusive group, whichever member joins: the largest bound, and per line the
 * largest line bound — across lines as soon as one member spreads across lines.
 */
function groupShare(members: readonly Candidate[]): Share {
  if (members.length === 1) return { most: members[0]!.upperBound, lines: members[0]!.lineBounds };
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
