import { parseInput } from '@s2b2b/core';
import { z } from 'zod';
import { hyp2f1 } from '../math/hyp2f1.js';
import { digamma, lnBeta, lnGamma, logAddExp } from '../math/special.js';
import { notIdentifiedError } from './errors.js';
import { fitLogParams } from './fit-log-params.js';
import type { ModelFit } from './fit-result.js';
import { groupCheckedRows } from './group-rows.js';
import {
  type BgNbdParams,
  bgNbdParamsSchema,
  type FitOptions,
  fitOptionsSchema,
  type SummaryRow,
  summaryRowSchema,
  summaryRowsSchema,
} from './schemas.js';

/**
 * The log-likelihood of one customer under BG/NBD (Fader, Hardie & Lee 2005, eq. 6), in the
 * numerically stable form of Hardie's note 027: ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) −
 * ln B(a, b) + ln[(α+T)^−(r+x) + 1{x>0} a/(b+x−1) (α+t_x)^−(r+x)], the last term by log-sum-exp.
 *
 * @example
 * bgNbdLogLikelihood({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, { frequency: 0, recency: 0, T: 40 }) // -0.59947382
 */
export function bgNbdLogLikelihood(params: BgNbdParams, row: SummaryRow): number {
  const { r, alpha, a, b } = parseInput(bgNbdParamsSchema, params, 'params');
  const { frequency: x, recency, T } = parseInput(summaryRowSchema, row, 'row');
  return rowLogLikelihood(r, alpha, a, b, x, recency, T);
}

function rowLogLikelihood(r: number, alpha: number, a: number, b: number, x: number, tx: number, T: number) {
  const a1 = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha);
  const a2 = lnBeta(a, b + x) - lnBeta(a, b);
  const a3 = -(r + x) * Math.log(alpha + T);
  if (x === 0) return a1 + a2 + a3;
  const a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  return a1 + a2 + logAddExp(a3, a4);
}

/**
 * Fits BG/NBD by maximum likelihood: BFGS on the log-parameters with the analytic gradient, on
 * identical rows grouped with weights and times rescaled so that the longest T is 1 (α is scaled
 * back). Converges to a largest gradient entry below 1e-8 of the mean log-likelihood. On the
 * CDNOW summary (weeks) it gives r 0.2426, α 4.4135, a 0.7929, b 2.4259, LL −9582.43 — the
 * published fit.
 *
 * @throws ValidationError for rows outside {@link summaryRowSchema}
 * @throws DomainError `MODEL_NOT_IDENTIFIED` (no repeat purchases, or a boundary), `FIT_NOT_CONVERGED`
 * @example
 * const { params, logLikelihood } = fitBgNbd(summary.customers);
 */
