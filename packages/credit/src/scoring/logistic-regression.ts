import { DomainError, parseInput } from '@s2b2b/core';
import { z } from 'zod';

/**
 * A fitted logistic regression: ln(p / (1 − p)) = intercept + Σ coefficientsⱼ · xⱼ.
 *
 * @example
 * const fit: LogisticFit = { intercept: 2.3026, coefficients: [1], iterations: 6, logLikelihood: -150.2 }
 */
export interface LogisticFit {
  intercept: number;
  coefficients: number[];
  /** Newton steps taken. */
  iterations: number;
  /** The log-likelihood at the fit. */
  logLikelihood: number;
}

/**
 * Input of `fitLogisticRegression`: one predictor vector per observation (all the same length,
 * possibly empty) and its 0/1 outcome.
 *
 * @example
 * logisticRegressionInputSchema.parse({ rows: [[0.5], [-0.2]], outcomes: [1, 0] })
 */
export const logisticRegressionInputSchema = z
  .object({
    rows: z
      .array(z.array(z.number().refine(Number.isFinite, 'Expected a finite number')).max(1000))
      .min(1)
      .max(10_000_000),
    outcomes: z.array(z.union([z.literal(0), z.literal(1)])).max(10_000_000),
    maxIterations: z.int().min(1).max(10_000).default(100),
    tolerance: z.number().positive().max(1).default(1e-10),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.outcomes.length !== value.rows.length) {
      ctx.addIssue({ code: 'custom', path: ['outcomes'], message: 'Expected one outcome per row' });
    }
    const width = value.rows[0]?.length ?? 0;
    value.rows.forEach((row, i) => {
      if (row.length !== width) {
        ctx.addIssue({
          code: 'custom',
          path: ['rows', i],
          message: `Expected ${width} predictors, as row 0`,
        });
      }
    });
  });

/**
 * Input of `fitLogisticRegression` as the caller writes it.
 *
 * @example
 * const input: LogisticRegressionInput = { rows: [[0.5], [-0.2]], outcomes: [1, 0] }
 */
export type LogisticRegressionInput = z.input<typeof logisticRegressionInputSchema>;

/**
 * Fits a logistic regression of a 0/1 outcome on numeric predictors by Newton–Raphson
 * (iteratively reweighted least squares) to maximum likelihood, in plain `Float64Array`
 * arithmetic. Stops when no coefficient moves by more than `tolerance` (default 1e-10,
 * relative to its size); the fit is as exact as the data's conditioning allows (about 1e-9 on
 * well-conditioned WOE inputs).
 *
 * Every predictor should vary; perfectly separated data has no finite maximum and ends in
 * `LOGISTIC_NOT_CONVERGED`.
 *
 * @throws ValidationError naming the field (mismatched lengths, outcomes not 0/1, non-finite
 *   values); DomainError `LOGISTIC_ONE_CLASS` when only one outcome occurs,
 *   `LOGISTIC_NOT_CONVERGED` (separation, a constant or collinear predictor)
 * @example
 * // One WOE predictor of a saturated model: intercept = ln(goods / bads), coefficient 1.
 * // Bin 1: 3 goods, 1 bad (WOE ln(9/4)); bin 2: 1 good, 2 bads (WOE ln(3/8)).
 * const a = Math.log(9 / 4), b = Math.log(3 / 8)
 * fitLogisticRegression({ rows: [[a], [a], [a], [a], [b], [b], [b]], outcomes: [1, 1, 1, 0, 1, 0, 0] })
 * // { intercept: 0.28768… (ln 4/3), coefficients: [1.0000…], ... }
 */
export function fitLogisticRegression(input: LogisticRegressionInput): LogisticFit {
  const parsed = parseInput(logisticRegressionInputSchema, input);
  return fitLogistic(parsed.rows, parsed.outcomes, parsed);
}

/**
 * The Newton–Raphson fit on validated arrays. Internal (not exported from the package).
 *
 * @example
 * fitLogistic([[], [], [], []], [1, 1, 1, 0]).intercept // ln 3
 */
