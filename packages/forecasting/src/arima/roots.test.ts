import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invertMa, minRootModulus, polynomialRoots, rootsOnUnitCircle } from './roots.js';

const sorted = (r: { re: number[]; im: number[] }) =>
  r.re.map((re, i) => [re, r.im[i]!] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);

describe('polynomial roots', () => {
  it('solves low degrees exactly and higher ones iteratively', () => {
    expect(polynomialRoots([2, -3, 1])).toEqual({ re: [1, 2], im: [0, 0] });
    expect(polynomialRoots([-4, 2])).toEqual({ re: [2], im: [0] });
    // (z − 1)(z − 2)(z − 3) = z³ − 6z² + 11z − 6
    const cubic = sorted(polynomialRoots([-6, 11, -6, 1]));
    cubic.forEach(([re, im], i) => {
      expect(re).toBeCloseTo(i + 1, 10);
      expect(im).toBeCloseTo(0, 10);
    });
    // z² + 1: ±i
    const pair = sorted(polynomialRoots([1, 0, 1]));
    expect(pair[0]![0]).toBeCloseTo(0, 12);
    expect(Math.abs(pair[0]![1])).toBeCloseTo(1, 12);
    // z⁴ − 1 and trailing zeros dropped
    const quartic = polynomialRoots([-1, 0, 0, 0, 1, 0]);
    expect(quartic.re).toHaveLength(4);
    for (let i = 0; i < 4; i++) expect(Math.hypot(quartic.re[i]!, quartic.im[i]!)).toBeCloseTo(1, 10);
  });

  it('finds the smallest root modulus of AR and MA polynomials', () => {
    expect(minRootModulus([0.5], -1)).toBeCloseTo(2, 12); // 1 − 0.5z
    expect(minRootModulus([0.5], 1)).toBeCloseTo(2, 12); // 1 + 0.5z
    // 1 − 1.5z + 0.5z² = (1 − z)(1 − 0.5z): unit root
    expect(minRootModulus([1.5, -0.5], -1)).toBeCloseTo(1, 10);
    expect(minRootModulus([0, 0], -1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('reflects MA roots inside the unit circle (R maInvert)', () => {
    expect(invertMa([2])).toEqual([0.5]);
    expect(invertMa([0.3])).toEqual([0.3]);
    // 1 + 2.5z + z² = (1 + 2z)(1 + 0.5z): root −0.5 → −2, giving (1 + 0.5z)² = 1 + z + 0.25z²
    const inv = invertMa([2.5, 1]);
    expect(inv[0]).toBeCloseTo(1, 10);
    expect(inv[1]).toBeCloseTo(0.25, 10);
  });

  it('moves MA roots onto the unit circle', () => {
    expect(rootsOnUnitCircle([0.5])[0]).toBeCloseTo(1, 12);
    // double root at 1.25 → (1 − z)²
    const b = rootsOnUnitCircle([-1.6, 0.64]);
    expect(b[0]).toBeCloseTo(-2, 8);
    expect(b[1]).toBeCloseTo(1, 8);
  });

  it('invertMa always gives an invertible polynomial with the same autocorrelation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 1, maxLength: 4 }),
        (theta) => {
          const inv = invertMa(theta);
          const root = minRootModulus(inv, 1);
          if (Number.isFinite(root)) expect(root).toBeGreaterThan(1 - 1e-6);
          // ρ(1) = Σθ_iθ_{i+1} / Σθ_i² (θ₀ = 1) is invariant under root reflection
          const rho = (t: number[]) => {
            const c = [1, ...t];
            let s0 = 0;
            let s1 = 0;
            for (let i = 0; i < c.length; i++) {
              s0 += c[i]! * c[i]!;
              if (i + 1 < c.length) s1 += c[i]! * c[i + 1]!;
            }
            return s1 / s0;
          };
          expect(rho(inv)).toBeCloseTo(rho(theta), 6);
        },
      ),
    );
  });
});
