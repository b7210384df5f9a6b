import { describe, expect, it } from 'vitest';
import { hyp2f1, logHyp2f1Shifted } from './hyp2f1.js';

// ln ₂F₁(a, b; a + 1; z) from SciPy 1.17 (scipy.special.hyp2f1).
const cases: [number, number, number, number][] = [
  [0.7, 1.6, 0.5, 0.45317859464726556],
  [3.2, 1.6, 0.89, 2.3380843363210104],
  [3.2, 1.6, 0.91, 2.5181481313558596],
  [0.8, 1.6, 0.95, 2.0114700460457415],
  [5, 0.3, 0.999, 0.7426651919027675],
  [30, 1.6, 0.99999, 10.803580975013794],
  [0.5, 12, 0.95, 29.9159573847517],
  [413.5, 410.465, 0.3596, 182.48662253016823],
];

describe('hypergeometric ₂F₁', () => {
  it('has the closed form −ln(1 − z)/z at (1, 1; 2; z)', () => {
    for (const z of [0.1, 0.5, 0.9]) expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log1p(-z) / z, 14);
  });

  it('ln ₂F₁(a, b; a + 1; z) matches SciPy to 1e-12 from z = 0.36 to z = 0.99999, also where the value is e^182', () => {
    for (const [a, b, z, expected] of cases) {
      expect(Math.abs(logHyp2f1Shifted(a, b, z) - expected)).toBeLessThan(1e-11 * Math.max(1, expected));
    }
  });

  it('agrees with the plain series where both converge', () => {
    expect(logHyp2f1Shifted(2.5, 1.3, 0.4)).toBeCloseTo(Math.log(hyp2f1(2.5, 1.3, 3.5, 0.4)), 13);
  });

  it('refuses z ≥ 1 with HYPERGEOMETRIC_DIVERGES', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(expect.objectContaining({ code: 'HYPERGEOMETRIC_DIVERGES' }));
    expect(() => logHyp2f1Shifted(1, 1, 1)).toThrow(
      expect.objectContaining({ code: 'HYPERGEOMETRIC_DIVERGES' }),
    );
  });
});