export function fitBgNbd(rows: readonly SummaryRow[], options: FitOptions = {}): ModelFit<BgNbdParams> {
  const checked = parseInput(summaryRowsSchema, rows, 'rows');
  const settings = parseInput(fitOptionsSchema, options, 'options');
  const data = groupCheckedRows(checked);
  let repeat = 0;
  for (let i = 0; i < data.size; i++) repeat += data.frequency[i]! * data.weight[i]!;
  if (repeat === 0) {
    throw notIdentifiedError(
      'bg-nbd',
      'no-repeat-purchases',
      'no customer made a repeat purchase, so purchase rates and drop-out cannot be told apart',
    );
  }
  let scale = 0;
  for (let i = 0; i < data.size; i++) scale = Math.max(scale, data.T[i]!);
  const tx = data.recency.map((v) => v / scale);
  const T = data.T.map((v) => v / scale);
  const x = data.frequency;
  const w = data.weight;
  const total = data.customers;
  // The gamma-function terms depend on the frequency only: evaluate them once per distinct x.
  const distinct = [...new Set(x)].sort((p, q) => p - q);
  const slot = new Map(distinct.map((value, k) => [value, k]));
  const xIndex = Int32Array.from(x, (value) => slot.get(value)!);
  const weightOfX = new Float64Array(distinct.length);
  for (let i = 0; i < data.size; i++) weightOfX[xIndex[i]!]! += w[i]!;
  const objective = (theta: Float64Array, grad: Float64Array): number => {
    const r = Math.exp(theta[0]!);
    const alpha = Math.exp(theta[1]!);
    const a = Math.exp(theta[2]!);
    const b = Math.exp(theta[3]!);
    const psiR = digamma(r);
    const psiB = digamma(b);
    const psiAB = digamma(a + b);
    const lnGammaR = lnGamma(r);
    const lnBetaAB = lnBeta(a, b);
    const lnAlpha = Math.log(alpha);
    let ll = 0;
    let gr = 0;
    let gAlpha = 0;
    let ga = 0;
    let gb = 0;
    for (let k = 0; k < distinct.length; k++) {
      const xk = distinct[k]!;
      const wk = weightOfX[k]!;
      if (xk === 0) continue;
      const psiABx = digamma(a + b + xk);
      ll += wk * (lnGamma(r + xk) - lnGammaR + lnBeta(a, b + xk) - lnBetaAB);
      gr += wk * (digamma(r + xk) - psiR);
      ga += wk * (psiAB - psiABx);
      gb += wk * (digamma(b + xk) - psiB + psiAB - psiABx);
    }
    for (let i = 0; i < data.size; i++) {
      const xi = x[i]!;
      const wi = w[i]!;
      const rx = r + xi;
      const alphaT = alpha + T[i]!;
      const logAT = Math.log(alphaT);
      const a3 = -rx * logAT;
      let term = a3;
      let dR = -logAT;
      let dAlpha = -rx / alphaT;
      if (xi > 0) {
        const alphaTx = alpha + tx[i]!;
        const logAtx = Math.log(alphaTx);
        const a4 = Math.log(a / (b + xi - 1)) - rx * logAtx;
        term = logAddExp(a3, a4);
        const w4 = Math.exp(a4 - term);
        const w3 = 1 - w4;
        dR = -(w3 * logAT + w4 * logAtx);
        dAlpha = -rx * (w3 / alphaT + w4 / alphaTx);
        ga += wi * (w4 / a);
        gb -= wi * (w4 / (b + xi - 1));
      }
      ll += wi * (r * lnAlpha + term);
      gr += wi * (lnAlpha + dR);
      gAlpha += wi * (r / alpha + dAlpha);
    }
    // Mean negative log-likelihood, gradient by the chain rule d/dθ = p d/dp.
    grad[0] = (-gr * r) / total;
    grad[1] = (-gAlpha * alpha) / total;
    grad[2] = (-ga * a) / total;
    grad[3] = (-gb * b) / total;
    return -ll / total;
  };
  const { theta, iterations, evaluations } = fitLogParams(
    'bg-nbd',
    ['r', 'alpha', 'a', 'b'],
    objective,
    [
      [0, 0, 0, 0],
      [-1, -2, -0.5, 1],
      [1, 1, 1, 1],
    ],
    settings,
  );
  const params: BgNbdParams = {
    r: Math.exp(theta[0]!),
    alpha: Math.exp(theta[1]!) * scale,
    a: Math.exp(theta[2]!),
    b: Math.exp(theta[3]!),
  };
  let logLikelihood = 0;
  for (let i = 0; i < data.size; i++) {
    logLikelihood +=
      w[i]! *
      rowLogLikelihood(params.r, params.alpha, params.a, params.b, x[i]!, data.recency[i]!, data.T[i]!);
  }
  return { params, logLikelihood, customers: total, rows: data.size, iterations, evaluations };
}

const horizonSchema = z.number().finite().min(0);

/**
 * E[X(t)]: the purchases a new customer is expected to make in `t` time units (FHL 2005 eq. 9).
 *
 * @example
 * bgNbdExpectedPurchases({ r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4259 }, 78) // ≈ 1.858
 */
