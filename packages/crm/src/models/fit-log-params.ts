import { minimize, type Objective } from '../math/minimize.js';
import { notConvergedError, notIdentifiedError } from './errors.js';

/**
 * How far a log-parameter may run before the fit counts as reaching the boundary (e^±15: a
 * parameter below 3.1e-7 or above 3.3e6, on times scaled so the longest T is 1 and spend scaled
 * by its mean). Past it the likelihood is flat in some direction — Gamma-Gamma's q and v growing
 * together when customers do not differ in spend, BG/NBD's a → 0 when nobody drops out.
 *
 * @example
 * LOG_PARAMETER_LIMIT // 15
 */
export const LOG_PARAMETER_LIMIT = 15;

/**
 * Minimises a negative log-likelihood over log-parameters from each start in turn and keeps the
 * best end point, adding `penalty · Σ θᵢ²`. Throws `MODEL_NOT_IDENTIFIED` (reason `boundary`) when
 * the best point has a log-parameter beyond ±{@link LOG_PARAMETER_LIMIT} — the likelihood rises
 * towards a limit where the model degenerates — and `FIT_NOT_CONVERGED` when no start reached a
 * stationary point.
 *
 * @example
 * const { theta } = fitLogParams('bg-nbd', ['r', 'alpha', 'a', 'b'], objective, [[0, 0, 0, 0]], {});
 */
export function fitLogParams(
  model: string,
  names: readonly string[],
  objective: Objective,
  starts: readonly (readonly number[])[],
  options: { maxIterations?: number | undefined; penalty?: number | undefined },
): { theta: Float64Array; iterations: number; evaluations: number } {
  const penalty = options.penalty ?? 0;
  const penalised: Objective =
    penalty === 0
      ? objective
      : (theta, grad) => {
          const value = objective(theta, grad);
          let extra = 0;
          for (let i = 0; i < theta.length; i++) {
            extra += theta[i]! * theta[i]!;
            grad[i]! += 2 * penalty * theta[i]!;
          }
          return value + penalty * extra;
        };
  let best: ReturnType<typeof minimize> | undefined;
  let iterations = 0;
  let evaluations = 0;
  for (const start of starts) {
    const result = minimize(penalised, start, { maxIterations: options.maxIterations ?? 500 });
    iterations += result.iterations;
    evaluations += result.evaluations;
    if (Number.isFinite(result.value) && (!best || result.value < best.value - 1e-12)) best = result;
    if (best?.converged && !atBoundary(best.x)) break;
  }
  if (!best) {
    throw notIdentifiedError(
      model,
      'no-finite-likelihood',
      'the likelihood is not finite at any start point',
    );
  }
  if (atBoundary(best.x)) {
    const at: Record<string, number> = {};
    names.forEach((name, i) => {
      at[name] = Math.exp(best.x[i]!);
    });
    throw notIdentifiedError(
      model,
      'boundary',
      `the likelihood keeps rising towards a boundary (${names
        .map((name, i) => `${name} = ${Math.exp(best.x[i]!).toPrecision(3)}`)
        .join(', ')}): the data cannot identify the model`,
      { at },
    );
  }
  if (!best.converged) throw notConvergedError(model, iterations, best.gradientNorm);
  return { theta: best.x, iterations, evaluations };
}

function atBoundary(theta: Float64Array): boolean {
  for (let i = 0; i < theta.length; i++) if (Math.abs(theta[i]!) > LOG_PARAMETER_LIMIT) return true;
  return false;
}

/**
 * Central-difference gradient of `value` at `theta` (step 1e-5 relative in log space: error of
 * order 1e-10 on smooth likelihoods). For models whose derivatives have no convenient closed form.
 *
 * @example
 * const objective = withNumericGradient((theta) => meanNegLogLikelihood(theta));
 */
export function withNumericGradient(value: (theta: Float64Array) => number): Objective {
  return (theta, grad) => {
    const f = value(theta);
    if (!Number.isFinite(f)) return f;
    const probe = Float64Array.from(theta);
    for (let i = 0; i < theta.length; i++) {
      const h = 1e-5 * Math.max(1, Math.abs(theta[i]!));
      probe[i] = theta[i]! + h;
      const up = value(probe);
      probe[i] = theta[i]! - h;
      const down = value(probe);
      probe[i] = theta[i]!;
      grad[i] = (up - down) / (2 * h);
    }
    return f;
  };
}
