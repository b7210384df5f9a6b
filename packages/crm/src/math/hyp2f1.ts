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

/**
 * {@link logHyp2f1Shifted} with its partial derivatives in a, b and z, summed alongside the
 * series: ∂ ln τₙ/∂a = Σₖ 1/(c+k−1) − 1/(a+k), ∂ ln τₙ/∂b = −Σₖ 1/(c+k−1) and ∂ ln τₙ/∂z = n/z for
 * the terms τₙ of the transformed series (c = a + 1 − b), plus the derivatives of the factor
 * (1 − z)^(1 − b). Needs b < a + 1 (true for both Pareto/NBD branches). Returns
 * `[value, ∂/∂a, ∂/∂b, ∂/∂z]`.
 *
 * @throws DomainError `HYPERGEOMETRIC_DIVERGES` as {@link logHyp2f1Shifted}
 * @example
 * logHyp2f1ShiftedWithGradient(2.5, 1.3, 0.4)[0] === logHyp2f1Shifted(2.5, 1.3, 0.4) // true
 */
export function logHyp2f1ShiftedWithGradient(
  a: number,
  b: number,
  z: number,
): [number, number, number, number] {
  const shifted = a + 1 - b;
  if (!(z < 1) || !(z >= 0) || !(shifted > 0)) {
    throw new DomainError(
      'HYPERGEOMETRIC_DIVERGES',
      `₂F₁(a, b; a + 1; z) with a gradient needs 0 ≤ z < 1 and b < a + 1`,
      {
        a,
        b,
        z,
      },
    );
  }
  const lnOneMinusZ = Math.log1p(-z);
  if (z === 0) return [0, 0, 0, (a * b) / (a + 1)];
  let term = 1;
  let sum = 1;
  let sumA = 0;
  let sumB = 0;
  let sumZ = 0;
  let dLogA = 0;
  let dLogB = 0;
  for (let n = 1; n <= SHIFTED_MAX_TERMS; n++) {
    const inverseC = 1 / (shifted + n - 1);
    dLogA += inverseC - 1 / (a + n);
    dLogB -= inverseC;
    term *= ((shifted + n - 1) * z) / (a + n);
    sum += term;
    sumA += term * dLogA;
    sumB += term * dLogB;
    sumZ += term * n;
    // The derivative sums weight term n by at most n (|∂ ln τₙ| grows like ln n, ∂/∂z like n).
    if (term * n <= 1e-16 * sum) {
      return [
        (1 - b) * lnOneMinusZ + Math.log(sum),
        sumA / sum,
        -lnOneMinusZ + sumB / sum,
        -(1 - b) / (1 - z) + sumZ / (z * sum),
      ];
    }
  }
  throw new DomainError('HYPERGEOMETRIC_DIVERGES', `₂F₁(${a}, ${b}; ${a + 1}; ${z}) did not converge`, {
    a,
    b,
    z,
  });
}
