import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minRootModulus } from './roots.js';
import { arToPacf, pacfToAr } from './transform.js';

describe('partial-autocorrelation transform', () => {
  it('maps through tanh and Durbin–Levinson', () => {
    expect(pacfToAr([Math.atanh(0.5)])[0]).toBeCloseTo(0.5, 14);
    // κ = (0.5, 0.2): φ₂ = 0.2, φ₁ = κ₁ − κ₂κ₁ = 0.4
    const phi = pacfToAr([Math.atanh(0.5), Math.atanh(0.2)]);
    expect(phi[0]).toBeCloseTo(0.4, 14);
    expect(phi[1]).toBeCloseTo(0.2, 14);
  });

  it('inverts exactly and rejects non-stationary polynomials', () => {
    const raw = [0.3, -1.2, 2.1];
    const back = arToPacf(pacfToAr(raw))!;
    raw.forEach((v, i) => {
      expect(back[i]).toBeCloseTo(v, 10);
    });
    expect(arToPacf([1.2])).toBeNull();
    expect(arToPacf([1.5, -0.5])).toBeNull(); // unit root
  });

  it('every unconstrained vector gives a stationary AR polynomial', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (raw) => {
          expect(minRootModulus(pacfToAr(raw), -1)).toBeGreaterThan(1);
        },
      ),
    );
  });
});
