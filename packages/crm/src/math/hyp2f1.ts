import { DomainError } from '@s2b2b/core';

/**
 * The most series terms {@link hyp2f1} adds before it gives up.
 *
 * @example
 * HYP2F1_MAX_TERMS // 1000000
 */
export const HYP2F1_MAX_TERMS = 1_000_000;

/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for `0 ≤ z < 1` and `a, b, c > 0`, by its
 * power series Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ, summed until a term adds less than 1e-16 of the sum
 * (relative error about 1e-15 times the number of terms; a few dozen at the arguments the BTYD
 * predictions use, z = t / (α + T + t)). The terms are positive, so there is no cancellation.
 *
 * @throws DomainError `HYPERGEOMETRIC_DIVERGES` when `z ≥ 1` or the series has not converged
 *   after {@link HYP2F1_MAX_TERMS} terms (z within about 1e-5 of 1)
 * @example
 * hyp2f1(1, 1, 2, 0.5) // 1.3862943611198906 (= −ln(1 − z) / z)
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (z === 0) return 1;
  if (!(z < 1) || !(z > -1)) {
    throw new DomainError('HYPERGEOMETRIC_DIVERGES', `₂F₁ series needs |z| < 1, got ${z}`, { a, b, c, z });
  }
  let term = 1;
  let sum = 1;
  for (let n = 0; n < HYP2F1_MAX_TERMS; n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    sum += term;
    if (Math.abs(term) <= 1e-16 * Math.abs(sum)) return sum;
  }
  throw new DomainError('HYPERGEOMETRIC_DIVERGES', `₂F₁(${a}, ${b}; ${c}; ${z}) did not converge`, {
    a,
    b,
    c,
    z,
  });
}

/**
 * The most terms {@link logHyp2f1Shifted} adds (enough for z up to 1 − 4e-6).
 *
 * @example
 * SHIFTED_MAX_TERMS // 10000000
 */
export const SHIFTED_MAX_TERMS = 10_000_000;

/**
 * ln ₂F₁(a, b; a + 1; z) for `0 ≤ z < 1`, `a, b > 0`: the case the Pareto/NBD likelihood needs.
 * By Euler's transformation ₂F₁(a, b; a + 1; z) = (1 − z)^(1 − b) ₂F₁(1, a + 1 − b; a + 1; z); the
 * second series has positive terms whose ratio (a + 1 − b + n) z / (a + 1 + n) stays below z, so
 * it never grows, never overflows, and converges geometrically, while the factor (1 − z)^(1 − b)
 * — which alone carries the size when b is large (a customer with hundreds of purchases) — is
 * taken in log space. Relative error about 1e-15 per term added.
 *
 * @throws DomainError `HYPERGEOMETRIC_DIVERGES` when `z ≥ 1`, or z so close to 1 that
 *   {@link SHIFTED_MAX_TERMS} terms do not converge
 * @example
 * Math.exp(logHyp2f1Shifted(1, 1, 0.5)) // 1.3862943611198906 (= −ln(1 − z) / z)
 */
export function logHyp2f1Shifted(a: number, b: number, z: number): number {
  if (z === 0) return 0;
  if (!(z < 1) || !(z >= 0)) {
    throw new DomainError('HYPERGEOMETRIC_DIVERGES', `₂F₁(a, b; a + 1; z) needs 0 ≤ z < 1, got ${z}`, {
      a,
      b,
      z,
    });
  }
  const shifted = a + 1 - b;
  // Outside the case the transformation is for (b ≥ a + 1), the plain series.
  if (shifted <= 0) return Math.log(hyp2f1(a, b, a + 1, z));
  let term = 1;
  let sum = 1;
  for (let n = 0; n < SHIFTED_MAX_TERMS; n++) {
    term *= ((shifted + n) * z) / (a + 1 + n);
    sum += term;
    if (term <= 1e-16 * sum) return (1 - b) * Math.log1p(-z) + Math.log(sum);
  }
  throw new DomainError('HYPERGEOMETRIC_DIVERGES', `₂F₁(${a}, ${b}; ${a + 1}; ${z}) did not converge`, {
    a,
    b,
    z,
  });
}
