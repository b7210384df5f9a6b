import { naive } from './naive.js';
import { withSeasonalAdjustment } from './seasonal-wrapper.js';
import type { ModelFit } from './types.js';

/** Options of {@link naive2}. */
export type Naive2Options = {
  /** Observations per seasonal cycle (integer >= 1; 1 makes Naive2 equal to naive). */
  seasonLength: number;
};

const seasonallyAdjustedNaive = withSeasonalAdjustment(naive);

/**
 * Naive2 of the M3/M4 competitions: naive on the seasonally adjusted series (classical multiplicative decomposition,
 * only when the M4 seasonality test passes), re-seasonalised. The accuracy baseline of OWA.
 *
 * @example
 * naive2([10, 20, 30, 40, 10, 20, 30, 40, 10, 20, 30, 40], 2, { seasonLength: 4 }).mean // [10, 20] when seasonal
 */
export function naive2(y: readonly number[], horizon: number, options: Naive2Options): ModelFit {
  return seasonallyAdjustedNaive(y, horizon, { seasonLength: options?.seasonLength });
}
