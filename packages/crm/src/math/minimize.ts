import { parseInput, ValidationError } from '@s2b2b/core';
import { z } from 'zod';

/**
 * An objective with its gradient: returns f(x) and writes ∇f(x) into `grad`. It may return a
 * non-finite value where f is undefined; the line search then shortens the step.
 *
 * @example
 * const square: Objective = (x, grad) => { grad[0] = 2 * x[0]!; return x[0]! ** 2; };
 */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

const minimizeOptionsSchema = z
  .object({
    maxIterations: z.number().int().min(1).max(1_000_000).optional(),
    gradientTolerance: z.number().positive().optional(),
  })
  .strict();

/**
 * Options of {@link minimize}.
 *
 * @example
 * const options: MinimizeOptions = { maxIterations: 500, gradientTolerance: 1e-9 };
 */
export interface MinimizeOptions {
  /** Iteration budget (default 500). */
  maxIterations?: number;
  /** Converged when the largest gradient entry is below this (default 1e-8). */
  gradientTolerance?: number;
}

/**
 * What {@link minimize} found.
 *
 * @example
 * const { x, value, converged }: MinimizeResult = minimize(f, [0, 0]);
 */
export interface MinimizeResult {
  x: Float64Array;
  value: number;
  /** The largest gradient entry at `x`. */
  gradientNorm: number;
  iterations: number;
  evaluations: number;
  /**
   * The gradient test passed — or the line search could no longer lower f in floating point with
   * the gradient within 1,000 × the tolerance (the objective's own rounding limit) — rather than the
   * budget ending the run.
   */
  converged: boolean;
}

const C1 = 1e-4;
const C2 = 0.9;

/**
 * Unconstrained quasi-Newton minimisation: BFGS on the inverse Hessian (Nocedal & Wright 2006,
 * Algorithm 6.1) with a line search that satisfies the strong Wolfe conditions (their Algorithms
 * 3.5 and 3.6: bracketing, then zoom by safeguarded cubic interpolation), so every update has
 * positive curvature. The first inverse Hessian is the identity rescaled by sᵀy / yᵀy after the
 * first step. The likelihood fitters run it on log-parameters, which makes positivity a change of
 * variables rather than a constraint.
 *
 * @example
 * const rosenbrock: Objective = (x, g) => {
 *   const [a, b] = [x[0]!, x[1]!];
 *   g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
 *   g[1] = 200 * (b - a * a);
 *   return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
 * };
 * minimize(rosenbrock, [-1.2, 1]).x // ≈ [1, 1]
 */
export function minimize(f: Objective, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  if (typeof f !== 'function') throw ValidationError.field('f', 'Expected an objective function');
  parseInput(z.array(z.number().finite()).min(1), Array.from(x0 ?? []), 'x0');
  parseInput(minimizeOptionsSchema, options, 'options');
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 500;
  const tolerance = options.gradientTolerance ?? 1e-8;
  let evaluations = 0;
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  let fx = f(x, g);
  evaluations++;
  if (!Number.isFinite(fx)) {
    return { x, value: fx, gradientNorm: Number.NaN, iterations: 0, evaluations, converged: false };
  }
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) H[i * n + i] = 1;
  const d = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const Hy = new Float64Array(n);
  let iterations = 0;
  let first = true;
  let stalled = false;

  const phi = (alpha: number): { value: number; slope: number } => {
    for (let i = 0; i < n; i++) xNew[i] = x[i]! + alpha * d[i]!;
    const value = f(xNew, gNew);
    evaluations++;
    let slope = 0;
    for (let i = 0; i < n; i++) slope += gNew[i]! * d[i]!;
    return { value: Number.isFinite(value) && Number.isFinite(slope) ? value : Number.NaN, slope };
  };

  while (iterations < maxIterations) {
    if (maxAbs(g) < tolerance) {
      return { x, value: fx, gradientNorm: maxAbs(g), iterations, evaluations, converged: true };
    }
    // d = −H g
    let slope0 = 0;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum += H[i * n + j]! * g[j]!;
      d[i] = -sum;
      slope0 += g[i]! * d[i]!;
    }
    if (!(slope0 < 0)) {
      // Lost descent (rounding in H): restart from steepest descent.
      H.fill(0);
      for (let i = 0; i < n; i++) {
        H[i * n + i] = 1;
        d[i] = -g[i]!;
      }
      slope0 = -dot(g, g);
      first = true;
    }
    const initial = first ? Math.min(1, 1 / Math.sqrt(dot(d, d))) : 1;
    const step = wolfeSearch(phi, fx, slope0, initial);
    if (step === null) {
      stalled = true;
      break;
    }
    // phi leaves xNew/gNew at the last point evaluated; re-evaluate at the accepted step if needed.
    if (step.evaluatedLast === false) phi(step.alpha);
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i]! - x[i]!;
      y[i] = gNew[i]! - g[i]!;
    }
    const sy = dot(s, y);
    const fPrevious = fx;
    x.set(xNew);
    g.set(gNew);
    fx = step.value;
    iterations++;
    if (sy > 1e-300) {
      if (first) {
        const scale = sy / dot(y, y);
        for (let i = 0; i < n; i++) H[i * n + i] = scale;
        first = false;
      }
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
      const rho = 1 / sy;
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let j = 0; j < n; j++) sum += H[i * n + j]! * y[j]!;
        Hy[i] = sum;
      }
      const yHy = dot(y, Hy);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          H[i * n + j] =
            H[i * n + j]! - rho * (Hy[i]! * s[j]! + s[i]! * Hy[j]!) + (rho * rho * yHy + rho) * s[i]! * s[j]!;
        }
      }
    }
    if (Math.abs(fPrevious - fx) <= 1e-15 * Math.max(1, Math.abs(fx))) {
      stalled = true;
      break;
    }
  }
  const gradientNorm = maxAbs(g);
  // A line search that can no longer lower f in rounding arithmetic, within 1,000 × the tolerance,
  // is at the optimum to the precision the objective has.
  const converged = gradientNorm < tolerance || (stalled && gradientNorm < 1000 * tolerance);
  return { x, value: fx, gradientNorm, iterations, evaluations, converged };
}