export function fitLogistic(
  rows: readonly (readonly number[])[],
  outcomes: readonly number[],
  options: { maxIterations?: number; tolerance?: number } = {},
): LogisticFit {
  const n = rows.length;
  const p = (rows[0]?.length ?? 0) + 1;
  let positives = 0;
  for (let i = 0; i < n; i += 1) positives += outcomes[i]!;
  if (positives === 0 || positives === n) {
    throw new DomainError('LOGISTIC_ONE_CLASS', 'A logistic regression needs both outcomes, 0 and 1', {
      observations: n,
      positives,
    });
  }

  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-10;
  const beta = new Float64Array(p);
  beta[0] = Math.log(positives / (n - positives));
  const x = new Float64Array(p);
  for (let iteration = 1; iteration <= maxIterations; iteration += 1) {
    const gradient = new Float64Array(p);
    const hessian = new Float64Array(p * p);
    for (let i = 0; i < n; i += 1) {
      const row = rows[i]!;
      x[0] = 1;
      for (let j = 1; j < p; j += 1) x[j] = row[j - 1]!;
      let eta = 0;
      for (let j = 0; j < p; j += 1) eta += beta[j]! * x[j]!;
      const mu = 1 / (1 + Math.exp(-eta));
      const w = mu * (1 - mu);
      const r = outcomes[i]! - mu;
      for (let j = 0; j < p; j += 1) {
        gradient[j] = gradient[j]! + r * x[j]!;
        for (let k = 0; k <= j; k += 1) hessian[j * p + k] = hessian[j * p + k]! + w * x[j]! * x[k]!;
      }
    }
    const step = solveSymmetric(hessian, gradient, p);
    if (!step)
      notConverged(iteration, 'the information matrix is singular (a constant or collinear predictor)');
    let moved = 0;
    for (let j = 0; j < p; j += 1) {
      beta[j] = beta[j]! + step[j]!;
      moved = Math.max(moved, Math.abs(step[j]!) / Math.max(1, Math.abs(beta[j]!)));
    }
    if (!beta.every(Number.isFinite) || Math.max(...beta.map(Math.abs)) > 1e6) {
      notConverged(iteration, 'the coefficients diverge (the outcomes are separable)');
    }
    if (moved <= tolerance) {
      return {
        intercept: beta[0]!,
        coefficients: Array.from(beta.subarray(1)),
        iterations: iteration,
        logLikelihood: logLikelihood(rows, outcomes, beta),
      };
    }
  }
  return notConverged(maxIterations, 'the iteration limit was reached (the outcomes may be separable)');
}

function logLikelihood(
  rows: readonly (readonly number[])[],
  outcomes: readonly number[],
  beta: Float64Array,
): number {
  let ll = 0;
  rows.forEach((row, i) => {
    let eta = beta[0]!;
    row.forEach((v, j) => {
      eta += beta[j + 1]! * v;
    });
    // ln σ(η) = −ln(1 + e^(−η)), written to stay finite for large |η|
    const logP = eta >= 0 ? -Math.log1p(Math.exp(-eta)) : eta - Math.log1p(Math.exp(eta));
    const log1mP = logP - eta;
    ll += outcomes[i] === 1 ? logP : log1mP;
  });
  return ll;
}

/** Solves H·s = g for a symmetric positive definite H (lower triangle filled) by Cholesky; null if singular. */
function solveSymmetric(h: Float64Array, g: Float64Array, p: number): Float64Array | null {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j += 1) {
    let d = h[j * p + j]!;
    for (let k = 0; k < j; k += 1) d -= l[j * p + k]! ** 2;
    if (!(d > 1e-12 * Math.max(1, h[j * p + j]!))) return null;
    const root = Math.sqrt(d);
    l[j * p + j] = root;
    for (let i = j + 1; i < p; i += 1) {
      let s = h[i * p + j]!;
      for (let k = 0; k < j; k += 1) s -= l[i * p + k]! * l[j * p + k]!;
      l[i * p + j] = s / root;
    }
  }
  const y = new Float64Array(p);
  for (let i = 0; i < p; i += 1) {
    let s = g[i]!;
    for (let k = 0; k < i; k += 1) s -= l[i * p + k]! * y[k]!;
    y[i] = s / l[i * p + i]!;
  }
  const s = new Float64Array(p);
  for (let i = p - 1; i >= 0; i -= 1) {
    let t = y[i]!;
    for (let k = i + 1; k < p; k += 1) t -= l[k * p + i]! * s[k]!;
    s[i] = t / l[i * p + i]!;
  }
  return s;
}

function notConverged(iterations: number, why: string): never {
  throw new DomainError('LOGISTIC_NOT_CONVERGED', `The logistic regression did not converge: ${why}`, {
    iterations,
  });
}
