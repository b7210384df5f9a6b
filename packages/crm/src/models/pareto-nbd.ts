import { parseInput } from '@s2b2b/core';
import { z } from 'zod';
import { logHyp2f1Shifted, logHyp2f1ShiftedWithGradient } from '../math/hyp2f1.js';
import { digamma, lnGamma, logAddExp, logSubExp } from '../math/special.js';
import { notIdentifiedError } from './errors.js';
import { fitLogParams } from './fit-log-params.js';
import type { ModelFit } from './fit-result.js';
import { groupCheckedRows } from './group-rows.js';
import {
  type FitOptions,
  fitOptionsSchema,
  type ParetoNbdParams,
  paretoNbdParamsSchema,
  type SummaryRow,
  summaryRowSchema,
  summaryRowsSchema,
} from './schemas.js';

/**
 * ln A₀ of the Pareto/NBD likelihood (Fader & Hardie 2005, "A note on deriving the Pareto/NBD
 * model and related expressions", eq. 22–24), in its stable form: with m = min(α, β),
 * M = max(α, β) and the second ₂F₁ parameter s + 1 when α ≥ β, r + x when α < β, the arguments
 * |α − β| / (M + t) always lie in [0, 1), and A₀ = F(t_x) − F(T) with F(t) = ₂F₁(…; z(t)) /
 * (M + t)^(r+s+x), taken as a difference of logarithms (−∞ when t_x = T). The ₂F₁ values are
 * computed as logarithms through Euler's transformation, so customers with hundreds of purchases
 * neither overflow nor lose digits.
 */
function logA0(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number): number {
  const rsx = r + s + x;
  const alphaSmaller = alpha < beta;
  const max = alphaSmaller ? beta : alpha;
  const second = alphaSmaller ? r + x : s + 1;
  const gap = Math.abs(alpha - beta);
  const atTx = logHyp2f1Shifted(rsx, second, gap / (max + tx)) - rsx * Math.log(max + tx);
  const atT = logHyp2f1Shifted(rsx, second, gap / (max + T)) - rsx * Math.log(max + T);
  return logSubExp(atTx, atT);
}

function rowLogLikelihood(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  tx: number,
  T: number,
) {
  const a1 = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  const survive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const died = Math.log(s) - Math.log(r + s + x) + logA0(r, alpha, s, beta, x, tx, T);
  return a1 + logAddExp(survive, died);
}

/**
 * The row log-likelihood and its gradient in (r, α, s, β), written into `out` (added, times
 * `weight`). Differentiates the stable form term by term: the ₂F₁ values carry their own
 * derivatives (`logHyp2f1ShiftedWithGradient`), and the α ≥ β / α < β branch decides which of α,
 * β is the larger and which parameter the second ₂F₁ argument holds.
 */
