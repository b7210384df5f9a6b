import type { CompiledPromotion } from '../compile.js';
import type { EvalContext } from '../context.js';
import { runStack, type StackRun } from '../stack.js';

/**
 * A promotion the best-combination search may choose: its upper bound and its place in the
 * policy order (`rank`, used to break ties).
 *
 * @example
 * const candidate: Candidate = { promotion, upperBound: 2000n, rank: 0, lineBounds: null };
 */
export interface Candidate {
  promotion: CompiledPromotion;
  upperBound: bigint;
  rank: number;
  /**
   * For templates that discount each line on its own (rates and amounts off items, fixed
   * prices, flash sales): the most they can take off each line in any stack, `[line, minor]`;
   * `null` for templates that spread across lines.
   */
  lineBounds: readonly (readonly [number, bigint])[] | null;
}

/**
 * A combination and its stack: `members` are the promotions that applied, by rank.
 *
 * @example
 * const solution: Solution = evaluateCombination(ctx, [a, b]);
 */
export interface Solution {
  members: Candidate[];
  run: StackRun;
  value: bigint;
}

/**
 * The empty combination.
 *
 * @example
 * let best = emptySolution(ctx);
 */
export function emptySolution(ctx: EvalContext): Solution {
  return { members: [], run: runStack(ctx, [], { exclusiveGroups: false }), value: 0n };
}

/**
 * Runs a combination in policy order and keeps only the members that applied (a member that
 * applies nothing changes nothing, so the smaller set is the same solution).
 *
 * @example
 * evaluateCombination(ctx, chosen).value
 */
export function evaluateCombination(ctx: EvalContext, chosen: readonly Candidate[]): Solution {
  const members = [...chosen].sort((a, b) => a.rank - b.rank);
  const run = runStack(
    ctx,
    members.map((m) => m.promotion),
    { exclusiveGroups: false },
  );
  const applied = new Set(run.entries.filter((e) => e.outcome !== null).map((e) => e.promotion.index));
  return { members: members.filter((m) => applied.has(m.promotion.index)), run, value: run.value };
}

/**
 * Whether `a` is a better solution than `b` for the buyer: more off; then fewer promotions;
 * then the smaller list of ranks (lexicographically). Both search methods use it, so they
 * agree on ties too.
 *
 * @example
 * if (isBetter(candidate, best)) best = candidate;
 */
export function isBetter(
  a: Pick<Solution, 'members' | 'value'>,
  b: Pick<Solution, 'members' | 'value'>,
): boolean {
  if (a.value !== b.value) return a.value > b.value;
  if (a.members.length !== b.members.length) return a.members.length < b.members.length;
  for (let i = 0; i < a.members.length; i += 1) {
    const x = a.members[i]!.rank;
    const y = b.members[i]!.rank;
    if (x !== y) return x < y;
  }
  return false;
}

/**
 * Whether a candidate may join a combination: at most one promotion per exclusive group, and a
 * non-combinable promotion only alone.
 *
 * @example
 * canJoin(chosen, candidate)
 */
export function canJoin(chosen: readonly Candidate[], candidate: Candidate): boolean {
  if (chosen.length === 0) return true;
  if (!candidate.promotion.combinable) return false;
  const group = candidate.promotion.exclusiveGroup;
  for (const member of chosen) {
    if (!member.promotion.combinable) return false;
    if (group !== null && member.promotion.exclusiveGroup === group) return false;
  }
  return true;
}
