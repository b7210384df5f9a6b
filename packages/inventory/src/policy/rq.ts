import { DomainError, parseInput } from '@s2b2b/core';
import type { z } from 'zod';
import { type LeadTimeDemand, leadTimeOf, momentsOf, protectionDemand } from './lead-time-demand.js';
import { normalCdf, normalQuantile } from './normal.js';
import { inverseNormalLoss, normalLoss, normalSecondLoss } from './normal-loss.js';
import { type RqCostInput, type RqPolicyInput, rqCostInputSchema, rqPolicyInputSchema } from './schemas.js';

/**
 * A continuous-review (r, Q) policy: when the inventory position falls to r, order Q.
 *
 * @example
 * const p: RqPolicy = { method: 'eoq-ss', reorderPoint: 190.3369965715624, orderQuantity: 304.0467800264368, expectedCost: 85.6, safetyStock: 82.0, cycleServiceLevel: 0.9709, fillRate: 0.9995, leadTimeDemand: { mean: 108.33, sd: 43.30, periods: 0.0833, demand: { mean: 1300, sd: 150, source: 'moments' } } }
 */
export interface RqPolicy {
  method: 'exact' | 'eoq-ss' | 'loss-function';
  reorderPoint: number;
  orderQuantity: number;
  /** The exact expected cost per period g(r, Q) of this (r, Q) under normal lead-time demand. */
  expectedCost: number;
  /** r − μ_L. */
  safetyStock: number;
  /** Φ((r − μ_L)/σ_L). */
  cycleServiceLevel: number;
  /** 1 − σ_L·L(z)/Q. */
  fillRate: number;
  leadTimeDemand: LeadTimeDemand;
}

interface Costs {
  h: number;
  p: number;
  k: number;
  lambda: number;
  mu: number;
  sigma: number;
}

/** Newsvendor cost of inventory position y: h·(y − μ) + (h + p)·σ·L((y − μ)/σ). */
function newsvendorG(c: Costs, y: number): number {
  if (c.sigma === 0) return y >= c.mu ? c.h * (y - c.mu) : c.p * (c.mu - y);
  return c.h * (y - c.mu) + (c.h + c.p) * c.sigma * normalLoss((y - c.mu) / c.sigma);
}

/** ∫ from r to r + Q of the newsvendor cost, in closed form through the second-order loss. */
function integralG(c: Costs, r: number, q: number): number {
  const a = r - c.mu;
  const b = a + q;
  const holding = (c.h * (b * b - a * a)) / 2;
  if (c.sigma === 0) {
    // (h + p)·∫ (μ − y)⁺ dy over [r, r + Q].
    const lo = Math.min(a, 0);
    const hi = Math.min(b, 0);
    return holding + ((c.h + c.p) * (lo * lo - hi * hi)) / 2;
  }
  const s2 = c.sigma * c.sigma;
  return holding + (c.h + c.p) * s2 * (normalSecondLoss(a / c.sigma) - normalSecondLoss(b / c.sigma));
}

/** g(r, Q) = (Kλ + ∫_r^{r+Q} G(y) dy)/Q. */
function costRQ(c: Costs, r: number, q: number): number {
  return (c.k * c.lambda + integralG(c, r, q)) / q;
}

function costsOf(parsed: Omit<z.output<typeof rqPolicyInputSchema>, 'method'>): {
  costs: Costs;
  ltd: LeadTimeDemand;
} {
  const ltd = protectionDemand(momentsOf(parsed.demand), leadTimeOf(parsed.leadTime), 0);
  return {
    ltd,
    costs: {
      h: parsed.holdingCost,
      p: parsed.shortageCost,
      k: parsed.orderCost,
      lambda: ltd.demand.mean,
      mu: ltd.mean,
      sigma: ltd.sd,
    },
  };
}

/**
 * The exact expected cost per period of an (r, Q) policy with backorders under normal
 * lead-time demand, g(r, Q) = (Kλ + ∫_r^{r+Q} G(y) dy)/Q with G(y) = h·E[(y − D)⁺] + p·E[(D − y)⁺]
 * (Snyder & Shen eq. 5.7), integrated in closed form through the second-order loss function.
 * Throws `ValidationError` naming the field.
 *
 * @example
 * rqCost({ demand: { mean: 1300, sd: 150 }, leadTime: 1 / 12, holdingCost: 0.225, shortageCost: 7.5, orderCost: 8, reorderPoint: 126.8, orderQuantity: 328.5 })
 * // 78.07116250928294 (Snyder & Shen, Example 5.1)
 */
export function rqCost(input: RqCostInput): number {
  const parsed = parseInput(rqCostInputSchema, input);
  return costRQ(costsOf(parsed).costs, parsed.reorderPoint, parsed.orderQuantity);
}