function rowWithGradient(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  tx: number,
  T: number,
  weight: number,
  shared: { psiR: number; lnAlpha: number; lnBeta: number },
  out: Float64Array,
): number {
  const rsx = r + s + x;
  const alphaSmaller = alpha < beta;
  const max = alphaSmaller ? beta : alpha;
  const gap = Math.abs(alpha - beta);
  const second = alphaSmaller ? r + x : s + 1;
  // ∂gap and ∂max by (α, β)
  const gapAlpha = alphaSmaller ? -1 : 1;
  const maxAlpha = alphaSmaller ? 0 : 1;
  const end = (t: number) => {
    const m = max + t;
    const z = gap / m;
    const [lnF, dA, dB, dZ] = logHyp2f1ShiftedWithGradient(rsx, second, z);
    const lnM = Math.log(m);
    const u = lnF - rsx * lnM;
    const zAlpha = gapAlpha / m - (gap * maxAlpha) / (m * m);
    const zBeta = -gapAlpha / m - (gap * (1 - maxAlpha)) / (m * m);
    // ∂u: a = rsx (r, s), b = second (r when α < β, s otherwise), z (α, β), and −rsx ln m.
    const dr = dA + (alphaSmaller ? dB : 0) - lnM;
    const ds = dA + (alphaSmaller ? 0 : dB) - lnM;
    const dAlpha = dZ * zAlpha - (rsx * maxAlpha) / m;
    const dBeta = dZ * zBeta - (rsx * (1 - maxAlpha)) / m;
    return { u, dr, ds, dAlpha, dBeta };
  };
  const a1 = lnGamma(r + x) - lnGamma(r) + r * shared.lnAlpha + s * shared.lnBeta;
  const lnAT = Math.log(alpha + T);
  const lnBT = Math.log(beta + T);
  const survive = -(r + x) * lnAT - s * lnBT;
  let died = Number.NEGATIVE_INFINITY;
  let d = { r: 0, alpha: 0, s: 0, beta: 0 };
  if (tx < T) {
    const atTx = end(tx);
    const atT = end(T);
    const lnA0 = logSubExp(atTx.u, atT.u);
    if (lnA0 > Number.NEGATIVE_INFINITY) {
      const ratio = Math.exp(atT.u - atTx.u);
      const w1 = 1 / (1 - ratio);
      const w2 = ratio / (1 - ratio);
      died = Math.log(s) - Math.log(rsx) + lnA0;
      d = {
        r: -1 / rsx + w1 * atTx.dr - w2 * atT.dr,
        s: 1 / s - 1 / rsx + w1 * atTx.ds - w2 * atT.ds,
        alpha: w1 * atTx.dAlpha - w2 * atT.dAlpha,
        beta: w1 * atTx.dBeta - w2 * atT.dBeta,
      };
    }
  }
  const total = logAddExp(survive, died);
  const v2 = died === Number.NEGATIVE_INFINITY ? 0 : Math.exp(died - total);
  const v1 = 1 - v2;
  out[0]! += weight * (digamma(r + x) - shared.psiR + shared.lnAlpha + v1 * -lnAT + v2 * d.r);
  out[1]! += weight * (r / alpha + v1 * (-(r + x) / (alpha + T)) + v2 * d.alpha);
  out[2]! += weight * (shared.lnBeta + v1 * -lnBT + v2 * d.s);
  out[3]! += weight * (s / beta + v1 * (-s / (beta + T)) + v2 * d.beta);
  return a1 + total;
}

/**
 * The log-likelihood of one customer under Pareto/NBD: ln Γ(r+x) − ln Γ(r) + r ln α + s ln β +
 * ln[(α+T)^−(r+x) (β+T)^−s + s/(r+s+x) A₀] (see the stable A₀ above).
 *
 * @example
 * paretoNbdLogLikelihood({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, { frequency: 2, recency: 30.43, T: 38.86 })
 */
export function paretoNbdLogLikelihood(params: ParetoNbdParams, row: SummaryRow): number {
  const { r, alpha, s, beta } = parseInput(paretoNbdParamsSchema, params, 'params');
  const c = parseInput(summaryRowSchema, row, 'row');
  return rowLogLikelihood(r, alpha, s, beta, c.frequency, c.recency, c.T);
}

/**
 * The log-likelihood of one customer under Pareto/NBD and its gradient in (r, α, s, β), in closed
 * form — what the fitter's BFGS uses.
 *
 * @example
 * paretoNbdLogLikelihoodWithGradient({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, { frequency: 2, recency: 30.43, T: 38.86 }).gradient.r
 */
export function paretoNbdLogLikelihoodWithGradient(
  params: ParetoNbdParams,
  row: SummaryRow,
): { value: number; gradient: ParetoNbdParams } {
  const { r, alpha, s, beta } = parseInput(paretoNbdParamsSchema, params, 'params');
  const c = parseInput(summaryRowSchema, row, 'row');
  const g = new Float64Array(4);
  const shared = { psiR: digamma(r), lnAlpha: Math.log(alpha), lnBeta: Math.log(beta) };
  const value = rowWithGradient(r, alpha, s, beta, c.frequency, c.recency, c.T, 1, shared, g);
  return { value, gradient: { r: g[0]!, alpha: g[1]!, s: g[2]!, beta: g[3]! } };
}

