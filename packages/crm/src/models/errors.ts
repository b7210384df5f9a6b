import { DomainError, type JsonValue } from '@s2b2b/core';

/**
 * Every `DomainError` code the model fitters and predictors throw, with what it means.
 *
 * @example
 * if (error.code === 'MODEL_NOT_IDENTIFIED') fallBackToRfm();
 */
export const MODEL_ERROR_CODES = Object.freeze({
  MODEL_NOT_IDENTIFIED:
    'The data cannot determine the parameters: no repeat purchases, no variation in spend, or the likelihood keeps rising towards a boundary (details.reason says which).',
  FIT_NOT_CONVERGED:
    'The optimiser used its iteration budget without reaching a stationary point (raise maxIterations, or add a small penalty).',
  HYPERGEOMETRIC_DIVERGES:
    'A ₂F₁ series was asked for at |z| ≥ 1 or did not converge (a horizon far beyond the data).',
} as const);

/**
 * One of {@link MODEL_ERROR_CODES}.
 *
 * @example
 * const code: ModelErrorCode = 'MODEL_NOT_IDENTIFIED';
 */
export type ModelErrorCode = keyof typeof MODEL_ERROR_CODES;

/**
 * `MODEL_NOT_IDENTIFIED` for `model`, with the reason.
 *
 * @example
 * throw notIdentifiedError('bg-nbd', 'no-repeat-purchases', 'No customer made a repeat purchase');
 */
export function notIdentifiedError(
  model: string,
  reason: string,
  message: string,
  details: Record<string, JsonValue> = {},
): DomainError {
  return new DomainError('MODEL_NOT_IDENTIFIED', `${model}: ${message}`, { model, reason, ...details });
}

/**
 * `FIT_NOT_CONVERGED` for `model`.
 *
 * @example
 * throw notConvergedError('pareto-nbd', 500, 3e-4);
 */
export function notConvergedError(model: string, iterations: number, gradientNorm: number): DomainError {
  return new DomainError(
    'FIT_NOT_CONVERGED',
    `${model}: no convergence after ${iterations} iterations (largest gradient ${gradientNorm.toExponential(2)})`,
    { model, iterations, gradientNorm },
  );
}