/**
 * A continuous-review (r, Q) policy for normal demand with backorders, by one of three methods:
 * - `eoq-ss`: Q = √(2Kλ/h) and r = μ_L + σ_L·Φ⁻¹(p/(p + h)) (Snyder & Shen §5.3.1);
 * - `loss-function`: iterate r = μ_L + σ_L·L⁻¹(hQ/((h + p)σ_L)) and
 *   Q = √(2[Kλ + (h + p)·σ_L²·L₂((r − μ_L)/σ_L)]/h) from Q = EOQ to the fixed point (Hadley & Whitin);
 * - `exact` (default): the minimiser of g(r, Q). For each Q the best r solves G(r) = G(r + Q);
 *   the best Q is where G(r(Q) + Q) equals g(r(Q), Q) (the derivative of the quasi-convex
 *   optimal cost). Both are solved by bisection to full double precision.
 * Every result carries its exact cost g(r, Q), safety stock, cycle service level and fill rate.
 *
 * Throws `ValidationError` naming the field; `DomainError` `NO_CONVERGENCE` if the
 * loss-function iteration does not settle within 10,000 steps.
 *
 * @example
 * rqPolicy({ demand: { mean: 1300, sd: 150 }, leadTime: 1 / 12, holdingCost: 0.225, shortageCost: 7.5, orderCost: 8, method: 'eoq-ss' })
 * // { reorderPoint: 190.3369965715624, orderQuantity: 304.0467800264368, ... } (Example 5.5)
 * rqPolicy({ ...sameInput, method: 'loss-function' })
 * // { reorderPoint: 126.867063…, orderQuantity: 328.449142…, ... } (Example 5.6)
 */
export function rqPolicy(input: RqPolicyInput): RqPolicy {
  const parsed = parseInput(rqPolicyInputSchema, input);
  const { costs: c, ltd } = costsOf(parsed);
  let r: number;
  let q: number;
  if (parsed.method === 'eoq-ss') {
    q = Math.sqrt((2 * c.k * c.lambda) / c.h);
    r = c.mu + c.sigma * normalQuantile(c.p / (c.p + c.h));
  } else if (parsed.method === 'loss-function') {
    [r, q] = lossFunctionFixedPoint(c);
  } else {
    [r, q] = exactOptimum(c);
  }
  return describe(parsed.method, c, ltd, r, q);
}

function describe(method: RqPolicy['method'], c: Costs, ltd: LeadTimeDemand, r: number, q: number): RqPolicy {
  const z =
    c.sigma === 0 ? (r >= c.mu ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY) : (r - c.mu) / c.sigma;
  const short = c.sigma === 0 ? Math.max(0, c.mu - r) : c.sigma * normalLoss(z);
  return {
    method,
    reorderPoint: r,
    orderQuantity: q,
    expectedCost: costRQ(c, r, q),
    safetyStock: r - c.mu,
    cycleServiceLevel: normalCdf(z),
    fillRate: Math.max(0, 1 - short / q),
    leadTimeDemand: ltd,
  };
}

function lossFunctionFixedPoint(c: Costs): [number, number] {
  let q = Math.sqrt((2 * c.k * c.lambda) / c.h);
  let r = Number.NaN;
  for (let i = 0; i < 10_000; i++) {
    const nextR =
      c.sigma === 0 ? c.mu : c.mu + c.sigma * inverseNormalLoss((c.h * q) / ((c.h + c.p) * c.sigma));
    const l2 = c.sigma === 0 ? 0 : c.sigma * c.sigma * normalSecondLoss((nextR - c.mu) / c.sigma);
    const nextQ = Math.sqrt((2 * (c.k * c.lambda + (c.h + c.p) * l2)) / c.h);
    const settled =
      Math.abs(nextQ - q) <= 1e-13 * Math.max(1, q) &&
      Math.abs(nextR - r) <= 1e-13 * Math.max(1, Math.abs(r));
    r = nextR;
    q = nextQ;
    if (settled) return [r, q];
  }
  throw new DomainError('NO_CONVERGENCE', 'The loss-function (r, Q) iteration did not converge', {
    reorderPoint: r,
    orderQuantity: q,
  });
}

/** Bisection to the last representable bit: `f` is decreasing with f(lo) >= 0 >= f(hi). */
function bisect(f: (x: number) => number, lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  for (let i = 0; i < 200; i++) {
    const m = a + (b - a) / 2;
    if (m <= a || m >= b) break;
    if (f(m) >= 0) a = m;
    else b = m;
  }
  return a + (b - a) / 2;
}

/** The r minimising g(r, Q) for this Q: G(r) = G(r + Q), bracketed by [S* − Q, S*]. */
function bestR(c: Costs, q: number, sStar: number): number {
  return bisect((r) => newsvendorG(c, r) - newsvendorG(c, r + q), sStar - q, sStar);
}

function exactOptimum(c: Costs): [number, number] {
  const sStar = c.sigma === 0 ? c.mu : c.mu + c.sigma * normalQuantile(c.p / (c.p + c.h));
  // d/dQ of the optimal cost C(Q) has the sign of G(r(Q) + Q) − C(Q): negative, then positive.
  const slope = (q: number): number => {
    const r = bestR(c, q, sStar);
    return costRQ(c, r, q) - newsvendorG(c, r + q);
  };
  const eoqQ = Math.sqrt((2 * c.k * c.lambda) / c.h);
  let lo = eoqQ > 0 ? eoqQ / 2 : Math.max(1e-9, c.sigma * 1e-9);
  while (slope(lo) < 0 && lo > 1e-300) lo /= 2;
  let hi = Math.max(eoqQ, lo) * 2;
  while (slope(hi) >= 0 && hi < 1e300) hi *= 2;
  const q = bisect(slope, lo, hi);
  return [bestR(c, q, sStar), q];
}