/**
 * Fits Pareto/NBD by maximum likelihood: BFGS on the log-parameters with the analytic gradient
 * (the ₂F₁ series carry their derivatives in a, b and z; the tests hold it to central
 * differences), on identical rows grouped with weights and times rescaled so the longest T is 1. On the CDNOW summary (weeks) it gives
 * r 0.5534, α 10.578, s 0.6061, β 11.669, LL −9594.97 — the published fit.
 *
 * @throws ValidationError for rows outside the summary schema
 * @throws DomainError `MODEL_NOT_IDENTIFIED`, `FIT_NOT_CONVERGED`
 * @example
 * const { params } = fitParetoNbd(summary.customers);
 */
export function fitParetoNbd(
  rows: readonly SummaryRow[],
  options: FitOptions = {},
): ModelFit<ParetoNbdParams> {
  const checked = parseInput(summaryRowsSchema, rows, 'rows');
  const settings = parseInput(fitOptionsSchema, options, 'options');
  const data = groupCheckedRows(checked);
  let repeat = 0;
  for (let i = 0; i < data.size; i++) repeat += data.frequency[i]! * data.weight[i]!;
  if (repeat === 0) {
    throw notIdentifiedError(
      'pareto-nbd',
      'no-repeat-purchases',
      'no customer made a repeat purchase, so purchase rates and drop-out cannot be told apart',
    );
  }
  let scale = 0;
  for (let i = 0; i < data.size; i++) scale = Math.max(scale, data.T[i]!);
  const tx = data.recency.map((v) => v / scale);
  const T = data.T.map((v) => v / scale);
  const total = data.customers;
  const objective = (theta: Float64Array, grad: Float64Array): number => {
    const r = Math.exp(theta[0]!);
    const alpha = Math.exp(theta[1]!);
    const s = Math.exp(theta[2]!);
    const beta = Math.exp(theta[3]!);
    const shared = { psiR: digamma(r), lnAlpha: Math.log(alpha), lnBeta: Math.log(beta) };
    const g = new Float64Array(4);
    let ll = 0;
    try {
      for (let i = 0; i < data.size; i++) {
        ll +=
          data.weight[i]! *
          rowWithGradient(r, alpha, s, beta, data.frequency[i]!, tx[i]!, T[i]!, data.weight[i]!, shared, g);
      }
    } catch {
      // A ₂F₁ argument too close to 1 for the series: outside the region the line search may use.
      return Number.NaN;
    }
    // Mean negative log-likelihood, gradient by the chain rule d/dθ = p d/dp.
    grad[0] = (-g[0]! * r) / total;
    grad[1] = (-g[1]! * alpha) / total;
    grad[2] = (-g[2]! * s) / total;
    grad[3] = (-g[3]! * beta) / total;
    return Number.isFinite(ll) ? -ll / total : Number.NaN;
  };
  const { theta, iterations, evaluations } = fitLogParams(
    'pareto-nbd',
    ['r', 'alpha', 's', 'beta'],
    objective,
    [
      [0, 0, 0, 0],
      [-1, -2, -1, -2],
      [1, 1, 1, 1],
    ],
    settings,
  );
  const params: ParetoNbdParams = {
    r: Math.exp(theta[0]!),
    alpha: Math.exp(theta[1]!) * scale,
    s: Math.exp(theta[2]!),
    beta: Math.exp(theta[3]!) * scale,
  };
  let logLikelihood = 0;
  for (let i = 0; i < data.size; i++) {
    logLikelihood +=
      data.weight[i]! *
      rowLogLikelihood(
        params.r,
        params.alpha,
        params.s,
        params.beta,
        data.frequency[i]!,
        data.recency[i]!,
        data.T[i]!,
      );
  }
  return { params, logLikelihood, customers: total, rows: data.size, iterations, evaluations };
}

