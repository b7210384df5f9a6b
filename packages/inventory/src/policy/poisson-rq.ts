import { parseInput } from '@s2b2b/core';
import { poissonCdf, poissonLoss } from './poisson.js';
import {
  type PoissonRqCostInput,
  type PoissonRqInput,
  poissonRqCostInputSchema,
  poissonRqInputSchema,
} from './schemas.js';

/**
 * An optimal (r, Q) policy for Poisson demand.
 *
 * @example
 * const p: PoissonRqPolicy = { reorderPoint: 3, orderQuantity: 5, expectedCost: 107.92358063314975, leadTimeDemandMean: 3 }
 */
export interface PoissonRqPolicy {
  /** Order when the inventory position falls to r (integer). */
  reorderPoint: number;
  /** Order Q units (a positive integer). */
  orderQuantity: number;
  /** Expected cost per period g(r, Q). */
  expectedCost: number;
  /** λ·L. */
  leadTimeDemandMean: number;
}

interface PoissonCosts {
  h: number;
  p: number;
  k: number;
  lambda: number;
  mu: number;
}

/** g(y) = h·E[(y − D)⁺] + p·E[(D − y)⁺] = h·(y − μ) + (h + p)·n(y), D ~ Poisson(μ). */
function levelCost(c: PoissonCosts, y: number): number {
  return c.h * (y - c.mu) + (c.h + c.p) * poissonLoss(y, c.mu);
}

function windowCost(c: PoissonCosts, r: number, q: number): number {
  let sum = c.k * c.lambda;
  for (let y = r + 1; y <= r + q; y++) sum += levelCost(c, y);
  return sum / q;
}

/**
 * The exact expected cost per period of an integer (r, Q) policy under Poisson demand with
 * backorders: g(r, Q) = (Kλ + Σ_{y=r+1}^{r+Q} g(y))/Q (Snyder & Shen eq. 5.48), where the
 * inventory position is uniform on r + 1, …, r + Q. Throws `ValidationError` naming the field.
 *
 * @example
 * poissonRqCost({ demandRate: 1.5, leadTime: 2, holdingCost: 20, shortageCost: 150, orderCost: 100, reorderPoint: 3, orderQuantity: 5 })
 * // 107.92358063314975
 */
export function poissonRqCost(input: PoissonRqCostInput): number {
  const parsed = parseInput(poissonRqCostInputSchema, input);
  return windowCost(costsOf(parsed), parsed.reorderPoint, parsed.orderQuantity);
}

function costsOf(parsed: PoissonRqInput & { demandRate: number; leadTime: number }): PoissonCosts {
  return {
    h: parsed.holdingCost,
    p: parsed.shortageCost,
    k: parsed.orderCost,
    lambda: parsed.demandRate,
    mu: parsed.demandRate * parsed.leadTime,
  };
}

/**
 * The optimal integer (r, Q) policy for Poisson demand — slow movers selling a few units per
 * period — by Federgruen & Zheng (1992): the levels r + 1, …, r + Q the inventory position
 * visits form a window around the newsvendor optimum S*; starting from {S*}, the window grows by
 * whichever neighbour has the lower level cost g(y) for as long as that lowers the average cost.
 * Exact (the cost is convex in the level), O(Q) cost evaluations.
 * Throws `ValidationError` naming the field.
 *
 * @example
 * poissonRqPolicy({ demandRate: 1.5, leadTime: 2, holdingCost: 20, shortageCost: 150, orderCost: 100 })
 * // { reorderPoint: 3, orderQuantity: 5, expectedCost: 107.92358063314975, ... } (Snyder & Shen, Example 5.8)
 */
export function poissonRqPolicy(input: PoissonRqInput): PoissonRqPolicy {
  const c = costsOf(parseInput(poissonRqInputSchema, input));
  const ratio = c.p / (c.p + c.h);
  let sStar = 0;
  while (poissonCdf(sStar, c.mu) < ratio) sStar++;
  let r = sStar - 1;
  let q = 1;
  let levelSum = levelCost(c, sStar);
  let cost = (c.k * c.lambda + levelSum) / q;
  for (;;) {
    const below = levelCost(c, r);
    const above = levelCost(c, r + q + 1);
    const next = Math.min(below, above);
    const nextCost = (c.k * c.lambda + levelSum + next) / (q + 1);
    if (nextCost > cost) break;
    if (below < above) r -= 1;
    levelSum += next;
    q += 1;
    cost = nextCost;
  }
  return { reorderPoint: r, orderQuantity: q, expectedCost: windowCost(c, r, q), leadTimeDemandMean: c.mu };
}
