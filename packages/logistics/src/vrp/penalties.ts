import type { Instance } from './instance.js';

/**
 * Penalty weights of the relaxed constraints: cost per unit of excess load, per unit of time warp
 * (late arrival or excess route duration), and per unit of excess route distance. The genetic
 * search adapts them so that a target share of new solutions is feasible (Vidal et al. 2012).
 */
export interface PenaltyWeights {
  load: number;
  time: number;
  distance: number;
}

const MIN_WEIGHT = 0.1;
const MAX_WEIGHT = 100_000;

/** Starting weights: excess load priced like the longest arc per largest demand, as HGS-CVRP does. */
export function initialPenalties(instance: Instance): PenaltyWeights {
  const perLoad = instance.maxDemand > 0 ? instance.maxArc / instance.maxDemand : 1;
  return {
    load: Math.max(MIN_WEIGHT, Math.min(1000, perLoad)),
    time: 1,
    distance: 1,
  };
}

/**
 * Adapts the weights from the feasible shares of the last batch of local searches: raise a weight
 * by 20 % when too few solutions met that constraint, lower it by 15 % when too many did.
 */
export class PenaltyManager {
  readonly weights: PenaltyWeights;
  readonly target: number;
  #load = 0;
  #time = 0;
  #distance = 0;
  #count = 0;

  constructor(instance: Instance, target = 0.2, initial: Partial<PenaltyWeights> = {}) {
    this.weights = { ...initialPenalties(instance), ...initial };
    this.target = target;
  }

  /** Records whether one educated solution kept each constraint. */
  record(loadOk: boolean, timeOk: boolean, distanceOk: boolean): void {
    if (loadOk) this.#load++;
    if (timeOk) this.#time++;
    if (distanceOk) this.#distance++;
    this.#count++;
  }

  /** Number of records since the last update. */
  get pending(): number {
    return this.#count;
  }

  /** Updates the weights from the records and forgets them. */
  update(): void {
    if (this.#count === 0) return;
    const w = this.weights;
    w.load = this.#adjust(w.load, this.#load / this.#count);
    w.time = this.#adjust(w.time, this.#time / this.#count);
    w.distance = this.#adjust(w.distance, this.#distance / this.#count);
    this.#load = 0;
    this.#time = 0;
    this.#distance = 0;
    this.#count = 0;
  }

  #adjust(weight: number, share: number): number {
    if (share < this.target - 0.05) return Math.min(MAX_WEIGHT, weight * 1.2);
    if (share > this.target + 0.05) return Math.max(MIN_WEIGHT, weight * 0.85);
    return weight;
  }
}