/**
 * P(alive | x, t_x, T) under Pareto/NBD: 1 / (1 + s/(r+s+x) (α+T)^(r+x) (β+T)^s A₀).
 *
 * @example
 * paretoNbdProbabilityAlive({ r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 }, { frequency: 26, recency: 30.86, T: 31 }) // 0.9979
 */
export function paretoNbdProbabilityAlive(params: ParetoNbdParams, customer: SummaryRow): number {
  const p = parseInput(paretoNbdParamsSchema, params, 'params');
  const c = parseInput(summaryRowSchema, customer, 'customer');
  return probabilityAlive(p, c.frequency, c.recency, c.T);
}

function probabilityAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const lnOdds =
    Math.log(s) -
    Math.log(r + s + x) +
    (r + x) * Math.log(alpha + T) +
    s * Math.log(beta + T) +
    logA0(r, alpha, s, beta, x, tx, T);
  return 1 / (1 + Math.exp(lnOdds));
}

const horizonSchema = z.number().finite().min(0);

/**
 * E[X(t)] for a new customer under Pareto/NBD: rβ / (α(s−1)) [1 − (β/(β+t))^(s−1)] (the limit
 * rβ/α · ln(1 + t/β) at s = 1).
 *
 * @example
 * paretoNbdExpectedPurchases({ r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 }, 1) // 0.0510
 */
export function paretoNbdExpectedPurchases(params: ParetoNbdParams, t: number): number {
  const { r, alpha, s, beta } = parseInput(paretoNbdParamsSchema, params, 'params');
  const time = parseInput(horizonSchema, t, 't');
  if (time === 0) return 0;
  if (Math.abs(s - 1) < 1e-10) return ((r * beta) / alpha) * Math.log1p(time / beta);
  return ((r * beta) / (alpha * (s - 1))) * (1 - (beta / (beta + time)) ** (s - 1));
}

/**
 * E[Y(t) | x, t_x, T] under Pareto/NBD: (r+x)(β+T) / ((α+T)(s−1)) [1 − ((β+T)/(β+T+t))^(s−1)]
 * × P(alive).
 *
 * @example
 * paretoNbdConditionalExpectedPurchases(
 *   { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 }, { frequency: 26, recency: 30.86, T: 31 }, 52,
 * ) // 25.45
 */
export function paretoNbdConditionalExpectedPurchases(
  params: ParetoNbdParams,
  customer: SummaryRow,
  t: number,
): number {
  const p = parseInput(paretoNbdParamsSchema, params, 'params');
  const c = parseInput(summaryRowSchema, customer, 'customer');
  const time = parseInput(horizonSchema, t, 't');
  return paretoConditionalExpected(p, c.frequency, c.recency, c.T, time);
}

/**
 * E[Y(t) | x, t_x, T] under Pareto/NBD on values already checked (the CLV calls it per month).
 *
 * @example
 * paretoConditionalExpected({ r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 }, 26, 30.86, 31, 52) // 25.45
 */
export function paretoConditionalExpected(
  p: ParetoNbdParams,
  x: number,
  tx: number,
  T: number,
  t: number,
): number {
  if (t === 0) return 0;
  const { r, alpha, s, beta } = p;
  const rate = (r + x) / (alpha + T);
  const alive = probabilityAlive(p, x, tx, T);
  const lifetime =
    Math.abs(s - 1) < 1e-10
      ? (beta + T) * Math.log1p(t / (beta + T))
      : ((beta + T) / (s - 1)) * (1 - ((beta + T) / (beta + T + t)) ** (s - 1));
  return rate * lifetime * alive;
}
