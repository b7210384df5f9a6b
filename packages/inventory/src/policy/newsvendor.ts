import { parseInput } from '@s2b2b/core';
import type { z } from 'zod';
import { normalPdf, normalQuantile } from './normal.js';
import { normalLoss } from './normal-loss.js';
import { poissonCdf, poissonLoss } from './poisson.js';
import {
  type NewsvendorCostInput,
  type NewsvendorInput,
  newsvendorCostInputSchema,
  type newsvendorDemandSchema,
  newsvendorInputSchema,
} from './schemas.js';

type ParsedDemand = z.output<typeof newsvendorDemandSchema>;

/**
 * The optimal stock level of a newsvendor (or base-stock) problem.
 *
 * @example
 * const r: NewsvendorResult = { baseStock: 56.60395592743389, criticalRatio: 0.7954545454545454, expectedCost: 1.9976051931766445 }
 */
export interface NewsvendorResult {
  /** S*: the smallest stock level with P(D ≤ S) >= p/(p + h). */
  baseStock: number;
  /** p/(p + h). */
  criticalRatio: number;
  /** g(S*) = h·E[(S* − D)⁺] + p·E[(D − S*)⁺]. */
  expectedCost: number;
}

/**
 * The newsvendor / base-stock level: stock S to hold against one period's (or one protection
 * interval's) demand D when each unit left over costs h and each unit short costs p. S* is the
 * critical-ratio quantile F⁻¹(p/(p + h)): μ + σ·Φ⁻¹(p/(p + h)) for normal demand, the smallest
 * integer with F(S) >= p/(p + h) for Poisson demand, and the matching order statistic of an
 * empirical sample. The expected cost is (p + h)·σ·φ(z*) in the normal case.
 * Throws `ValidationError` naming the field.
 *
 * @example
 * newsvendor({ demand: { mean: 50, sd: 8 }, holdingCost: 0.18, shortageCost: 0.7 })
 * // { baseStock: 56.60395592743389, expectedCost: 1.9976051931766445, ... } (Snyder & Shen, Example 4.3)
 */
export function newsvendor(input: NewsvendorInput): NewsvendorResult {
  const { demand, holdingCost: h, shortageCost: p } = parseInput(newsvendorInputSchema, input);
  const ratio = p / (p + h);
  if ('sd' in demand) {
    if (demand.sd === 0) return { baseStock: demand.mean, criticalRatio: ratio, expectedCost: 0 };
    const z = normalQuantile(ratio);
    return {
      baseStock: demand.mean + demand.sd * z,
      criticalRatio: ratio,
      expectedCost: (p + h) * demand.sd * normalPdf(z),
    };
  }
  let stock: number;
  if ('poisson' in demand) {
    stock = 0;
    while (poissonCdf(stock, demand.poisson) < ratio) stock++;
  } else {
    const sorted = Float64Array.from(demand.sample).sort();
    const index = Math.max(0, Math.ceil(sorted.length * ratio - 1e-12) - 1);
    stock = sorted[index] as number;
  }
  return { baseStock: stock, criticalRatio: ratio, expectedCost: expectedCostAt(demand, h, p, stock) };
}

/**
 * The expected newsvendor cost g(S) = h·E[(S − D)⁺] + p·E[(D − S)⁺] of holding `stock` S, for
 * normal, Poisson or sampled demand. Throws `ValidationError` naming the field.
 *
 * @example
 * newsvendorCost({ demand: { mean: 50, sd: 8 }, holdingCost: 0.18, shortageCost: 0.7, stock: 56.60395592743389 })
 * // 1.9976051931766445
 */
export function newsvendorCost(input: NewsvendorCostInput): number {
  const { demand, holdingCost, shortageCost, stock } = parseInput(newsvendorCostInputSchema, input);
  return expectedCostAt(demand, holdingCost, shortageCost, stock);
}

/** g(S) on parsed input: h·(S − μ) + (h + p)·E[(D − S)⁺]. Internal. */
export function expectedCostAt(demand: ParsedDemand, h: number, p: number, stock: number): number {
  if ('sd' in demand) {
    if (demand.sd === 0) return stock >= demand.mean ? h * (stock - demand.mean) : p * (demand.mean - stock);
    return h * (stock - demand.mean) + (h + p) * demand.sd * normalLoss((stock - demand.mean) / demand.sd);
  }
  if ('poisson' in demand) return h * (stock - demand.poisson) + (h + p) * poissonLoss(stock, demand.poisson);
  let total = 0;
  for (const d of demand.sample) total += d <= stock ? h * (stock - d) : p * (d - stock);
  return total / demand.sample.length;
}
