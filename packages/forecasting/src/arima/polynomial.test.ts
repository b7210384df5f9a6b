import { describe, expect, it } from 'vitest';
import { differencingPolynomial, expandAr, expandMa, multiplyAr, psiWeights } from './polynomial.js';

describe('lag polynomials', () => {
  it('expands (1 − φB)(1 − ΦB^m) and (1 + θB)(1 + ΘB^m)', () => {
    // (1 − 0.5B)(1 − 0.3B⁴) = 1 − 0.5B − 0.3B⁴ + 0.15B⁵
    expect(Array.from(expandAr([0.5], [0.3], 4))).toEqual([0.5, 0, 0, 0.3, -0.15]);
    // (1 + 0.4B)(1 + 0.5B²) = 1 + 0.4B + 0.5B² + 0.2B³
    expect(Array.from(expandMa([0.4], [0.5], 2)).map((v) => +v.toFixed(12))).toEqual([0.4, 0.5, 0.2]);
    expect(Array.from(expandAr([0.2, 0.1], [], 12))).toEqual([0.2, 0.1]);
    expect(expandMa([], [], 12)).toHaveLength(0);
  });

  it('multiplies out the differencing operator', () => {
    expect(differencingPolynomial(1, 0, 1)).toEqual([1]);
    // (1 − B)² = 1 − 2B + B²
    expect(differencingPolynomial(2, 0, 1)).toEqual([2, -1]);
    // (1 − B)(1 − B⁴) = 1 − B − B⁴ + B⁵
    expect(differencingPolynomial(1, 1, 4)).toEqual([1, 0, 0, 1, -1]);
    expect(differencingPolynomial(0, 0, 12)).toEqual([]);
  });

  it('computes ψ-weights: ARMA(1,1) has ψ_j = (φ + θ)φ^{j−1}', () => {
    const psi = psiWeights([0.5], [0.4], 6);
    expect(psi[0]).toBe(1);
    for (let j = 1; j < 6; j++) expect(psi[j]).toBeCloseTo(0.9 * 0.5 ** (j - 1), 14);
    // random walk: all ones
    expect(Array.from(psiWeights([1], [], 4))).toEqual([1, 1, 1, 1]);
  });

  it('folds differencing into the AR side', () => {
    // (1 − 0.5B)(1 − B) = 1 − 1.5B + 0.5B²
    expect(Array.from(multiplyAr([0.5], [1]))).toEqual([1.5, -0.5]);
  });
});
