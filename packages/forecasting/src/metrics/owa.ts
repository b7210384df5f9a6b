/** Overall weighted average, the M4 headline score relative to Naive2. */
import { ValidationError } from '@s2b2b/core';

/**
 * OWA = ½·(sMAPE / sMAPE_Naive2 + MASE / MASE_Naive2). M4 applies it to the **aggregated**
 * (mean over series) values, not per series. 1 means "as good as Naive2", lower is better.
 *
 * Throws `ValidationError` on the argument that is not a finite number ≥ 0, or on
 * `naive2Smape` / `naive2Mase` when they are 0.
 *
 * @example
 * owa(12, 1.5, 15, 2) // (12/15 + 1.5/2) / 2 = 0.775
 */
export function owa(smapeValue: number, maseValue: number, naive2Smape: number, naive2Mase: number): number {
  const args = { smapeValue, maseValue, naive2Smape, naive2Mase };
  for (const [name, value] of Object.entries(args)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw ValidationError.field(name, 'Expected a finite number ≥ 0', 'invalid_number');
    }
  }
  if (naive2Smape === 0) throw ValidationError.field('naive2Smape', 'Expected a value > 0', 'too_small');
  if (naive2Mase === 0) throw ValidationError.field('naive2Mase', 'Expected a value > 0', 'too_small');
  return (smapeValue / naive2Smape + maseValue / naive2Mase) / 2;
}
