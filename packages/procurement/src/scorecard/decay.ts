import type { Decay } from './schemas.js';

/**
 * The weight of the period `back` periods before the current one (0 = current): 1 for `none`;
 * `max(0, min(1, (N − back) / N))` for `linear` (ERPNext's test function); `0.5^(back / halfLife)`
 * for `exponential`.
 *
 * @example
 * decayWeight({ type: 'linear', periods: 12 }, 3) // 0.75
 * decayWeight({ type: 'exponential', halfLife: 2 }, 2) // 0.5
 */
export function decayWeight(decay: Decay, back: number): number {
  switch (decay.type) {
    case 'none':
      return 1;
    case 'linear':
      return Math.max(0, Math.min(1, (decay.periods - back) / decay.periods));
    case 'exponential':
      return 0.5 ** (back / decay.halfLife);
  }
}