export function bgNbdExpectedPurchases(params: BgNbdParams, t: number): number {
  const { r, alpha, a, b } = parseInput(bgNbdParamsSchema, params, 'params');
  const time = parseInput(horizonSchema, t, 't');
  if (time === 0) return 0;
  const z = time / (alpha + time);
  return ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + time)) ** r * hyp2f1(r, b, a + b - 1, z));
}

/**
 * E[Y(t) | x, t_x, T]: the purchases a customer with this history is expected to make in the
 * next `t` time units (FHL 2005 eq. 10). An expected count, not a probability.
 *
 * @example
 * bgNbdConditionalExpectedPurchases(
 *   { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { frequency: 2, recency: 30.43, T: 38.86 }, 39,
 * ) // 1.226
 */
export function bgNbdConditionalExpectedPurchases(
  params: BgNbdParams,
  customer: SummaryRow,
  t: number,
): number {
  const p = parseInput(bgNbdParamsSchema, params, 'params');
  const c = parseInput(summaryRowSchema, customer, 'customer');
  const time = parseInput(horizonSchema, t, 't');
  return conditionalExpected(p, c.frequency, c.recency, c.T, time);
}

/**
 * E[Y(t) | x, t_x, T] on values already checked (the CLV calls it per month without re-parsing).
 *
 * @example
 * conditionalExpected({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 2, 30.43, 38.86, 39) // 1.226
 */
export function conditionalExpected(p: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  if (t === 0) return 0;
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const numerator =
    ((a + b + x - 1) / (a - 1)) *
    (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z));
  return numerator / aliveOdds(p, x, tx, T);
}

/** 1 + 1{x>0} a/(b+x−1) ((α+T)/(α+t_x))^(r+x): P(alive) is its reciprocal. */
function aliveOdds(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = p;
  return 1 + (a / (b + x - 1)) * Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + tx)));
}

/**
 * P(alive | x, t_x, T) under BG/NBD. Exactly 1 for a customer without repeat purchases: in BG/NBD
 * a customer can only drop out right after a purchase (structural, not a bug).
 *
 * @example
 * bgNbdProbabilityAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { frequency: 2, recency: 30.43, T: 38.86 }) // 0.7266
 */
export function bgNbdProbabilityAlive(params: BgNbdParams, customer: SummaryRow): number {
  const p = parseInput(bgNbdParamsSchema, params, 'params');
  const c = parseInput(summaryRowSchema, customer, 'customer');
  return 1 / aliveOdds(p, c.frequency, c.recency, c.T);
}

/**
 * P(X(t) = n): the probability that a new customer makes exactly `n` purchases in `t` time units
 * (FHL 2005 eq. 8).
 *
 * @example
 * bgNbdPurchaseProbability({ r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4259 }, 0, 39) // ≈ 0.5738
 */
export function bgNbdPurchaseProbability(params: BgNbdParams, n: number, t: number): number {
  const { r, alpha, a, b } = parseInput(bgNbdParamsSchema, params, 'params');
  const count = parseInput(z.number().int().min(0).max(1_000_000), n, 'n');
  const time = parseInput(horizonSchema, t, 't');
  if (time === 0) return count === 0 ? 1 : 0;
  const lnB = lnBeta(a, b);
  const lnP = Math.log(alpha / (alpha + time));
  const lnQ = Math.log(time / (alpha + time));
  const first = Math.exp(
    lnBeta(a, b + count) - lnB + lnGamma(r + count) - lnGamma(r) - lnGamma(count + 1) + r * lnP + count * lnQ,
  );
  if (count === 0) return first;
  let partial = 0;
  for (let j = 0; j < count; j++) {
    partial += Math.exp(lnGamma(r + j) - lnGamma(r) - lnGamma(j + 1) + j * lnQ);
  }
  const second = Math.exp(lnBeta(a + 1, b + count - 1) - lnB) * (1 - Math.exp(r * lnP) * partial);
  return first + second;
}