interface Accepted {
  alpha: number;
  value: number;
  /** Whether the last call of phi was at `alpha` (so xNew/gNew hold it). */
  evaluatedLast: boolean;
}

function wolfeSearch(
  phi: (alpha: number) => { value: number; slope: number },
  f0: number,
  slope0: number,
  initial: number,
): Accepted | null {
  let alphaPrev = 0;
  let fPrev = f0;
  let slopePrev = slope0;
  let alpha = initial;
  for (let i = 0; i < 60; i++) {
    const { value, slope } = phi(alpha);
    if (Number.isNaN(value)) {
      // Outside the domain: shrink towards the last good point.
      alpha = alphaPrev + (alpha - alphaPrev) / 4;
      if (alpha - alphaPrev < 1e-20) return null;
      continue;
    }
    if (value > f0 + C1 * alpha * slope0 || (i > 0 && value >= fPrev)) {
      return zoom(phi, f0, slope0, alphaPrev, fPrev, slopePrev, alpha, value, slope);
    }
    if (Math.abs(slope) <= -C2 * slope0) return { alpha, value, evaluatedLast: true };
    if (slope >= 0) return zoom(phi, f0, slope0, alpha, value, slope, alphaPrev, fPrev, slopePrev);
    alphaPrev = alpha;
    fPrev = value;
    slopePrev = slope;
    alpha *= 2;
  }
  return null;
}

function zoom(
  phi: (alpha: number) => { value: number; slope: number },
  f0: number,
  slope0: number,
  loIn: number,
  fLoIn: number,
  slopeLoIn: number,
  hiIn: number,
  fHiIn: number,
  slopeHiIn: number,
): Accepted | null {
  let lo = loIn;
  let fLo = fLoIn;
  let slopeLo = slopeLoIn;
  let hi = hiIn;
  let fHi = fHiIn;
  let slopeHi = slopeHiIn;
  for (let i = 0; i < 60; i++) {
    const alpha = interpolate(lo, fLo, slopeLo, hi, fHi, slopeHi);
    const { value, slope } = phi(alpha);
    if (Number.isNaN(value) || value > f0 + C1 * alpha * slope0 || value >= fLo) {
      hi = alpha;
      fHi = Number.isNaN(value) ? Number.POSITIVE_INFINITY : value;
      slopeHi = Number.isNaN(value) ? Number.NaN : slope;
    } else {
      if (Math.abs(slope) <= -C2 * slope0) return { alpha, value, evaluatedLast: true };
      if (slope * (hi - lo) >= 0) {
        hi = lo;
        fHi = fLo;
        slopeHi = slopeLo;
      }
      lo = alpha;
      fLo = value;
      slopeLo = slope;
    }
    if (Math.abs(hi - lo) <= 1e-16 * Math.max(1, Math.abs(lo))) break;
  }
  // The bracket collapsed: accept the best point if it decreased f at all.
  if (lo > 0 && fLo < f0) return { alpha: lo, value: fLo, evaluatedLast: false };
  return null;
}

/** The minimiser of the cubic through both ends, kept inside the middle 80 % of the bracket. */
function interpolate(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  const left = Math.min(a, b);
  const width = Math.abs(b - a);
  let t = Number.NaN;
  if (Number.isFinite(fb) && Number.isFinite(db)) {
    const d1 = da + db - (3 * (fa - fb)) / (a - b);
    const disc = d1 * d1 - da * db;
    if (disc >= 0) {
      const d2 = Math.sign(b - a) * Math.sqrt(disc);
      t = b - ((b - a) * (db + d2 - d1)) / (db - da + 2 * d2);
    }
  }
  if (!Number.isFinite(t) || t < left + 0.1 * width || t > left + 0.9 * width) t = (a + b) / 2;
  return t;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function maxAbs(a: Float64Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]!));
  return max;
}
